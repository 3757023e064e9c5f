// A ticket export and a message export of the same desk, audited together (docs/reading.md "A
// ticket export with its messages"): a ticket row and the conversation with its id are one
// ticket. The ticket row says what the ticket is (status, due time, priority, tags…); the messages
// say when agents answered and updated it, which a ticket export cannot carry.

import type { Ticket } from '../types.js';

/** The ticket row `row` with what only its conversation `conv` knows (in place). */
export function joinConversation(row: Ticket, conv: Ticket): Ticket {
  row.agent_update_times = conv.agent_update_times;
  row.reply_pairs = conv.reply_pairs;
  if (row.outbound === undefined) row.outbound = conv.outbound;
  // Message times are exact where a ticket export has a duration or nothing at all.
  if (row.first_response_at === undefined) row.first_response_at = conv.first_response_at;
  if (conv.last_agent_update_at !== undefined && !(row.last_agent_update_at !== undefined && row.last_agent_update_at >= conv.last_agent_update_at)) {
    row.last_agent_update_at = conv.last_agent_update_at;
  }
  if (conv.updated_at !== undefined && !(row.updated_at !== undefined && row.updated_at >= conv.updated_at)) row.updated_at = conv.updated_at;
  row.agent_replies ??= conv.agent_replies;
  row.agent ??= conv.agent;
  row.requester ??= conv.requester;
  row.channel ??= conv.channel;
  row.subject ??= conv.subject;
  return row;
}
