// The scorecard: judges each ticket by every rule as it streams past and keeps only numbers
// (rule-state.ts). Outcomes that depend on as_of are kept as compact deferred entries and
// decided in finish(), when as_of is known.

import type { Clock } from '../measure/clock.js';
import type { Policy } from '../policy/types.js';
import type { Dimension, Report, RuleFindings } from '../report.js';
import { newVerdict, reset } from '../rules/verdict.js';
import type { Ticket } from '../types.js';
import { BreakdownKeys } from './breakdown-keys.js';
import { breakdowns, firstResponseDistribution, recordFirstResponse } from './breakdowns.js';
import { compileRule, type CompiledRule } from './compile.js';
import { keepLateBreach, resolveDeferred, settleEarly, settleNow } from './deferred.js';
import { ExcludeTags } from './exclude.js';
import { Periods } from './periods.js';
import { buildResult, lackingInputs } from './result.js';
import { RuleCounter } from './rule-counter.js';
import { mergeRuleState, newRuleState, type Placement } from './rule-state.js';
import type { DeferredEntry, LateValues, ScorecardState } from './state.js';

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
   * lacks one reports no_data whatever it counted (docs/scoring.md), so no further ticket is judged by it.
   */
  inputsKnown(available: ReadonlySet<string>): void;
  /** The options a part's scorecard (a byte range's, in a thread) takes to count as this one does. */
  partOptions(): Omit<ScorecardOptions, 'clocks'>;
  finish(
    asOf: number,
    available: ReadonlySet<string>,
  ): {
    /** Worded into the report's rules by render/findings.ts ruleResult. */
    rules: RuleFindings[];
    breakdowns: Report['breakdowns'];
    distributions: Report['distributions'];
    /** Tickets within the selection. */
    selected: number;
  };
}

/** Keys a breakdown lists by default (--max-keys). */
export const DEFAULT_MAX_KEYS = 1000;

/** Pool size that triggers the first sweep of deferred entries against the floor. */
const SWEEP_MIN = 4096;

/** The filter of a rule no ticket is judged by (Scorecard.inputsKnown). */
const judgedByNone = (_t: Ticket) => false;

function emptyLate(): LateValues {
  return { samples: [], breaches: [], floor: null };
}

/**
 * The deferred outcomes waiting for as_of (deferred.ts): decided at once when as_of is given up
 * front, else pooled and swept against the floor when the pool doubles (amortised O(1) per entry).
 */
class DeferredPool {
  private sweepAt = SWEEP_MIN;

  constructor(
    private readonly state: ScorecardState,
    private readonly rules: CompiledRule[],
    private readonly opts: ScorecardOptions,
  ) {}

  readonly add = (d: DeferredEntry): void => {
    const { state, opts } = this;
    if (opts.asOf !== undefined && settleNow(state, this.rules[d.rule], d, opts.asOf, opts.by)) return;
    state.deferred.push(d);
    if (state.deferred.length >= this.sweepAt) this.sweep();
  };

  /** After a merge: a later part's floor settles much of an earlier part's pool. */
  sweepIfDue(): void {
    if (this.state.deferred.length >= this.sweepAt) this.sweep();
  }

  private sweep(): void {
    settleEarly(this.state, this.rules, this.opts.by);
    this.sweepAt = Math.max(SWEEP_MIN, 2 * this.state.deferred.length);
  }
}

/** Adds a part's state into `state` (the keys first: see BreakdownKeys.admit). `other` is handed over. */
function mergeState(state: ScorecardState, other: ScorecardState, rules: CompiledRule[], keys: BreakdownKeys): void {
  keys.admit(other.keys);
  for (let i = 0; i < rules.length; i++) {
    for (const [key, from] of Object.entries(other.rules[i])) {
      const into = state.rules[i][key] ?? (state.rules[i][key] = newRuleState(rules[i].overrides.length));
      mergeRuleState(into, from, rules[i].cap, keys.keyOf);
    }
  }
  for (const d of other.deferred) state.deferred.push(d);
  for (let i = 0; i < rules.length; i++) {
    const late = other.late[i];
    // The late values grow with the rows (one number per ticket): taken over whole when there
    // are none yet (the usual case: the audit's scorecard takes a file's merged ranges) rather
    // than copied, which briefly held them twice (a higher peak on large files).
    if (state.late[i].samples.length === 0) state.late[i].samples = late.samples;
    else for (const since of late.samples) state.late[i].samples.push(since);
    for (const b of late.breaches) keepLateBreach(state.late[i], b, rules[i]);
  }
  if (other.floor > state.floor) state.floor = other.floor;
  state.selected += other.selected;
  for (const [channel, counts] of Object.entries(other.firstResponse)) {
    const into = state.firstResponse[channel] ?? (state.firstResponse[channel] = new Array(counts.length).fill(0));
    for (let b = 0; b < counts.length; b++) into[b] += counts[b];
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
    rules: rules.map(() => ({})),
    deferred: [],
    late: rules.map(emptyLate),
    floor: -Infinity,
    firstResponse: {},
    selected: 0,
    keys: opts.by.map(() => new Map()),
  };
  const keys = new BreakdownKeys(opts.by, state.keys, state.rules, opts.maxKeys ?? DEFAULT_MAX_KEYS);
  const pool = new DeferredPool(state, rules, opts);
  const counters = rules.map((r, i) => new RuleCounter(r, i, state.rules[i], pool.add));
  const at: Placement = { week: '', dims: opts.by, keys: opts.by.map(() => ''), override: 0 };
  /** The fields the inputs provide, once known (inputsKnown). */
  let known: readonly string[] | undefined;

  function add(t: Ticket): void {
    if (opts.since !== undefined && t.created_at < opts.since) return;
    if (opts.until !== undefined && t.created_at >= opts.until) return;
    state.selected++;
    const excludedBy = excludeTags.find(t.tags);
    if (excludedBy === undefined) recordFirstResponse(state.firstResponse, t);
    at.week = periods.week(t.created_at);
    keys.place(t, periods, at.keys as string[]);
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i];
      if (!r.applies(t)) continue;
      let override = 0;
      for (let o = 0; o < r.overrides.length; o++)
        if (r.overrides[o].applies(t)) {
          override = o + 1;
          break;
        }
      r.ctx.window = override ? r.overrides[override - 1].window : r.baseWindow;
      at.override = override;
      reset(verdict);
      r.def.judge(t, r.rule as never, r.ctx, verdict);
      if (excludedBy !== undefined) counters[i].countExcluded(t, verdict, excludedBy, periods);
      else counters[i].count(t, verdict, at, periods);
    }
  }

  function inputsKnown(available: ReadonlySet<string>): void {
    known = [...available];
    for (const r of rules) if (lackingInputs(r, available).length > 0) r.applies = judgedByNone;
  }

  /** Writes the tallies' pending runs into the state: before anything reads it. */
  function flush(): void {
    for (const c of counters) c.flush();
  }

  function finish(asOf: number, available: ReadonlySet<string>) {
    flush();
    // Work on a copy: finish() may be called again (e.g. after more merges). The pool and the late
    // values are only read, so they are not copied (on millions of rows they are the big part).
    const done = structuredClone({ ...state, deferred: [], late: rules.map(emptyLate) });
    resolveDeferred(done, rules, asOf, available, opts.by, state);
    const results = rules.map((r, i) => buildResult(r, done.rules[i], available, policy.gate.min_sample, opts.timezone));
    return {
      rules: results.map((x) => x.result),
      breakdowns: breakdowns(
        rules,
        results.map((x) => x.state),
        opts.by,
        opts.maxKeys ?? DEFAULT_MAX_KEYS,
      ),
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
    merge: (other) => {
      mergeState(state, other, rules, keys);
      pool.sweepIfDue();
    },
    raiseFloor: (floor) => {
      if (opts.asOfFromData && floor > state.floor) state.floor = floor;
    },
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
    by: o.by,
    since: o.since,
    until: o.until,
    maxBreaches: o.maxBreaches,
    maxKeys: o.maxKeys ?? DEFAULT_MAX_KEYS,
    explain: o.explain,
    clocks: o.clocks,
    timezone: o.timezone,
    asOf: o.asOf,
    asOfFromData: o.asOfFromData === true,
    fields: o.fields,
  };
}
