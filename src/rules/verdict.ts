// What a rule says about one ticket. Judges write into one reused Verdict (no object per ticket
// per rule on the hot path); the scorecard copies out only what it keeps. The codes are the typed
// outcome codes of findings.ts, whose wording is in render/findings.ts.

import type { ClockKind, OutcomeCode } from '../findings.js';
import type { Clock } from '../measure/clock.js';

/**
 * `deferred`: the outcome depends on the audit's "now" (as_of), which is only known when the
 * scorecard finishes. The judge fills the `since`/`limit` check and the two possible outcomes.
 */
export type VerdictKind = 'met' | 'breached' | 'pending' | 'excluded' | 'not-applicable' | 'deferred';

/** Outcome kinds a deferred check resolves to. */
export type ResolvedKind = 'met' | 'breached' | 'pending' | 'excluded';

/**
 * A deferred check: the ticket is `over` when the clock's elapsed time from `since` to as_of
 * exceeds the limit, else `within`. Judges fill it in the Verdict; the scorecard keeps it in a
 * DeferredEntry until as_of is known. (A rule may check once more at as_of: its definition's
 * `secondCheck`.)
 */
export interface DeferredCheck {
  since: number;
  over: ResolvedKind;
  within: ResolvedKind;
  withinCode: OutcomeCode;
}

export interface Verdict extends DeferredCheck {
  kind: VerdictKind;
  /** Stable outcome code (`late`, `unanswered`, `closed-without-reply`, …). */
  code: OutcomeCode;
  /** The measured value: milliseconds for durations, a plain number otherwise, null for yes/no. */
  value: number | null;
  /** The window the value was compared against (ms), NaN when none. */
  limit: number;
  /** A count in the reason (reopens, agent replies), NaN when none. */
  n: number;
  /** A value for the rule's percentiles and mean (ms), NaN when the ticket adds none. */
  sample: number;
  /** The canonical vendor column the value came from, when timestamps were missing. */
  vendor: string | null;
}

export function newVerdict(): Verdict {
  return {
    kind: 'not-applicable',
    code: 'within',
    value: null,
    limit: NaN,
    n: NaN,
    sample: NaN,
    vendor: null,
    since: NaN,
    over: 'breached',
    within: 'pending',
    withinCode: 'waiting',
  };
}

/**
 * Clears what any outcome may leave behind. The deferred check's fields are left alone: they are
 * read only for a deferred outcome, and defer() writes every one of them.
 */
export function reset(v: Verdict): void {
  v.kind = 'not-applicable';
  v.code = 'within';
  v.value = null;
  v.limit = NaN;
  v.n = NaN;
  v.sample = NaN;
  v.vendor = null;
}

export function set(v: Verdict, kind: VerdictKind, code: OutcomeCode, value: number | null = null): void {
  v.kind = kind;
  v.code = code;
  v.value = value;
}

/** Codes of a duration measured against a window (value and limit in ms). */
export type DurationCode = 'late' | 'repair-late';

/** A measured duration against its window: inclusive, `duration <= window` meets (docs/scoring.md). */
export function judgeDuration(v: Verdict, ms: number, window: number, lateCode: DurationCode = 'late'): void {
  const d = Math.round(ms);
  v.kind = d <= window ? 'met' : 'breached';
  v.code = d <= window ? 'within' : lateCode;
  v.value = d;
  v.limit = window;
  v.sample = d;
}

/**
 * Decide at as_of: `over` once `clock.elapsed(since, asOf) > limit`, else `within`. Writes every
 * field of the deferred check: reset() does not clear them.
 */
export function defer(
  v: Verdict,
  since: number,
  limit: number,
  overCode: OutcomeCode,
  over: ResolvedKind = 'breached',
  within: ResolvedKind = 'pending',
  withinCode: OutcomeCode = 'waiting',
): void {
  v.kind = 'deferred';
  v.since = since;
  v.limit = limit;
  v.code = overCode;
  v.over = over;
  v.within = within;
  v.withinCode = withinCode;
}

export interface JudgeContext {
  clock: Clock;
  clockKind: ClockKind;
  /** The window for this ticket (the rule's, or its matching override's), ms. */
  window: number;
}
