// The scorecard: judges each ticket by every rule as it streams past and keeps only numbers
// (rule-state.ts). Outcomes that depend on as_of are kept as compact deferred entries and
// decided in finish(), when as_of is known.

import { calendarClock, type Clock } from '../measure/clock.js';
import { compileFilter } from '../policy/filter.js';
import type { Policy, RuleConfig } from '../policy/types.js';
import type { Dimension, Report, RuleResult } from '../report.js';
import type { RuleDefinition } from '../rules/definition.js';
import { ruleDefinition } from '../rules/index.js';
import { newVerdict, reset, type JudgeContext } from '../rules/verdict.js';
import type { Ticket } from '../types.js';
import { ExcludeTags } from './exclude.js';
import { Periods } from './periods.js';
import { Tally } from './tally.js';
import { addValue } from './quantiles.js';
import { breakdowns, firstResponseDistribution, recordFirstResponse } from './breakdowns.js';
import { keepLateBreach, resolveDeferred, settleEarly, settleNow } from './deferred.js';
import { KEPT_PER_LISTED, KeyTable, OTHER_KEY } from './key-table.js';
import { buildResult, lackingInputs } from './result.js';
import {
  addPair, bump, countEligible, countKey, countPending, keepBreach, mayKeep, mergeRuleState, newRuleState, trendEpoch, trendPair, type Placement, type RuleState,
} from './rule-state.js';
import type { DeferredEntry, ScorecardState } from './state.js';

export type { ScorecardState } from './state.js';

export interface ScorecardOptions {
  by: Dimension[];
  /** Select tickets by created_at: [since, until). */
  since?: number;
  until?: number;
  /** Worst breaches kept per rule. */
  maxBreaches: number;
  /**
   * Keys a breakdown lists at most (--max-keys, default 1,000); KEPT_PER_LISTED times as many are
   * counted one by one, the rest in one "other" row (key-table.ts).
   */
  maxKeys?: number;
  /** A rule id whose every breach is kept. */
  explain?: string;
  /** Business clocks by schedule name; the calendar clock is implied. */
  clocks: Record<string, Clock>;
  /** Policy time zone: weeks, months and hours of the week. */
  timezone: string;
  /** The audit's as_of when given up front: as_of-dependent outcomes are decided as tickets arrive. */
  asOf?: number;
  /**
   * as_of will come from the data (no --as-of): the reader raises a floor for it as it reads
   * (raiseFloor), which lets most deferred outcomes settle while reading (deferred.ts).
   */
  asOfFromData?: boolean;
  /**
   * The canonical fields the inputs provide, when every mapping is known before the tickets come
   * (a part of a file read in a thread): as inputsKnown() from the start.
   */
  fields?: readonly string[];
}

export interface Scorecard {
  add(t: Ticket): void;
  snapshot(): ScorecardState;
  /** The state itself, not a copy, for a scorecard that is done with (a range's, once read). */
  release(): ScorecardState;
  /**
   * Adds a part's state (a range's, released or cloned). `other` is handed over: its lists may
   * become this scorecard's own, so the caller drops it.
   */
  merge(other: ScorecardState): void;
  /**
   * With as_of from the data: as_of is known to be at or after `at` (a time in data read elsewhere,
   * e.g. another part of the file). Raises the floor, which settles deferred outcomes sooner and
   * changes no result as long as `at` is at most the audit's as_of.
   */
  raiseFloor(at: number): void;
  /**
   * Every input's mapping is known, and with it the canonical fields the audit has: a rule that
   * lacks one reports no_data whatever it counted (DESIGN §4), so no further ticket is judged by it.
   */
  inputsKnown(available: ReadonlySet<string>): void;
  /** The options a part's scorecard (a byte range's, in a thread) takes to count as this one does. */
  partOptions(): Omit<ScorecardOptions, 'clocks'>;
  finish(asOf: number, available: ReadonlySet<string>): {
    rules: RuleResult[];
    breakdowns: Report['breakdowns'];
    distributions: Report['distributions'];
    /** Tickets within the selection. */
    selected: number;
  };
}

/** A policy rule made ready to judge: its definition, filters and clock resolved once. */
export interface CompiledRule {
  rule: RuleConfig;
  def: RuleDefinition;
  applies: (t: Ticket) => boolean;
  ctx: JudgeContext;
  baseWindow: number;
  overrides: { applies: (t: Ticket) => boolean; window: number }[];
  /** Breaches kept: maxBreaches, or all for the rule being explained. */
  cap: number;
  /** Samples feed percentiles and the mean (duration rules, and the peak rule's first responses). */
  samples: boolean;
}

function compileRule(rule: RuleConfig, opts: ScorecardOptions): CompiledRule {
  const def = ruleDefinition(rule.measure);
  let clock = calendarClock;
  if (rule.clock === 'business') {
    const named = rule.schedule !== undefined && Object.hasOwn(opts.clocks, rule.schedule) ? opts.clocks[rule.schedule] : undefined;
    if (!named) throw new Error(`rule ${rule.id}: no business clock for schedule "${rule.schedule ?? ''}"`);
    clock = named;
  }
  const baseWindow = def.window ? def.window(rule as never) : NaN;
  return {
    rule,
    def,
    applies: compileFilter(rule.applies_to),
    ctx: { clock, clockKind: rule.clock, window: baseWindow },
    baseWindow,
    overrides: rule.overrides.map((o) => ({
      applies: (t: Ticket) =>
        (!o.when.priority || (t.priority !== undefined && o.when.priority.includes(t.priority))) &&
        (!o.when.channel || (t.channel !== undefined && o.when.channel.includes(t.channel))),
      window: o.window ?? baseWindow,
    })),
    cap: rule.id === opts.explain ? Infinity : Math.max(0, opts.maxBreaches),
    samples: def.unit === 'minutes' || def.byHourOfWeek === true,
  };
}

/** The breakdown keys of a deferred ticket when there are no breakdowns: one shared empty list. */
const NO_KEYS: string[] = [];

/** State keys of the hours of the week, made once rather than per ticket. */
const HOUR_KEYS = Array.from({ length: 168 }, (_, h) => String(h));

/** The filter of a rule no ticket is judged by (Scorecard.inputsKnown). */
const judgedByNone = (_t: Ticket) => false;

/** Keys a breakdown lists by default (--max-keys). */
export const DEFAULT_MAX_KEYS = 1000;

/** Pool size that triggers the first sweep of deferred entries against the floor. */
const SWEEP_MIN = 4096;

function dimensionKey(t: Ticket, dim: Dimension, periods: Periods): string {
  switch (dim) {
    case 'week': return periods.week(t.created_at);
    case 'month': return periods.month(t.created_at);
    default: return t[dim] ?? '(none)';
  }
}

export function createScorecard(policy: Policy, options: ScorecardOptions): Scorecard {
  const opts = sameShape(options);
  // Severity `off` rules are not evaluated at all, and so absent from the results.
  const rules = policy.rules.filter((r) => r.severity !== 'off').map((r) => compileRule(r, opts));
  const excludeTags = new ExcludeTags(policy.exclude_tags.map((t) => t.toLowerCase()));
  const periods = new Periods(opts.timezone);
  const verdict = newVerdict();
  const state: ScorecardState = {
    rules: rules.map(() => ({})), deferred: [], late: rules.map(() => ({ samples: [], breaches: [], floor: null })), floor: -Infinity, firstResponse: {},
    selected: 0,
    keys: opts.by.map(() => new Map()),
  };
  const keyCap = (opts.maxKeys ?? DEFAULT_MAX_KEYS) * KEPT_PER_LISTED;
  const tables = state.keys.map((keys) => new KeyTable(keyCap, keys));
  /** Folds a breakdown key pushed out of its table into OTHER_KEY, in every rule's state. */
  const folders = opts.by.map((dim) => (key: string) => {
    for (const slots of state.rules) {
      for (const s of Object.values(slots)) {
        const byKey = s.groups[dim];
        const pair = byKey?.get(key);
        if (!byKey || !pair) continue;
        byKey.delete(key);
        addPair(byKey, OTHER_KEY, pair[0], pair[1]);
      }
    }
  });
  /** The fields the inputs provide, once known (inputsKnown). */
  let known: readonly string[] | undefined;
  // Pooled entries are swept against the floor when the pool doubles: amortised O(1) per entry.
  let sweepAt = SWEEP_MIN;
  const at: Placement = { week: '', dims: opts.by, keys: opts.by.map(() => ''), override: 0 };
  // A rule gives the same few codes over and over: they are tallied per kind (tally.ts). It also
  // keeps its state for all hours (found once, not looked up by key per ticket) and the trend
  // pair of the last week it counted into (tickets come week by week).
  const memo = rules.map(() => ({
    na: new Tally('na:'), breached: new Tally('breached:'), vendor: new Tally('vendor:'), volume: new Tally(''), excluded: new Tally(''),
    all: undefined as RuleState | undefined, trendOf: undefined as RuleState | undefined, week: '', trend: [0, 0] as [number, number], epoch: 0,
  }));

  function stateFor(i: number, t: Ticket): RuleState {
    const r = rules[i];
    const byKey = state.rules[i];
    if (r.def.byHourOfWeek) {
      const key = HOUR_KEYS[periods.hourOfWeek(t.created_at)];
      return byKey[key] ?? (byKey[key] = newRuleState(r.overrides.length));
    }
    const m = memo[i];
    return m.all ?? (m.all = byKey.all ?? (byKey.all = newRuleState(r.overrides.length)));
  }

  /** The trend pair of the ticket's week in `s`. */
  function trendOf(i: number, s: RuleState): [number, number] {
    const m = memo[i];
    // A week pushed out of a trend (trendPair) leaves the pair held here behind: take it again.
    if (m.trendOf !== s || m.week !== at.week || m.epoch !== trendEpoch.n) {
      m.trendOf = s;
      m.week = at.week;
      m.trend = trendPair(s, at.week);
      m.epoch = trendEpoch.n;
    }
    return m.trend;
  }

  function defer(d: DeferredEntry): void {
    if (opts.asOf !== undefined && settleNow(state, rules[d.rule], d, opts.asOf, opts.by)) return;
    state.deferred.push(d);
    if (state.deferred.length >= sweepAt) sweep();
  }

  function sweep(): void {
    settleEarly(state, rules, opts.by);
    sweepAt = Math.max(SWEEP_MIN, 2 * state.deferred.length);
  }

  function add(t: Ticket): void {
    if (opts.since !== undefined && t.created_at < opts.since) return;
    if (opts.until !== undefined && t.created_at >= opts.until) return;
    state.selected++;
    const excludedBy = excludeTags.find(t.tags);
    if (excludedBy === undefined) recordFirstResponse(state.firstResponse, t);
    at.week = periods.week(t.created_at);
    for (let d = 0; d < opts.by.length; d++) (at.keys as string[])[d] = tables[d].admit(dimensionKey(t, opts.by[d], periods), folders[d]);
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i];
      if (!r.applies(t)) continue;
      let override = 0;
      for (let o = 0; o < r.overrides.length; o++) if (r.overrides[o].applies(t)) { override = o + 1; break; }
      r.ctx.window = override ? r.overrides[override - 1].window : r.baseWindow;
      at.override = override;
      reset(verdict);
      r.def.judge(t, r.rule as never, r.ctx, verdict);
      if (excludedBy !== undefined) {
        // An exclude tag takes the ticket out of everything the rule computes (the peak rule's
        // hourly volume too). It is counted only where the rule would otherwise have counted the
        // ticket at all: twenty spam e-mails are no exclusion from a refund rule.
        if (verdict.kind !== 'not-applicable') {
          const s = stateFor(i, t);
          s.excluded++;
          bump(s.excludedReasons, countKey('tag:', excludedBy));
        }
        continue;
      }
      const s = stateFor(i, t);
      if (r.def.byHourOfWeek) memo[i].volume.add(s.extra, 'volume');
      switch (verdict.kind) {
        case 'met':
        case 'breached':
          countEligible(s, verdict.kind === 'met', at, r.samples ? verdict.sample : NaN, trendOf(i, s));
          if (verdict.vendor) memo[i].vendor.add(s.extra, verdict.vendor);
          if (verdict.kind === 'breached') {
            memo[i].breached.add(s.extra, verdict.code);
            if (mayKeep(s, r.cap, verdict.value, t.id, t.created_at, verdict.code)) keepBreach(s, { id: t.id, value: verdict.value, code: verdict.code, limit: verdict.limit, n: verdict.n, created: t.created_at, channel: t.channel, agent: t.agent }, r.cap);
          }
          break;
        case 'pending':
          countPending(s, override);
          break;
        case 'excluded':
          s.excluded++;
          memo[i].excluded.add(s.excludedReasons, verdict.code);
          break;
        case 'not-applicable':
          memo[i].na.add(s.extra, verdict.code);
          // The peak rule compares the first responses of all its tickets, rated or not.
          if (r.def.byHourOfWeek && Number.isFinite(verdict.sample)) {
            s.sum += verdict.sample;
            addValue(s.samples, verdict.sample);
          }
          break;
        case 'deferred':
          defer({
            rule: i, id: t.id, created: t.created_at, channel: t.channel, agent: t.agent, week: at.week,
            keys: opts.by.length === 0 ? NO_KEYS : [...at.keys], override, since: verdict.since, limit: verdict.limit, code: verdict.code,
            since2: verdict.since2, limit2: verdict.limit2, code2: verdict.code2, need2: verdict.need2,
            over: verdict.over, within: verdict.within, withinCode: verdict.withinCode,
          });
          break;
      }
    }
  }

  function inputsKnown(available: ReadonlySet<string>): void {
    known = [...available];
    for (const r of rules) if (lackingInputs(r, available).length > 0) r.applies = judgedByNone;
  }

  function raiseFloor(at: number): void {
    if (opts.asOfFromData && at > state.floor) state.floor = at;
  }

  function merge(other: ScorecardState): void {
    // The other part's keys first: the kept ones are the smallest by hash over both parts, and a
    // key not kept here counts under OTHER_KEY (exactly what one pass gives, in any merge order).
    for (let d = 0; d < tables.length; d++) for (const key of other.keys[d]?.keys() ?? []) tables[d].admit(key, folders[d]);
    const keyOf = (dim: string, key: string) => (tables[opts.by.indexOf(dim as Dimension)]?.has(key) ? key : OTHER_KEY);
    for (let i = 0; i < rules.length; i++) {
      for (const [key, from] of Object.entries(other.rules[i])) {
        const into = state.rules[i][key] ?? (state.rules[i][key] = newRuleState(rules[i].overrides.length));
        mergeRuleState(into, from, rules[i].cap, keyOf);
      }
    }
    for (const d of other.deferred) state.deferred.push(d);
    for (let i = 0; i < rules.length; i++) {
      const late = other.late[i];
      // The late values grow with the rows (one number per ticket): taken over whole when there
      // are none yet (the usual case: the audit's scorecard takes a file's merged ranges) rather
      // than copied, which briefly held them twice (5M rows: +26 MB peak).
      if (state.late[i].samples.length === 0) state.late[i].samples = late.samples;
      else for (const since of late.samples) state.late[i].samples.push(since);
      for (const b of late.breaches) keepLateBreach(state.late[i], b, rules[i]);
    }
    if (other.floor > state.floor) state.floor = other.floor;
    state.selected += other.selected;
    // A later part's floor settles much of an earlier part's pool.
    if (state.deferred.length >= sweepAt) sweep();
    for (const [channel, counts] of Object.entries(other.firstResponse)) {
      const into = state.firstResponse[channel] ?? (state.firstResponse[channel] = new Array(counts.length).fill(0));
      for (let b = 0; b < counts.length; b++) into[b] += counts[b];
    }
  }

  /** Writes the tallies' pending runs into the state: before anything reads it. */
  function flush(): void {
    for (const m of memo) for (const tally of [m.na, m.breached, m.vendor, m.volume, m.excluded]) tally.flush();
  }

  function finish(asOf: number, available: ReadonlySet<string>) {
    flush();
    // Work on a copy: finish() may be called again (e.g. after more merges). The pool and the late
    // values are only read, so they are not copied (on millions of rows they are the big part).
    const done = structuredClone({ ...state, deferred: [], late: rules.map(() => ({ samples: [], breaches: [], floor: null })) });
    resolveDeferred(done, rules, asOf, available, opts.by, state);
    const results = rules.map((r, i) => buildResult(r, done.rules[i], available, policy.gate.min_sample, opts.timezone));
    return {
      rules: results.map((x) => x.result),
      breakdowns: breakdowns(rules, results.map((x) => x.state), opts.by, opts.maxKeys ?? DEFAULT_MAX_KEYS),
      distributions: firstResponseDistribution(done.firstResponse),
      selected: state.selected,
    };
  }

  if (opts.fields) inputsKnown(new Set(opts.fields));
  return {
    add,
    snapshot: () => {
      flush();
      return structuredClone(state);
    },
    release: () => {
      flush();
      return state;
    },
    merge,
    raiseFloor,
    inputsKnown,
    partOptions: () => {
      const { clocks: _clocks, ...rest } = opts;
      return { ...rest, fields: known };
    },
    finish,
  };
}

/**
 * The options as an object of one fixed shape, whoever built them (the audit, a range on the main
 * thread, one cloned into a worker): the row loop reads them on every ticket, and a second shape
 * made V8 drop and recompile its optimized code, once per shape and thread.
 */
function sameShape(o: ScorecardOptions): ScorecardOptions {
  return {
    by: o.by, since: o.since, until: o.until, maxBreaches: o.maxBreaches, maxKeys: o.maxKeys ?? DEFAULT_MAX_KEYS, explain: o.explain,
    clocks: o.clocks, timezone: o.timezone, asOf: o.asOf, asOfFromData: o.asOfFromData === true, fields: o.fields,
  };
}
