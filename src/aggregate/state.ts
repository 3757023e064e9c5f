// The scorecard's whole state as plain data (structured-cloneable), so partial scorecards built
// in worker threads can be merged into one.

import type { ResolvedKind } from '../rules/verdict.js';
import type { RuleState } from './rule-state.js';

/** A ticket whose outcome waits for as_of (see rules/verdict.ts `defer`). */
export interface DeferredEntry {
  /** Index of the rule among the evaluated rules. */
  rule: number;
  id: string;
  created: number;
  channel?: string;
  agent?: string;
  week: string;
  keys: string[];
  override: number;
  since: number;
  limit: number;
  code: string;
  since2: number;
  limit2: number;
  code2: string;
  need2: string;
  over: ResolvedKind;
  within: ResolvedKind;
  withinCode: string;
}

export interface ScorecardState {
  /** Per evaluated rule: its state under `all`, or per local hour of the week (`0`…`167`). */
  rules: Record<string, RuleState>[];
  deferred: DeferredEntry[];
  /** Channel → counts per first-response bin (calendar minutes). */
  firstResponse: Record<string, number[]>;
}

/** Upper bin edges in minutes for the first-response distribution (the last bin is open). */
export const FIRST_RESPONSE_EDGES = [1, 3, 5, 15, 30, 60, 240, 480, 1440, 2880, 10080];
