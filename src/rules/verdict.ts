// What a rule says about one ticket. Judges write into one reused Verdict (no object per ticket
// per rule on the hot path); the scorecard copies out only what it keeps.

import type { Clock } from '../measure/clock.js';

/**
 * `deferred`: the outcome depends on the audit's "now" (as_of), which is only known when the
 * scorecard finishes. The judge fills the `since`/`limit` checks and the two possible outcomes.
 */
export type VerdictKind = 'met' | 'breached' | 'pending' | 'excluded' | 'not-applicable' | 'deferred';

/** Outcome kinds a deferred check resolves to. */
export type ResolvedKind = 'met' | 'breached' | 'pending' | 'excluded';

/**
 * A deferred check: the ticket is `over` when the clock's elapsed time from `since` to as_of
 * exceeds the limit (or, for the second check, `since2` → as_of exceeds `limit2`). Judges fill it
 * in the Verdict; the scorecard keeps it in a DeferredEntry until as_of is known.
 */
export interface DeferredCheck {
  since: number;
  since2: number;
  limit2: number;
  /** Reason code when the second check fires. */
  code2: string;
  /** A canonical field the second check relies on: skipped when the inputs lack it (known at finish). */
  need2: string;
  over: ResolvedKind;
  within: ResolvedKind;
  withinCode: string;
}

export interface Verdict extends DeferredCheck {
  kind: VerdictKind;
  /** Stable reason code (`late`, `unanswered`, `tag:spam`, `closed-without-reply`, …). */
  code: string;
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
    kind: 'not-applicable', code: '', value: null, limit: NaN, n: NaN, sample: NaN, vendor: null,
    since: NaN, since2: NaN, limit2: NaN, code2: '', need2: '', over: 'breached', within: 'pending', withinCode: 'waiting',
  };
}

/**
 * Clears what any outcome may leave behind. The deferred check's fields are left alone: they are
 * read only for a deferred outcome, and defer() writes every one of them (per rule and ticket,
 * half the stores).
 */
export function reset(v: Verdict): void {
  v.kind = 'not-applicable'; v.code = ''; v.value = null; v.limit = NaN; v.n = NaN; v.sample = NaN;
  v.vendor = null;
}

export function set(v: Verdict, kind: VerdictKind, code: string, value: number | null = null): void {
  v.kind = kind;
  v.code = code;
  v.value = value;
}

/** A measured duration against its window: inclusive, `duration <= window` meets (DESIGN §5). */
export function judgeDuration(v: Verdict, ms: number, window: number, lateCode = 'late'): void {
  const d = Math.round(ms);
  v.kind = d <= window ? 'met' : 'breached';
  v.code = d <= window ? 'within' : lateCode;
  v.value = d;
  v.limit = window;
  v.sample = d;
}

/**
 * Decide at as_of: `over` once `clock.elapsed(since, asOf) > limit`, else `within`. Writes every
 * field of the deferred check (the second check off): reset() does not clear them.
 */
export function defer(v: Verdict, since: number, limit: number, overCode: string, over: ResolvedKind = 'breached', within: ResolvedKind = 'pending', withinCode = 'waiting'): void {
  v.kind = 'deferred';
  v.since = since;
  v.limit = limit;
  v.code = overCode;
  v.over = over;
  v.within = within;
  v.withinCode = withinCode;
  v.since2 = NaN;
  v.limit2 = NaN;
  v.code2 = '';
  v.need2 = '';
}

export interface JudgeContext {
  clock: Clock;
  clockKind: 'calendar' | 'business';
  /** The window for this ticket (the rule's, or its matching override's), ms. */
  window: number;
}
