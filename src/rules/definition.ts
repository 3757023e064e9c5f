// The shape of one measure. A measure is one module under src/rules/: the zod schema of its
// policy parameters, the inputs it needs, its judge, its summary step when it has one, and its
// words (what it measures, its built-in rules' titles). rules/index.ts lists each module where
// the compiler demands exactly one per measure id (measures.ts); docs/contributing.md walks
// through adding one.

import type { z } from 'zod';
import type { NoteFinding, OutcomeCode } from '../findings.js';
import type { Filter, RuleBase } from '../policy/types.js';
import type { Ticket } from '../types.js';
import type { MeasureId } from './measures.js';
import type { JudgeContext, Verdict } from './verdict.js';

/** A measure's parameters as zod schemas, by key (`window: duration()`). */
export type ParamShape = Record<string, z.ZodType>;

/** The parameters a schema shape resolves to (durations in ms, percentages as fractions). */
export type ParamsOf<P extends ParamShape> = z.output<z.ZodObject<P>>;

/** A policy rule of one measure, as its judge sees it. */
export type RuleWith<M extends MeasureId, P extends ParamShape> = RuleBase & { measure: M } & ParamsOf<P>;

/** A needed input: one canonical field, or a list of alternatives (any one will do). */
export type Need = string | string[];

/** The calendar a slotted rule places tickets in (the policy's zone). */
export interface WeekCalendar {
  /** 0 = Sunday 00:00–01:00 local … 167. */
  hourOfWeek(ms: number): number;
}

/** A group of slots' counts together, for a summary step to compare. */
export interface SlotSide {
  /** Judged tickets: met + breached. */
  judged: number;
  met: number;
  /** Median sample (ms), null without samples. */
  median: number | null;
}

/** What a slotted rule's summary step sees of its counts. */
export interface SlotCounts {
  /** Tickets counted in a slot (every applicable ticket not excluded by a tag). */
  volume(slot: number): number;
  side(slots: readonly number[]): SlotSide;
}

/** A slotted rule's summary: which slots its figures are, whether it fails whatever they say, and notes. */
export interface SlotPick {
  /** The slots whose counts are the rule's figures, ascending. */
  slots: number[];
  /** The rule fails regardless of its compliance (a comparison it makes failed). */
  fails: boolean;
  notes: NoteFinding[];
}

/**
 * A rule that keeps its counts per slot (the peak rule: per local hour of the week), because
 * which slots make its figures is known only when the audit finishes.
 */
export interface Slots<R> {
  count: number;
  of(t: Ticket, calendar: WeekCalendar): number;
  pick(rule: R, counts: SlotCounts, ctx: { zone: string }): SlotPick;
}

/** A rule's figures, as its notes may use them. */
export interface Figures {
  met: number;
  breached: number;
  /** Breaches per outcome code. */
  breachedBy(code: OutcomeCode): number;
}

/**
 * One more check at as_of of a deferred outcome still within its limit (queue hygiene: a ticket
 * unassigned too long). Reads the deferred ticket only, so nothing per ticket is kept for it.
 */
export interface SecondCheck<R> {
  /** The canonical field it relies on: when the inputs lack it, the check is skipped (known only at finish). */
  field: string;
  /** From when it counts for this ticket; undefined: it does not apply to the ticket. */
  since(ticket: { created: number; agent?: string }): number | undefined;
  limit(rule: R): number;
  code: OutcomeCode;
}

/**
 * One measure's definition. `R` is the rule its callbacks take: its own rules (RuleWith), or, in
 * the registry, `never`: a definition there is only ever handed the rules of its own measure.
 */
export interface RuleDefinition<M extends MeasureId = MeasureId, P extends ParamShape = ParamShape, R = RuleWith<M, P>> {
  measure: M;
  /** The zod schemas of the measure's own keys in a policy rule (besides id, target, …). */
  params(): P;
  /** `minutes` for duration rules (percentiles and mean in minutes), `ratio` for rate rules. */
  unit: 'minutes' | 'ratio';
  /** What the value is, for reasons: "first response", "phone wait". */
  label: string;
  /** Samples feed percentiles and the mean: by default those of duration rules. */
  samples?: boolean;
  /** A channel's response window: a rule of it without an expectation is written `expectation: channel`. */
  responseWindow?: boolean;
  /** Rate rules judged against a ceiling: target = 1 − ceiling, and `ceiling`/`rate` are reported. */
  ceiling?(rule: R): number;
  /** The rule's base window in ms (an override's `window` replaces it). */
  window?(rule: R): number;
  /** Canonical fields the rule needs (beyond id and created_at). */
  needs(rule: R, clockKind: 'calendar' | 'business'): Need[];
  /** Judge one ticket that passed applies_to and the policy's exclude tags. */
  judge(t: Ticket, rule: R, ctx: JudgeContext, out: Verdict): void;
  slots?: Slots<R>;
  secondCheck?: SecondCheck<R>;
  /** Notes on the rule's figures, after those every rule gets (only when the inputs have what it needs). */
  notes?(rule: R, figures: Figures, available: ReadonlySet<string>): NoteFinding[];
  /** Titles of the built-in rules of this measure, by rule id, made from the rule's numbers. */
  titles?: Record<string, TitleTemplate<R>>;
}

/** A title made from a rule's numbers. */
type TitleTemplate<R> = (rule: R) => string;

/** A measure's definition, its parameters' types inferred from its schemas. */
export function defineMeasure<M extends MeasureId, P extends ParamShape>(definition: RuleDefinition<M, P>): RuleDefinition<M, P> {
  return definition;
}

/** Fields a filter reads. `match: any` makes type, tags.any and subject alternatives. */
export function filterNeeds(f: Filter): Need[] {
  const needs: Need[] = [];
  if (f.channel?.length) needs.push('channel');
  if (f.priority?.length) needs.push('priority');
  if (f.status?.length) needs.push('status');
  if (f.team?.length) needs.push('team');
  const text: string[] = [];
  if (f.type?.length) text.push('type');
  if (f.tags?.any?.length) text.push('tags');
  if (f.subject?.length) text.push('subject');
  if (f.match === 'any' && text.length > 1) needs.push(text);
  else needs.push(...text);
  if ((f.tags?.all?.length || f.tags?.none?.length) && !text.includes('tags')) needs.push('tags');
  return needs;
}

/** The names of the needs `available` cannot meet (every alternative of an unmet group). */
export function missingFields(needs: Need[], available: ReadonlySet<string>): string[] {
  const missing: string[] = [];
  for (const need of needs) {
    const options = typeof need === 'string' ? [need] : need;
    if (options.some((f) => available.has(f))) continue;
    for (const f of options) if (!missing.includes(f)) missing.push(f);
  }
  return missing;
}

/** Solved or closed: by status when the export has one, else by a solve/close time. */
export function isDone(t: Ticket): boolean {
  if (t.status !== undefined) return t.status === 'solved' || t.status === 'closed';
  return t.solved_at !== undefined || t.closed_at !== undefined;
}

/** When the ticket was resolved: the solve time, else the close time. */
export function resolvedAt(t: Ticket): number | undefined {
  return t.solved_at ?? t.closed_at;
}
