// The shape of one rule kind (one `measure`). Adding a rule is adding a file that exports one
// RuleDefinition and listing it in rules/index.ts.

import type { Filter, MeasureId, RuleConfig } from '../policy/types.js';
import type { Ticket } from '../types.js';
import type { JudgeContext, Verdict } from './verdict.js';

export type RuleOf<M extends MeasureId> = Extract<RuleConfig, { measure: M }>;

/** A needed input: one canonical field, or a list of alternatives (any one will do). */
export type Need = string | string[];

export interface RuleDefinition<M extends MeasureId = MeasureId> {
  measure: M;
  /** `minutes` for duration rules (percentiles and mean in minutes), `ratio` for rate rules. */
  unit: 'minutes' | 'ratio';
  /** What the value is, for reasons: "first response", "phone wait". */
  label: string;
  /** Rate rules judged against a ceiling: target = 1 − ceiling, and `ceiling`/`rate` are reported. */
  ceiling?: (rule: RuleOf<M>) => number;
  /** The rule's base window in ms, for duration rules. */
  window?: (rule: RuleOf<M>) => number;
  /** Canonical fields the rule needs (beyond id and created_at). */
  needs(rule: RuleOf<M>, clockKind: 'calendar' | 'business'): Need[];
  /** Judge one ticket that passed applies_to and the policy's exclude tags. */
  judge(t: Ticket, rule: RuleOf<M>, ctx: JudgeContext, out: Verdict): void;
  /** Aggregate per local hour of the week (the peak rule decides its hours at finish). */
  byHourOfWeek?: boolean;
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
