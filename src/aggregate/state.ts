// The scorecard's whole state as plain data (structured-cloneable), so partial scorecards built
// in worker threads can be merged into one.

import type { OutcomeCode } from '../findings.js';
import type { DeferredCheck } from '../rules/verdict.js';
import type { RuleState } from './rule-state.js';

/** A ticket whose outcome waits for as_of (see rules/verdict.ts `defer`). */
export interface DeferredEntry extends DeferredCheck {
  /** Index of the rule among the evaluated rules. */
  rule: number;
  id: string;
  created: number;
  channel?: string;
  agent?: string;
  week: string;
  keys: string[];
  override: number;
  /** The check's limit and outcome code when over it (the Verdict's `limit` and `code`). */
  limit: number;
  code: OutcomeCode;
}

/**
 * A deferred breach already known to be over its limit, whose value (elapsed time up to as_of)
 * is computed at finish. Kept only among the rule's worst (see deferred.ts).
 */
export interface LateBreach {
  since: number;
  id: string;
  code: OutcomeCode;
  limit: number;
  created: number;
  channel?: string;
  agent?: string;
}

/** Outcomes settled before as_of was known whose value waits for it (per evaluated rule). */
export interface LateValues {
  /** `since` of each settled met/breached outcome: its sample is the clock's time from it to as_of. */
  samples: number[];
  breaches: LateBreach[];
  /** The last breach kept at the latest trim: one clearly later can never make the list. */
  floor: LateBreach | null;
}

export interface ScorecardState {
  /** Per evaluated rule: its state under `all`, or per local hour of the week (`0`…`167`). */
  rules: Record<string, RuleState>[];
  /** Tickets whose outcome may still change with as_of. */
  deferred: DeferredEntry[];
  late: LateValues[];
  /** A time as_of is known to be at or after (the data's latest so far); -Infinity when unknown. */
  floor: number;
  /** Channel → counts per first-response bin (calendar minutes). */
  firstResponse: Record<string, number[]>;
  /** Tickets added within the selection (--since/--until): what the audit measured. */
  selected: number;
  /** Per breakdown dimension (in `by` order), the keys counted one by one: key → hash (key-table.ts). */
  keys: Map<string, number>[];
}

/** Upper bin edges in minutes for the first-response distribution (the last bin is open). */
export const FIRST_RESPONSE_EDGES = [1, 3, 5, 15, 30, 60, 240, 480, 1440, 2880, 10080];
