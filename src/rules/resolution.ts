// Resolution time. `which: full` (the default): created_at → solved_at (else closed_at) on the
// rule's clock; without those timestamps, the export's own full-resolution minutes (the calendar
// column for the calendar clock, the business one for a business clock). `which: first`: time to
// the first solve, which only a vendor column carries (Zendesk's first resolution time): an
// export's solve time is the latest solve, so it never stands in for the first. An unresolved
// ticket is decided at as_of (pending, then breached `unresolved`).

import { z } from 'zod';
import { duration } from '../policy/schema-units.js';
import type { Ticket } from '../types.js';
import { defineMeasure, isDone, resolvedAt } from './definition.js';
import { defer, judgeDuration, set } from './verdict.js';

const MINUTE = 60_000;

type Column = 'resolution_minutes' | 'resolution_business_minutes' | 'first_resolution_minutes' | 'first_resolution_business_minutes';

export function resolutionColumn(which: 'first' | 'full', clockKind: 'calendar' | 'business'): Column {
  if (which === 'first') return clockKind === 'calendar' ? 'first_resolution_minutes' : 'first_resolution_business_minutes';
  return clockKind === 'calendar' ? 'resolution_minutes' : 'resolution_business_minutes';
}

/** Solved once already: done now, or reopened (a reopen follows a solve). */
function solvedOnce(t: Ticket): boolean {
  return isDone(t) || (t.reopens !== undefined && t.reopens > 0);
}

export const resolution = defineMeasure({
  measure: 'resolution',
  params: () => ({ which: z.enum(['first', 'full']).default('full'), window: duration() }),
  unit: 'minutes',
  label: 'resolution',
  window: (rule) => rule.window,
  needs(rule, clockKind) {
    const column = resolutionColumn(rule.which, clockKind);
    return [rule.which === 'first' ? column : ['solved_at', 'closed_at', column]];
  },
  judge(t, rule, ctx, out) {
    const column = resolutionColumn(rule.which, ctx.clockKind);
    if (rule.which === 'full') {
      const done = resolvedAt(t);
      if (done !== undefined) return judgeDuration(out, ctx.clock.elapsed(t.created_at, done), ctx.window);
    }
    const minutes = t[column];
    if (minutes !== undefined) {
      judgeDuration(out, minutes * MINUTE, ctx.window);
      out.vendor = column;
      return;
    }
    if (rule.which === 'first' ? solvedOnce(t) : isDone(t)) return set(out, 'excluded', 'no-resolution-time');
    defer(out, t.created_at, ctx.window, 'unresolved');
  },
});
