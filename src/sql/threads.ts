// Conversations assembled from message exports (assemble/conversations.ts), on a SQL engine. They
// become canonical tickets like any ticket row, with two columns of their own in the SQL table
// (table.ts): `outbound` (started by an agent) and `customer_wrote` (reply pairs at as_of not
// empty), which the first-response, presales and peak measures read as the built-in judging reads
// the thread. What the table still cannot hold is every agent update time of a thread: the
// promise-updates rule reports `unsupported` when the inputs hold messages (their fields are
// available, ingest.ts availableFields) or when a table's `outbound` column holds a value (a
// table loaded from message threads); the other rules compute as on ticket rows.

import type { MeasureId } from '../rules/measures.js';
import type { Ticket } from '../types.js';
import { customerWrote } from './table.js';

/** The fields only conversations assembled from messages carry; `outbound` is a column of the SQL table, the others are not. */
export const THREAD_FIELDS = ['outbound', 'reply_pairs', 'agent_update_times'] as const;

/**
 * Whether the inputs hold messages: their conversations carry the thread fields. On a table
 * (Parquet, DuckDB, ClickHouse), whose fields are the columns holding a value, an `outbound`
 * value says its rows include conversations loaded from message threads.
 */
export function fromMessages(available: ReadonlySet<string> | undefined): boolean {
  if (available === undefined) return false;
  for (const field of THREAD_FIELDS) if (available.has(field)) return true;
  return false;
}

/**
 * Why a measure the SQL computes on ticket rows cannot be computed when the inputs hold messages:
 * its built-in judging reads a thread field the table has no column for. (next-reply and
 * update-gap read nothing else, and have no SQL form at all: measures/index.ts.)
 */
export const THREAD_UNSUPPORTED: Partial<Record<MeasureId, string>> = {
  'promise-updates': 'with message exports, the promise-updates measure reads every agent update time of message threads, which the SQL table does not hold',
};

/** The same for a table whose `outbound` column holds a value: it was loaded from message threads. */
const TABLE_THREAD_UNSUPPORTED: Partial<Record<MeasureId, string>> = {
  'promise-updates':
    "the table's outbound column holds values, so it was loaded from message threads, and the promise-updates measure reads every agent update time of those threads, which the table does not hold",
};

/** Why `measure` is not computed in SQL on inputs with the fields `available`, or undefined. */
export function threadUnsupported(measure: MeasureId, available: ReadonlySet<string> | undefined): string | undefined {
  if (!fromMessages(available)) return undefined;
  // Inputs read as exports name the thread fields of their conversations; a table only the column.
  return available!.has('agent_update_times') ? THREAD_UNSUPPORTED[measure] : TABLE_THREAD_UNSUPPORTED[measure];
}

/**
 * `sink` for the tickets as the SQL table holds them: a conversation (or a ticket row joined to
 * one) gets its `customer_wrote` column, which no ticket field holds as such. Ticket rows alone
 * have no reply pairs: they pass as they are.
 */
export function tableTickets<G>(sink: (t: Ticket, generation: G) => void): (t: Ticket, generation: G) => void {
  return (t, generation) => {
    if (t.reply_pairs === undefined) return sink(t, generation);
    sink({ ...t, customer_wrote: customerWrote(t) } as Ticket, generation);
  };
}
