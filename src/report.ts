// The audit result as plain data: the JSON report (`support-audit/report@1`, docs/reports.md).
// Renderers read only this. Its fixed keys (docs/architecture.md "The fixed names") are never
// renamed; extras are additive.

import type { NoteFinding, OutcomeCode, OutcomeFacts } from './findings.js';
import type { InputSummary } from './types.js';
import type { Severity } from './policy/types.js';

export const REPORT_SCHEMA = 'support-audit/report@1';

export type RuleStatus = 'pass' | 'warn' | 'fail' | 'no_data' | 'insufficient' | 'unsupported';
export type Dimension = 'agent' | 'team' | 'channel' | 'priority' | 'week' | 'month';
export const DIMENSIONS: Dimension[] = ['agent', 'team', 'channel', 'priority', 'week', 'month'];

export interface Breach {
  /** Ticket id. */
  id: string;
  /** The measured value in the rule's unit (minutes for durations), or null for yes/no rules. */
  value: number | null;
  /** A person's reason: "first response 31h12m (calendar) > 24h". */
  reason: string;
  /** Stable code: `late`, `unanswered`, `reopened`, `bad-rating`, `matched`, `missed`, `rejected`… */
  code: string;
  created_at: string;
  channel?: string;
  agent?: string;
}

/** A breach as the scorecard finds it: its outcome as data, worded into `reason` when the report is built. */
export interface BreachFinding extends Omit<Breach, 'reason' | 'code'> {
  code: OutcomeCode;
  facts: OutcomeFacts;
}

export interface TrendPoint {
  /** ISO week `2024-W09` (in the policy's time zone). */
  period: string;
  eligible: number;
  met: number;
  compliance: number | null;
}

/**
 * One tier of a rule with overrides: the tickets of one override (`when`, first match wins), or
 * those matching none (`base`, judged at the rule's own window and target). Each is judged alone.
 */
export interface RuleGroup {
  /** The override's condition, as the policy gives it. */
  when?: { priority?: string[]; channel?: string[] };
  /** The tickets that match no override. */
  base?: true;
  /** The group's window in minutes, for rules with one. */
  window_minutes: number | null;
  target: number;
  warn: number;
  eligible: number;
  met: number;
  breached: number;
  pending: number;
  compliance: number | null;
  status: RuleStatus;
}

export interface RuleResult {
  id: string;
  expectation: number | null;
  title: string;
  measure: string;
  severity: Severity;
  weight: number;
  status: RuleStatus;
  eligible: number;
  met: number;
  breached: number;
  pending: number;
  excluded: number;
  /** Excluded tickets per reason code (`tag:spam`, `closed-without-reply`, `outbound`, …). */
  excluded_reasons: Record<string, number>;
  /** met ÷ eligible, or null when nothing was eligible. */
  compliance: number | null;
  target: number;
  warn: number;
  /** `minutes` for duration rules, `ratio` for rate rules. */
  unit: 'minutes' | 'ratio';
  p50: number | null;
  p90: number | null;
  p95: number | null;
  mean: number | null;
  clock: 'calendar' | 'business';
  /** The rule's window in minutes, for duration rules. */
  window_minutes?: number | null;
  /** Rate rules: the ceiling and the measured rate (1 − compliance). */
  ceiling?: number;
  rate?: number | null;
  /** For `no_data`: the canonical fields the inputs lack. */
  missing?: string[];
  /** Why the status is what it is when not obvious (no_data cause, vendor column used, peak comparison…). */
  note?: string;
  /**
   * Rules with overrides: each group judged alone, overrides in policy order, then the base.
   * The rule's status is its worst group's; its score term their eligible-weighted mean.
   */
  groups?: RuleGroup[];
  /** The worst breaches (capped by --show-breaches / report defaults), worst first. */
  breaches: Breach[];
  trend: TrendPoint[];
  /** Change in compliance points (0–100 scale) against a baseline report, when one was given. */
  delta?: number | null;
}

/**
 * A rule's result as the scorecard finds it: notes and breaches as findings, worded into `note`
 * and the breaches' `reason` when the report is built (render/findings.ts ruleResult).
 */
export interface RuleFindings extends Omit<RuleResult, 'note' | 'breaches'> {
  notes: NoteFinding[];
  breaches: BreachFinding[];
}

export interface BreakdownRow {
  key: string;
  /**
   * Only on the last row of a breakdown with more keys than it lists (--max-keys): the exact
   * totals of every key not listed. Its `key` is OTHER_ROW_KEY, which an agent may also be called:
   * this flag, not the key, tells the row apart.
   */
  other?: true;
  rules: { id: string; eligible: number; met: number; compliance: number | null }[];
}

/** The `key` of a breakdown's "other" row (tell it by its `other` flag). */
export const OTHER_ROW_KEY = '(other)';

export interface Summary {
  /** 0–100, weight-averaged min(1, compliance ÷ target) over rules with data; null if none. */
  score: number | null;
  status: 'pass' | 'warn' | 'fail';
  exit_code: 0 | 1;
  /** `unsupported` only when a SQL engine could not compute a rule (then it is never 0). */
  counts: { pass: number; warn: number; fail: number; no_data: number; insufficient: number; unsupported?: number };
  gate: {
    passed: boolean;
    min_score: number;
    fail_on: 'error' | 'warn';
    /** Why the gate failed: `nothing-measured`, `score-below-minimum`, `rule-failed:<id>`, `regression:<id>`. */
    reasons: string[];
    /** Each reason in words, in the same order: `email-first-response failed: 66.7 % against 90 %`. */
    messages?: string[];
    /** Tickets within the selection (what the audit measured). */
    measured?: number;
  };
}

/** Histogram of first-response minutes per channel, for charts. */
export interface Distribution {
  /** Upper bin edges in minutes (last bin is open-ended). */
  edges: number[];
  counts: Record<string, number[]>;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  /** The engine that computed the rules, when not the built-in one (`--engine`). */
  engine?: 'duckdb' | 'clickhouse';
  /** null only when the data holds no timestamp at all and no --as-of was given. */
  as_of: string | null;
  generated_by: { name: string; version: string };
  /** The policy's zone: times shown to people are in it. `note`: how the policy was chosen, when worth saying. */
  policy: { name: string; source: string; timezone?: string; note?: string; ticket_url?: string };
  inputs: InputSummary[];
  summary: Summary;
  rules: RuleResult[];
  breakdowns: Partial<Record<Dimension, BreakdownRow[]>>;
  /** Selection applied (`--since`/`--until`), as ISO dates, when given. */
  window?: { since?: string; until?: string };
  distributions?: { first_response?: Distribution };
  baseline?: { path: string; as_of: string | null; score: number | null };
}
