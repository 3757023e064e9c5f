// The effective (resolved) policy that the audit consumes: every default filled in, every
// percentage a fraction 0–1, every duration in milliseconds. The zod schema (policy/schema.ts)
// parses what people write (`95%`, `24h`, `22:00-06:00`) and resolves it into these shapes.

import type { Encoding } from '../read/decode.js';
import type { MeasureParams } from '../rules/index.js';
import type { MeasureId } from '../rules/measures.js';
import type { Channel, Priority, Status } from '../types.js';

/** A ticket filter. Text tests are plain words or globs (`*` and `?` only), case-insensitive. */
export interface Filter {
  channel?: Channel[];
  priority?: Priority[];
  status?: Status[];
  /** Ticket type: any glob matches. */
  type?: string[];
  tags?: { any?: string[]; all?: string[]; none?: string[] };
  team?: string[];
  /** Subject: any of these words/globs occurs in the subject (word glob, not a regular expression). */
  subject?: string[];
  /** Matches when any of `type`, `tags.any` or `subject` above matches (instead of all of them). */
  match?: 'all' | 'any';
}

/** Per-priority / per-channel override of a rule's numbers, like help desks' SLA policies. */
export interface RuleOverride {
  when: { priority?: Priority[]; channel?: Channel[] };
  window?: number;
  target?: number;
  warn?: number;
}

export type Severity = 'error' | 'warn' | 'off';
export type Clock = 'calendar' | 'business';

export interface RuleBase {
  id: string;
  /** 1–8 for the eight baseline expectations, null for a channel response window. */
  expectation: number | null;
  /** One line for people: "Live chat answered within 3 minutes". */
  title: string;
  applies_to: Filter;
  /** Compliance target, a fraction 0–1 (pass at or above it). */
  target: number;
  /** Warn level, a fraction 0–1 (warn at or above it, fail below). */
  warn: number;
  severity: Severity;
  weight: number;
  clock: Clock;
  /** Schedule name (business clock); required when clock is `business`. */
  schedule?: string;
  overrides: RuleOverride[];
}

/**
 * What a rule measures, with its parameters (durations in ms, rates as fractions): each measure's
 * parameters are what its zod schema resolves to (rules/<measure>.ts `params`).
 */
export type Measure = { [M in MeasureId]: { measure: M } & MeasureParams[M] }[MeasureId];

export type { MeasureId };
export type RuleConfig = RuleBase & Measure;

/** Minutes from local midnight, `[start, end)`, end may be 1440 (24:00). */
export type DayInterval = [number, number];

export interface ScheduleVersion {
  /** Local date `YYYY-MM-DD` from which this version applies; null for "always" (the first one). */
  valid_from: string | null;
  timezone: string;
  /** Index 0 = Sunday … 6 = Saturday; overnight intervals are already split at midnight. */
  week: DayInterval[][];
  /** Local dates closed whole (`intervals` absent) or partly (only `intervals` closed). */
  holidays: { date: string; intervals?: DayInterval[]; name?: string }[];
  /** Public holidays via date-holidays. */
  public_holidays?: { country: string; state?: string; region?: string };
}

export interface Schedule {
  name: string;
  /** Sorted by valid_from (null first). */
  versions: ScheduleVersion[];
}

export interface InputsConfig {
  preset?: string;
  timezone?: string;
  /** Text encoding of exports without a byte-order mark (read/decode.ts ENCODINGS). */
  encoding?: Encoding;
  date_order?: 'DMY' | 'MDY';
  timestamp_format?: 'iso' | 'dmy' | 'mdy' | 'jira' | 'twitter' | 'epoch' | 'auto';
  duration_unit?: 'seconds' | 'minutes' | 'hours' | 'hms';
  /** Canonical field → header name(s) in the user's export. */
  columns?: Record<string, string[]>;
  /** Canonical field → { vendor value: canonical value }. */
  values?: Record<string, Record<string, string>>;
  empty?: string[];
}

export interface Gate {
  /** Minimum overall score 0–100. */
  min_score: number;
  /** Lowest severity whose failing rule fails the run: `error` (default) or `warn`. */
  fail_on: 'error' | 'warn';
  /** A rule with fewer eligible tickets reports `insufficient` and does not count. */
  min_sample: number;
  /** An audit that measured nothing (no ticket selected, or no rule with data) fails the gate. */
  require_data: boolean;
}

export interface Policy {
  name: string;
  /** Where it came from: `built-in`, or the file path. */
  source: string;
  /** How it was chosen, when that is worth saying (the built-in policy because no file was found). */
  note?: string;
  /** The policy's zone: weeks, peak hours, command-line dates and times shown to people. */
  timezone: string;
  /**
   * Whether the policy names its zone: false for the neutral UTC of the built-in policy and of
   * `init`'s starter (any policy that says UTC). Only a set zone is used for the data's wall times.
   */
  timezone_set: boolean;
  schedules: Record<string, Schedule>;
  inputs: InputsConfig;
  /** Tickets with any of these tags are excluded from every rule (`excluded: tag spam`). */
  exclude_tags: string[];
  /** `https://acme.zendesk.com/agent/tickets/{id}`: ticket ids become links in reports for people. */
  ticket_url?: string;
  rules: RuleConfig[];
  gate: Gate;
}
