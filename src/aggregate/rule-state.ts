// The numbers kept per rule (or per rule and hour of the week): counts, exclusion reasons, the
// sum and sketch of samples, weekly trend, breakdown counts and the worst breaches. Plain data,
// so a state can cross a worker boundary and be merged; integer counts and integer-millisecond
// sums make any merge order give identical results.

import type { OutcomeCode } from '../findings.js';
import { addValue, mergeQuantiles, newQuantiles, type QuantileState } from './quantiles.js';

export interface BreachRecord {
  id: string;
  /** ms for durations, a plain number (rating, count), or null. */
  value: number | null;
  code: OutcomeCode;
  limit: number;
  n: number;
  created: number;
  channel?: string;
  agent?: string;
}

export interface RuleState {
  met: number;
  breached: number;
  pending: number;
  excluded: number;
  excludedReasons: Record<string, number>;
  /** Side counts: `vendor:<column>` uses, `volume` (per slot of a slotted rule), `breached:<code>`, `na:<code>`, … */
  extra: Record<string, number>;
  /** Sum of samples in whole milliseconds. */
  sum: number;
  samples: QuantileState;
  /** ISO week → [eligible, met], for the latest MAX_TREND_WEEKS weeks (trendPair). */
  trend: Map<string, [number, number]>;
  /** [eligible, met] of the weeks before those. */
  trendEarlier: [number, number];
  /**
   * Dimension → key → [eligible, met]. Keys are the data's own words (an agent may be called
   * `constructor` or `__proto__`), so a Map; OTHER_KEY (key-table.ts) counts the keys not kept.
   */
  groups: Record<string, Map<string, [number, number]>>;
  /** Worst first once trimmed; may hold up to twice the cap between trims. */
  breaches: BreachRecord[];
  /** The value of the last breach kept at the latest trim: a lesser one can never make the list. */
  breachFloor: number;
  /** That last breach itself: one ranking after it (worseFirst) can never make the list either. */
  floorBreach: BreachRecord | null;
  /**
   * Per group, three counts [met, breached, pending] one after the other: group 0 = the tickets
   * matching no override, group i + 1 = overrides[i] (first match wins). Each group is judged alone.
   */
  tiers: number[];
}

/** Where a group's counts start in `tiers`; then + MET, + BREACHED, + PENDING. */
export const TIER_SIZE = 3;
export const MET = 0;
export const BREACHED = 1;
export const PENDING = 2;

export function newRuleState(overrides: number): RuleState {
  return {
    met: 0,
    breached: 0,
    pending: 0,
    excluded: 0,
    excludedReasons: {},
    extra: {},
    sum: 0,
    samples: newQuantiles(),
    trend: new Map(),
    trendEarlier: [0, 0],
    groups: {},
    breaches: [],
    breachFloor: -Infinity,
    floorBreach: null,
    tiers: new Array(TIER_SIZE * (overrides + 1)).fill(0),
  };
}

const KEYS = new Map<string, Map<string, string>>();

/**
 * `prefix + code` as one and the same string every time. A key concatenated per ticket is a new
 * string that must be hashed and internalised on every count (measured: ~2 µs a row over the
 * default rules); codes come from a small fixed vocabulary, so the cache stays tiny.
 */
export function countKey(prefix: string, code: string): string {
  let byCode = KEYS.get(prefix);
  if (!byCode) KEYS.set(prefix, (byCode = new Map()));
  let key = byCode.get(code);
  if (key === undefined) byCode.set(code, (key = prefix + code));
  return key;
}

export function bump(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/**
 * Weeks a rule's trend keeps: ten years of them. A file whose dates are spread over centuries
 * (damage, or an attack) would otherwise make the trend, and the report, grow with them.
 */
export const MAX_TREND_WEEKS = 520;

/**
 * Counts the trend's weeks pushed out (trendPair): a holder of a week's pair (the scorecard keeps
 * the last one) takes it again when this moved.
 */
export const trendEpoch = { n: 0 };

const earliestWeeks = new WeakMap<Map<string, [number, number]>, string>();

function earliestWeek(trend: Map<string, [number, number]>): string {
  let earliest = earliestWeeks.get(trend);
  if (earliest === undefined) {
    for (const week of trend.keys()) if (earliest === undefined || week < earliest) earliest = week;
    earliestWeeks.set(trend, earliest!);
  }
  return earliest!;
}

/**
 * The [eligible, met] pair of a week of the trend, made on first use. The trend keeps the latest
 * MAX_TREND_WEEKS weeks (by key): an earlier week counts in `trendEarlier`, and a later one
 * pushes the earliest kept there. Which weeks are kept does not depend on the order tickets come
 * in, so merged parts give the one-pass trend.
 */
export function trendPair(s: RuleState, week: string): [number, number] {
  const trend = s.trend;
  const pair = trend.get(week);
  if (pair !== undefined) return pair;
  if (trend.size >= MAX_TREND_WEEKS) {
    const earliest = earliestWeek(trend);
    if (week < earliest) return s.trendEarlier;
    const [e, m] = trend.get(earliest)!;
    trend.delete(earliest);
    earliestWeeks.delete(trend);
    s.trendEarlier[0] += e;
    s.trendEarlier[1] += m;
    trendEpoch.n++;
  } else if (earliestWeeks.has(trend) && week < earliestWeeks.get(trend)!) earliestWeeks.set(trend, week);
  const made: [number, number] = [0, 0];
  trend.set(week, made);
  return made;
}

function bumpPair(counts: Map<string, [number, number]>, key: string, met: boolean): void {
  let pair = counts.get(key);
  if (pair === undefined) counts.set(key, (pair = [0, 0]));
  pair[0]++;
  if (met) pair[1]++;
}

/** Adds [eligible, met] to a key's pair. */
export function addPair(counts: Map<string, [number, number]>, key: string, e: number, m: number): void {
  const pair = counts.get(key);
  if (pair === undefined) counts.set(key, [e, m]);
  else {
    pair[0] += e;
    pair[1] += m;
  }
}

/** Where a ticket falls: its week, its key per breakdown dimension, and its override. */
export interface Placement {
  week: string;
  dims: readonly string[];
  keys: readonly string[];
  override: number;
}

/**
 * Counts one eligible outcome (met or breached). `week` is the trend pair of `at.week` when the
 * caller already holds it (the scorecard keeps it from ticket to ticket: weeks change rarely).
 */
export function countEligible(s: RuleState, met: boolean, at: Placement, sample: number, week = trendPair(s, at.week)): void {
  if (met) s.met++;
  else s.breached++;
  s.tiers[TIER_SIZE * at.override + (met ? MET : BREACHED)]++;
  week[0]++;
  if (met) week[1]++;
  for (let i = 0; i < at.dims.length; i++) {
    const byKey = s.groups[at.dims[i]] ?? (s.groups[at.dims[i]] = new Map());
    bumpPair(byKey, at.keys[i], met);
  }
  if (Number.isFinite(sample)) {
    s.sum += sample;
    addValue(s.samples, sample);
  }
}

/** Counts one pending outcome, in its group (`override`, as in Placement). */
export function countPending(s: RuleState, override: number): void {
  s.pending++;
  s.tiers[TIER_SIZE * override + PENDING]++;
}

/** Worst first: larger value, then id, then creation, then code (a total order: deterministic). */
export function worseFirst(a: BreachRecord, b: BreachRecord): number {
  const av = a.value ?? -Infinity;
  const bv = b.value ?? -Infinity;
  if (av !== bv) return bv - av;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  if (a.created !== b.created) return a.created - b.created;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

export function trimBreaches(s: RuleState, cap: number): void {
  s.breaches.sort(worseFirst);
  if (s.breaches.length > cap) s.breaches.length = cap;
  if (s.breaches.length === cap && cap > 0) {
    s.floorBreach = s.breaches[cap - 1];
    s.breachFloor = s.floorBreach.value ?? -Infinity;
  }
}

/**
 * Whether a breach could make the list: not when the last one kept at the latest trim ranks
 * before it (worseFirst, field by field: breaches without a value, like a share's, all tie on
 * value). Callers skip building the record when not.
 */
export function mayKeep(s: RuleState, cap: number, value: number | null, id: string, created: number, code: string): boolean {
  if (cap <= 0 || (value ?? -Infinity) < s.breachFloor) return false;
  const f = s.floorBreach;
  if (!f) return true;
  const fv = f.value ?? -Infinity;
  const v = value ?? -Infinity;
  if (fv !== v) return !(v - fv < 0);
  if (f.id !== id) return !(f.id < id);
  if (f.created !== created) return !(f.created - created < 0);
  return !(f.code < code);
}

/** Keeps a breach within a bounded list (sorted and cut only when it doubles: amortised). */
export function keepBreach(s: RuleState, b: BreachRecord, cap: number): void {
  if (!mayKeep(s, cap, b.value, b.id, b.created, b.code)) return;
  s.breaches.push(b);
  if (Number.isFinite(cap) && s.breaches.length >= 2 * cap + 16) trimBreaches(s, cap);
}

/**
 * Adds `from` into `into`. `keyOf` says under which key a breakdown key of `from` counts here
 * (itself, or OTHER_KEY when this side does not keep it: see key-table.ts).
 */
export function mergeRuleState(into: RuleState, from: RuleState, cap: number, keyOf?: (dim: string, key: string) => string): void {
  into.met += from.met;
  into.breached += from.breached;
  into.pending += from.pending;
  into.excluded += from.excluded;
  for (const [k, v] of Object.entries(from.excludedReasons)) bump(into.excludedReasons, k, v);
  for (const [k, v] of Object.entries(from.extra)) bump(into.extra, k, v);
  into.sum += from.sum;
  mergeQuantiles(into.samples, from.samples);
  for (const [k, [e, m]] of from.trend) {
    const pair = trendPair(into, k);
    pair[0] += e;
    pair[1] += m;
  }
  into.trendEarlier[0] += from.trendEarlier[0];
  into.trendEarlier[1] += from.trendEarlier[1];
  for (const [dim, byKey] of Object.entries(from.groups)) {
    const target = into.groups[dim] ?? (into.groups[dim] = new Map());
    for (const [k, [e, m]] of byKey) addPair(target, keyOf ? keyOf(dim, k) : k, e, m);
  }
  for (const b of from.breaches) keepBreach(into, b, cap);
  for (let i = 0; i < from.tiers.length; i++) into.tiers[i] += from.tiers[i];
}
