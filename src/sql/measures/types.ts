// A measure's SQL part: how one ticket is judged, as SQL expressions over the canonical columns
// of the rule's rows (at as_of, placed in their override group with its window as `window_ms`).
// The compiler (sql/compile.ts) wraps them into one CTE (DuckDB) or subquery (ClickHouse) per rule.

import type { Policy, RuleConfig } from '../../policy/types.js';
import type { Dialect } from '../dialect.js';

export interface SqlContext {
  dialect: Dialect;
  /** Milliseconds between two instants on the rule's clock (0 when `to <= from`), as SQL. */
  elapsed(from: string, to: string): string;
  /** The audit's as_of (ms), as SQL. */
  asOf: string;
  clockKind: 'calendar' | 'business';
  /** The local hour of the week (0 = Sunday 00:00–01:00 … 167) of `created_at` in the policy's zone, as SQL. */
  hourOfWeek: string;
  /** Whether the inputs have a canonical text field (a column mapped, or one holding a value), as SQL. */
  hasField(name: string): string;
  policy: Policy;
}

/**
 * One ticket's verdict as SQL (rules/verdict.ts in columns). `measured` are columns computed
 * first, which the other expressions may name. `outcome` is one of `met`, `breached`, `pending`,
 * `excluded`, `na` (not applicable); `value` and `limit` are those of a breach, `sample` what
 * feeds the percentiles and the mean (NULL for none), `vendor` the canonical column a value came
 * from when timestamps were missing, `count` a breach's count for its reason (reopens; NULL, or
 * left out, for none).
 */
export interface SqlJudgement {
  measured: [name: string, sql: string][];
  outcome: string;
  code: string;
  value: string;
  limit: string;
  sample: string;
  vendor: string;
  /** A count a breach's reason gives (reopens, agent replies); NULL when left out. */
  n?: string;
  /** A slotted measure's slot (rules/definition.ts `slots`), as SQL. */
  slot?: string;
}

export interface SqlMeasure {
  /** Why this rule cannot be computed exactly in SQL, or undefined when it can. */
  unsupported?(rule: RuleConfig): string | undefined;
  judge(rule: RuleConfig, ctx: SqlContext): SqlJudgement;
}
