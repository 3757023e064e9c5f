// Deciding the as_of-dependent outcomes: a ticket is `over` when the rule's clock counts more
// than `limit` from `since` to as_of (strictly more: the window is inclusive), or when the rule's
// second check fires (its definition's `secondCheck`: queue hygiene's unassigned too long).
//
// Memory stays flat on millions of rows because most of these are settled while reading: as_of is
// never earlier than the latest time seen so far (`floor`), and a clock's elapsed time only grows
// with its end, so an entry already over its limit at the floor is over at as_of, with the first
// check's code whatever the second says. Its counts are final then; only its value (the time up to
// as_of) waits, kept as the one number `since` (LateValues). Late breaches are cut to the rule's
// worst few on the way: their order does not depend on as_of (see lateOrder). What stays in the
// pool is only what is still within its window at the floor: a few days of tickets, not the file.

import type { OutcomeCode } from '../findings.js';
import type { Clock } from '../measure/clock.js';
import type { Dimension } from '../report.js';
import type { ResolvedKind } from '../rules/verdict.js';
import { OTHER_KEY } from './key-table.js';
import { addValue } from './quantiles.js';
import { bump, countEligible, countKey, countPending, keepBreach, mayKeep, newRuleState, type Placement, type RuleState } from './rule-state.js';
import type { CompiledRule } from './compile.js';
import type { DeferredEntry, LateBreach, LateValues, ScorecardState } from './state.js';

interface Outcome {
  kind: ResolvedKind;
  code: OutcomeCode;
  value: number;
  limit: number;
  /** The first check's time, the rule's sample (queue hygiene: untouched time, also when unassigned fires). */
  sample: number;
}

const outcome: Outcome = { kind: 'pending', code: 'waiting', value: NaN, limit: NaN, sample: NaN };

/** The outcome at as_of, into the shared scratch object (no object per entry). */
function decide(r: CompiledRule, d: DeferredEntry, asOf: number, available: ReadonlySet<string>): Outcome {
  const clock = r.ctx.clock;
  const first = Math.round(clock.elapsed(d.since, asOf));
  outcome.kind = d.within;
  outcome.code = d.withinCode;
  outcome.value = first;
  outcome.limit = d.limit;
  outcome.sample = first;
  if (first > d.limit) {
    outcome.kind = d.over;
    outcome.code = d.code;
  } else {
    const check = r.def.secondCheck;
    const since = check && available.has(check.field) ? check.since(d) : undefined;
    if (since !== undefined) {
      const second = Math.round(clock.elapsed(since, asOf));
      const limit = check!.limit(r.rule as never);
      if (second > limit) {
        outcome.kind = d.over;
        outcome.code = check!.code;
        outcome.value = second;
        outcome.limit = limit;
      }
    }
  }
  return outcome;
}

function allState(state: ScorecardState, r: CompiledRule, rule: number): RuleState {
  return state.rules[rule].all ?? (state.rules[rule].all = newRuleState(r.overrides.length));
}

/** Where an entry counts, rewritten per entry (countEligible does not keep it). */
const placement: Placement = { week: '', dims: [], keys: [], override: 0 };
const placedKeys: string[] = [];

/**
 * An entry's breakdown keys as they count now: a key pushed out of its table since the entry was
 * pooled (key-table.ts) counts under OTHER_KEY, like every other ticket of that key.
 */
function keysNow(state: ScorecardState, keys: readonly string[]): readonly string[] {
  if (keys.length === 0) return keys;
  placedKeys.length = keys.length;
  for (let i = 0; i < keys.length; i++) placedKeys[i] = state.keys[i]?.has(keys[i]) ? keys[i] : OTHER_KEY;
  return placedKeys;
}

/** Counts an outcome; `late`: its value is not known yet (kept in `state.late` for finish). */
function apply(state: ScorecardState, r: CompiledRule, d: DeferredEntry, o: Outcome, dims: Dimension[], late: boolean): void {
  const s = allState(state, r, d.rule);
  switch (o.kind) {
    case 'met':
    case 'breached': {
      placement.week = d.week;
      placement.dims = dims;
      placement.keys = keysNow(state, d.keys);
      placement.override = d.override;
      countEligible(s, o.kind === 'met', placement, r.samples && !late ? o.sample : NaN);
      if (late && r.samples) state.late[d.rule].samples.push(d.since);
      if (o.kind === 'breached') {
        bump(s.extra, countKey('breached:', o.code));
        const lateValues = state.late[d.rule];
        if (late) {
          if (mayKeepLate(lateValues, d.since, r)) {
            keepLateBreach(lateValues, { since: d.since, id: d.id, code: o.code, limit: o.limit, created: d.created, channel: d.channel, agent: d.agent }, r);
          }
        } else if (mayKeep(s, r.cap, o.value, d.id, d.created, o.code))
          keepBreach(s, { id: d.id, value: o.value, code: o.code, limit: o.limit, n: NaN, created: d.created, channel: d.channel, agent: d.agent }, r.cap);
      }
      break;
    }
    case 'pending':
      countPending(s, d.override);
      break;
    case 'excluded':
      s.excluded++;
      bump(s.excludedReasons, o.code);
      break;
  }
}

/**
 * Late breaches, worst first without knowing as_of: value = clock time from `since` to as_of, so
 * an earlier `since` is worse, and two are equally bad exactly when the clock counts nothing
 * between them (a business clock over a weekend); then id, creation and code, as in worseFirst.
 */
function lateOrder(clock: Clock): (a: LateBreach, b: LateBreach) => number {
  return (a, b) => {
    if (a.since !== b.since) {
      const sign = a.since < b.since ? -1 : 1;
      const gap = sign < 0 ? clock.elapsed(a.since, b.since) : clock.elapsed(b.since, a.since);
      if (gap > 0) return sign;
    }
    if (a.id !== b.id) return a.id < b.id ? -1 : 1;
    if (a.created !== b.created) return a.created - b.created;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  };
}

function trimLate(late: LateValues, r: CompiledRule): void {
  late.breaches.sort(lateOrder(r.ctx.clock));
  if (late.breaches.length > r.cap) late.breaches.length = r.cap;
  late.floor = late.breaches.length === r.cap && r.cap > 0 ? late.breaches[r.cap - 1] : null;
}

/**
 * Whether a late breach from `since` could make the list: not when it comes after the floor by
 * lateOrder's first criterion (the clock counts time between them), whatever the tie-breaks.
 * Callers skip building the record when not (most late breaches, on a long file).
 */
export function mayKeepLate(late: LateValues, since: number, r: CompiledRule): boolean {
  if (r.cap <= 0) return false;
  const floor = late.floor;
  return !floor || !(floor.since < since && r.ctx.clock.elapsed(floor.since, since) > 0);
}

export function keepLateBreach(late: LateValues, b: LateBreach, r: CompiledRule): void {
  if (!mayKeepLate(late, b.since, r)) return;
  late.breaches.push(b);
  if (Number.isFinite(r.cap) && late.breaches.length >= 2 * r.cap + 16) trimLate(late, r);
}

/** Settles every pooled entry already over its limit at the state's floor; keeps the rest. */
export function settleEarly(state: ScorecardState, rules: CompiledRule[], dims: Dimension[]): void {
  const floor = state.floor;
  if (!(floor > -Infinity)) return;
  const waiting: DeferredEntry[] = [];
  for (let i = 0; i < state.deferred.length; i++) {
    const d = state.deferred[i];
    const r = rules[d.rule];
    if (Math.round(r.ctx.clock.elapsed(d.since, floor)) > d.limit) {
      outcome.kind = d.over;
      outcome.code = d.code;
      outcome.value = NaN;
      outcome.limit = d.limit;
      outcome.sample = NaN;
      apply(state, r, d, outcome, dims, true);
    } else waiting.push(d);
  }
  state.deferred = waiting;
}

const NO_FIELDS: ReadonlySet<string> = new Set();

/**
 * Decides one entry at an as_of given up front, unless the outcome hangs on whether the inputs
 * have the second check's field (known only at finish): then it stays pooled.
 */
export function settleNow(state: ScorecardState, r: CompiledRule, d: DeferredEntry, asOf: number, dims: Dimension[]): boolean {
  const check = r.def.secondCheck;
  if (check && check.since(d) !== undefined && !(Math.round(r.ctx.clock.elapsed(d.since, asOf)) > d.limit)) return false;
  apply(state, r, d, decide(r, d, asOf, NO_FIELDS), dims, false);
  return true;
}

/**
 * At finish: decides what `from` still pools and gives its late outcomes their values, counting
 * them into `state` (a copy of the rest of the state; `from` itself is only read, so finish may
 * run again and nothing big is copied).
 */
export function resolveDeferred(
  state: ScorecardState,
  rules: CompiledRule[],
  asOf: number,
  available: ReadonlySet<string>,
  dims: Dimension[],
  from: Pick<ScorecardState, 'deferred' | 'late'> = state,
): void {
  for (const d of from.deferred) {
    const r = rules[d.rule];
    apply(state, r, d, decide(r, d, asOf, available), dims, false);
  }
  from.late.forEach((late, i) => {
    const r = rules[i];
    if (late.samples.length === 0 && late.breaches.length === 0) return;
    const s = allState(state, r, i);
    for (const since of late.samples) {
      const value = Math.round(r.ctx.clock.elapsed(since, asOf));
      s.sum += value;
      addValue(s.samples, value);
    }
    for (const b of late.breaches) {
      const value = Math.round(r.ctx.clock.elapsed(b.since, asOf));
      keepBreach(s, { id: b.id, value, code: b.code, limit: b.limit, n: NaN, created: b.created, channel: b.channel, agent: b.agent }, r.cap);
    }
  });
}
