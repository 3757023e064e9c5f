// Resolution time: created_at → solved_at (else closed_at) on the rule's clock. `which` only
// chooses the vendor fallback column when timestamps are missing: `full` reads the export's
// full-resolution minutes; `first` has no such column in the canonical set and so never falls
// back. An unresolved ticket is decided at as_of (pending, then breached `unresolved`).

import type { RuleDefinition } from './definition.js';
import { isDone, resolvedAt } from './definition.js';
import { defer, judgeDuration, set } from './verdict.js';

const MINUTE = 60_000;

function fallbackColumn(which: 'first' | 'full', clockKind: 'calendar' | 'business') {
  if (which === 'first') return undefined;
  return clockKind === 'calendar' ? 'resolution_minutes' as const : 'resolution_business_minutes' as const;
}

export const resolution: RuleDefinition<'resolution'> = {
  measure: 'resolution',
  unit: 'minutes',
  label: 'resolution',
  window: (rule) => rule.window,
  needs(rule, clockKind) {
    const column = fallbackColumn(rule.which, clockKind);
    return [column ? ['solved_at', 'closed_at', column] : ['solved_at', 'closed_at']];
  },
  judge(t, rule, ctx, out) {
    const done = resolvedAt(t);
    if (done !== undefined) return judgeDuration(out, ctx.clock.elapsed(t.created_at, done), ctx.window);
    const column = fallbackColumn(rule.which, ctx.clockKind);
    const minutes = column ? t[column] : undefined;
    if (column && minutes !== undefined) {
      judgeDuration(out, minutes * MINUTE, ctx.window);
      out.vendor = column;
      return;
    }
    if (isDone(t)) return set(out, 'excluded', 'no-resolution-time');
    defer(out, t.created_at, ctx.window, 'unresolved');
  },
};
