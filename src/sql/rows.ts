// The canonical ticket rows the default engine's reading stage maps from an export, collected
// instead of scored: the SQL engines judge them. A scorecard of this shape takes the tickets as
// the reading hands them over (after copies and as_of are settled); it judges nothing itself.

import type { Scorecard, ScorecardOptions } from '../aggregate/scorecard.js';
import type { Policy } from '../policy/types.js';
import type { Ticket } from '../types.js';
import { columnValue } from './table.js';

export interface TicketCollector {
  /** The scorecard factory to hand the reading (ReadingRequest.createCard). */
  createCard(policy: Policy, options: ScorecardOptions): Scorecard;
  /** The tickets of the last scorecard made (a second reading starts afresh). */
  tickets(): Ticket[];
}

/**
 * `sink`: where each ticket goes as it comes, with the number of the scorecard (a second reading
 * makes a new one, whose tickets replace the first's); without it the tickets are kept in a list.
 */
export function ticketCollector(sink?: (t: Ticket, generation: number) => void): TicketCollector & { generation(): number } {
  let rows: Ticket[] = [];
  let generation = -1;
  return {
    createCard(_policy, options) {
      const mine: Ticket[] = [];
      rows = mine;
      const made = ++generation;
      const { clocks: _clocks, ...rest } = options;
      return {
        add: sink ? (t) => sink(t, made) : (t) => void mine.push(t),
        snapshot: () => {
          throw new Error('a collecting scorecard has no state to copy');
        },
        release: () => {
          throw new Error('a collecting scorecard has no state to hand over');
        },
        merge: () => {
          throw new Error('a collecting scorecard does not merge');
        },
        raiseFloor: () => {},
        inputsKnown: () => {},
        partOptions: () => rest,
        finish: () => {
          throw new Error('a collecting scorecard is finished by a SQL engine');
        },
      };
    },
    tickets: () => rows,
    generation: () => generation,
  };
}

/** JSON rows for the canonical table (ClickHouse's JSONEachRow): flags as 0/1, absent as null. */
export function canonicalJsonRows(tickets: readonly Ticket[], columns: readonly (readonly [string, string])[]): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const t of tickets) {
    const row: Record<string, unknown> = {};
    for (const [name, kind] of columns) {
      const v = columnValue(t, name);
      if (kind === 'tags') row[name] = v ?? [];
      else if (v === undefined) row[name] = kind === 'text' && name !== 'id' ? '' : null;
      else row[name] = kind === 'flag' ? (v ? 1 : 0) : v;
    }
    rows.push(row);
  }
  return rows;
}
