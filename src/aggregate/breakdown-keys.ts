// The keys a ticket counts under in each breakdown (--by), from bounded tables (key-table.ts):
// a key pushed out of its table has its counts folded into OTHER_KEY in every rule's state.

import type { Dimension } from '../report.js';
import type { Ticket } from '../types.js';
import { KEPT_PER_LISTED, KeyTable, OTHER_KEY } from './key-table.js';
import type { Periods } from './periods.js';
import { addPair, type RuleState } from './rule-state.js';

function dimensionKey(t: Ticket, dim: Dimension, periods: Periods): string {
  switch (dim) {
    case 'week':
      return periods.week(t.created_at);
    case 'month':
      return periods.month(t.created_at);
    default:
      return t[dim] ?? '(none)';
  }
}

export class BreakdownKeys {
  private readonly tables: KeyTable[];
  /** Per dimension: folds a key pushed out of its table into OTHER_KEY, in every rule's state. */
  private readonly folders: ((key: string) => void)[];

  /**
   * `kept`: the scorecard state's kept keys per dimension (filled here); `ruleStates`: its rules'
   * states, where pushed-out keys are folded; `maxKeys`: keys a breakdown lists (--max-keys).
   */
  constructor(
    private readonly by: Dimension[],
    kept: Map<string, number>[],
    ruleStates: Record<string, RuleState>[],
    maxKeys: number,
  ) {
    this.tables = kept.map((keys) => new KeyTable(maxKeys * KEPT_PER_LISTED, keys));
    this.folders = by.map((dim) => (key: string) => {
      for (const slots of ruleStates) {
        for (const s of Object.values(slots)) {
          const byKey = s.groups[dim];
          const pair = byKey?.get(key);
          if (!byKey || !pair) continue;
          byKey.delete(key);
          addPair(byKey, OTHER_KEY, pair[0], pair[1]);
        }
      }
    });
  }

  /** Writes into `keys` the key the ticket counts under in each dimension. */
  place(t: Ticket, periods: Periods, keys: string[]): void {
    for (let d = 0; d < this.by.length; d++) keys[d] = this.tables[d].admit(dimensionKey(t, this.by[d], periods), this.folders[d]);
  }

  /**
   * Takes a part's kept keys in, before its counts: the kept ones are the smallest by hash over
   * both parts, so the merge gives what one pass gives, in any order.
   */
  admit(other: Map<string, number>[]): void {
    for (let d = 0; d < this.tables.length; d++) for (const key of other[d]?.keys() ?? []) this.tables[d].admit(key, this.folders[d]);
  }

  /** Under which key a part's breakdown key counts here: itself while kept, else OTHER_KEY. */
  readonly keyOf = (dim: string, key: string): string => (this.tables[this.by.indexOf(dim as Dimension)]?.has(key) ? key : OTHER_KEY);
}
