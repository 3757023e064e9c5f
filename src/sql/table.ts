// The canonical `tickets` table (docs/sql.md): one row per ticket, the canonical fields of
// docs/mapping.md under their own names. Instants are Int64 epoch milliseconds in UTC, as the JS
// pipeline holds them: integer arithmetic gives the very durations the default engine computes,
// no session time zone can shift them, and ClickHouse 18.16 (which has no DateTime64) stores
// them the same way. Tags are a list of lower-case strings. The last two columns are flags only
// conversations assembled from message exports carry (NULL on ticket rows): `outbound` and
// `customer_wrote` (customerWrote below).

import type { Ticket } from '../types.js';
import type { Dialect } from './dialect.js';

export type ColumnKind = 'text' | 'instant' | 'number' | 'flag' | 'tags';

/** Name and kind of each canonical column, in table order. */
export const TICKET_COLUMNS: readonly (readonly [string, ColumnKind])[] = [
  ['id', 'text'],
  ['channel', 'text'],
  ['created_at', 'instant'],
  ['first_response_at', 'instant'],
  ['first_response_minutes', 'number'],
  ['first_response_business_minutes', 'number'],
  ['solved_at', 'instant'],
  ['closed_at', 'instant'],
  ['updated_at', 'instant'],
  ['due_at', 'instant'],
  ['status', 'text'],
  ['priority', 'text'],
  ['type', 'text'],
  ['tags', 'tags'],
  ['subject', 'text'],
  ['agent', 'text'],
  ['team', 'text'],
  ['requester', 'text'],
  ['requester_name', 'text'],
  ['csat', 'number'],
  ['csat_good', 'flag'],
  ['nps', 'number'],
  ['reopens', 'number'],
  ['agent_replies', 'number'],
  ['wait_seconds', 'number'],
  ['missed', 'flag'],
  ['abandoned', 'flag'],
  ['order_at', 'instant'],
  ['return_requested_at', 'instant'],
  ['return_decision', 'text'],
  ['refunded_at', 'instant'],
  ['last_agent_update_at', 'instant'],
  ['resolution_minutes', 'number'],
  ['resolution_business_minutes', 'number'],
  ['first_resolution_minutes', 'number'],
  ['first_resolution_business_minutes', 'number'],
  ['requester_wait_minutes', 'number'],
  ['requester_wait_business_minutes', 'number'],
  // Conversations only (message exports; a ticket row joined to one takes its values).
  ['outbound', 'flag'],
  ['customer_wrote', 'flag'],
];

/**
 * The `customer_wrote` column: whether a conversation holds a customer message at or before as_of
 * (its reply pairs, trimmed at as_of, are not empty); undefined for a ticket row, which has none.
 */
export function customerWrote(t: Ticket): boolean | undefined {
  return t.reply_pairs === undefined ? undefined : t.reply_pairs.length > 0;
}

/** A canonical column's value of a ticket: its field, or (`customer_wrote`) what it is derived from. */
export function columnValue(t: Ticket, name: string): unknown {
  return name === 'customer_wrote' ? customerWrote(t) : (t as unknown as Record<string, unknown>)[name];
}

/** `CREATE TABLE` for the canonical table in a dialect. */
export function ticketsDdl(dialect: Dialect, table = 'tickets'): string {
  const width = Math.max(...TICKET_COLUMNS.map(([name]) => name.length));
  const lines = TICKET_COLUMNS.map(([name, kind]) => {
    const type = dialect.columnType(kind, name === 'id' || name === 'created_at');
    return `  ${name.padEnd(width)} ${type}`;
  });
  return `CREATE TABLE ${table} (\n${lines.join(',\n')}\n)${dialect.tableSuffix}`;
}
