// Conversations assembled from message exports (assemble/conversations.ts), on a SQL engine. They
// become canonical tickets like any ticket row, but carry three things the SQL table has no
// column for: `outbound` (started by an agent), `reply_pairs` and `agent_update_times`. The rules
// whose built-in judging reads one of them report `unsupported` when the inputs hold messages
// (their fields are available, ingest.ts availableFields); the others compute as on ticket rows.

import type { MeasureId } from '../rules/measures.js';
import type { Ticket } from '../types.js';

/** The fields only conversations assembled from messages carry; none is a column of the SQL table. */
export const THREAD_FIELDS = ['outbound', 'reply_pairs', 'agent_update_times'] as const;

/** Whether the inputs hold messages: their conversations carry the thread fields. */
export function fromMessages(available: ReadonlySet<string> | undefined): boolean {
  if (available === undefined) return false;
  for (const field of THREAD_FIELDS) if (available.has(field)) return true;
  return false;
}

/**
 * Why a measure the SQL computes on ticket rows cannot be computed when the inputs hold messages:
 * its built-in judging reads a thread field. (next-reply and update-gap read nothing else, and
 * have no SQL form at all: measures/index.ts.)
 */
export const THREAD_UNSUPPORTED: Partial<Record<MeasureId, string>> = {
  'first-response':
    'with message exports, the first-response measure leaves out outbound conversations and those without a customer message, which the SQL table does not mark',
  presales:
    'with message exports, the presales measure leaves out outbound conversations and those without a customer message, which the SQL table does not mark',
  peak: "with message exports, the peak measure's response times leave out outbound conversations, which the SQL table does not mark",
  'promise-updates': 'with message exports, the promise-updates measure reads every agent update time of message threads, which the SQL table does not hold',
};

/** Why `measure` is not computed in SQL on inputs with the fields `available`, or undefined. */
export function threadUnsupported(measure: MeasureId, available: ReadonlySet<string> | undefined): string | undefined {
  return fromMessages(available) ? THREAD_UNSUPPORTED[measure] : undefined;
}

/**
 * `sink` for the tickets as the SQL table holds them. An outbound conversation (or a ticket row
 * joined to one) is left out of the first-response histogram by the built-in engine
 * (aggregate/breakdowns.ts recordFirstResponse); the table cannot mark it, so it is staged without
 * its first-response fields, which only the histogram and the rules unsupported here would read.
 * Ticket rows alone are never outbound: they pass as they are.
 */
export function tableTickets<G>(sink: (t: Ticket, generation: G) => void): (t: Ticket, generation: G) => void {
  return (t, generation) => {
    if (t.outbound !== true) return sink(t, generation);
    sink({ ...t, first_response_at: undefined, first_response_minutes: undefined, first_response_business_minutes: undefined }, generation);
  };
}
