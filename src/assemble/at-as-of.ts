// A ticket as it stood at the audit's as_of (docs/timestamps.md "as_of"): a ticket created after
// as_of is outside the audit, and an event after it has not happened yet. Exports are made later
// than the as_of one may audit by (`--as-of` last Friday on today's export), and a mistyped
// timestamp far beyond the rest is not taken as as_of (map/latest-times.ts): either way, what
// lies beyond as_of is dropped here before any rule sees the ticket.

import type { Ticket } from '../types.js';

const MINUTE = 60_000;

/**
 * The ticket at `asOf`, changed in place: false when it was created after as_of (not audited).
 * Counts and ratings carry no time and are taken as exported, except that replies are none when
 * the first reply came after as_of.
 */
export function atAsOf(t: Ticket, asOf: number): boolean {
  const created = t.created_at;
  if (created > asOf) return false;
  let unanswered = false;
  if (t.first_response_at !== undefined && t.first_response_at > asOf) {
    t.first_response_at = undefined;
    unanswered = true;
  }
  // A vendor's duration says when the event happened; the calendar one says it exactly, and a
  // business duration past as_of is past it on the calendar too.
  if (t.first_response_minutes !== undefined && created + t.first_response_minutes * MINUTE > asOf) {
    t.first_response_minutes = undefined;
    t.first_response_business_minutes = undefined;
    unanswered = true;
  }
  if (t.first_response_business_minutes !== undefined && created + t.first_response_business_minutes * MINUTE > asOf) {
    t.first_response_business_minutes = undefined;
    unanswered = true;
  }
  if (unanswered && t.agent_replies !== undefined) t.agent_replies = 0;
  let reopened = false;
  if (t.solved_at !== undefined && t.solved_at > asOf) {
    t.solved_at = undefined;
    reopened = true;
  }
  if (t.closed_at !== undefined && t.closed_at > asOf) {
    t.closed_at = undefined;
    reopened = true;
  }
  // Solved or closed later than as_of: still open at as_of.
  if (reopened && (t.status === 'solved' || t.status === 'closed')) t.status = 'open';
  if (t.resolution_minutes !== undefined && created + t.resolution_minutes * MINUTE > asOf) {
    t.resolution_minutes = undefined;
    t.resolution_business_minutes = undefined;
  }
  if (t.resolution_business_minutes !== undefined && created + t.resolution_business_minutes * MINUTE > asOf) {
    t.resolution_business_minutes = undefined;
  }
  if (t.updated_at !== undefined && t.updated_at > asOf) t.updated_at = undefined;
  if (t.last_agent_update_at !== undefined && t.last_agent_update_at > asOf) t.last_agent_update_at = undefined;
  if (t.order_at !== undefined && t.order_at > asOf) t.order_at = undefined;
  if (t.return_requested_at !== undefined && t.return_requested_at > asOf) {
    t.return_requested_at = undefined;
    t.return_decision = undefined;
  }
  if (t.refunded_at !== undefined && t.refunded_at > asOf) t.refunded_at = undefined;
  const updates = t.agent_update_times;
  if (updates !== undefined && updates.length > 0 && updates[updates.length - 1] > asOf) {
    t.agent_update_times = updates.filter((at) => at <= asOf);
  }
  const pairs = t.reply_pairs;
  if (pairs?.some((at) => at > asOf)) {
    const kept: number[] = [];
    for (let i = 0; i < pairs.length; i += 2) {
      if (pairs[i] > asOf) continue;
      kept.push(pairs[i], pairs[i + 1] > asOf ? NaN : pairs[i + 1]);
    }
    t.reply_pairs = kept;
  }
  return true;
}
