// Correct and complete after-sales and repair service (expectation 2). Of the after-sales
// tickets (applies_to), a solved one meets when it was never reopened; one that also matches
// `repair` must moreover be resolved within repair_window (the rule's window, on its clock).
// Open tickets wait (pending); an open repair is breached once its window has passed at as_of.

import { filterSchema } from '../policy/schema-filter.js';
import { duration } from '../policy/schema-units.js';
import type { Filter } from '../policy/types.js';
import { isEmptyFilter, matches } from './match.js';
import { defineMeasure, isDone, resolvedAt } from './definition.js';
import { defer, judgeDuration, set } from './verdict.js';

export const afterSales = defineMeasure({
  measure: 'after-sales',
  // Without a repair filter, no ticket is a repair.
  params: () => ({
    repair: filterSchema()
      .optional()
      .transform((f): Filter => f ?? {}),
    repair_window: duration(),
  }),
  unit: 'ratio',
  label: 'repair',
  window: (rule) => rule.repair_window,
  needs: () => ['reopens'],
  judge(t, rule, ctx, out) {
    // An empty repair filter means "no repair tickets", not "every ticket is a repair".
    const repair = !isEmptyFilter(rule.repair) && matches(rule.repair, t);
    if (!isDone(t)) {
      if (repair) return defer(out, t.created_at, ctx.window, 'repair-late', 'breached', 'pending', 'open');
      return set(out, 'pending', 'open');
    }
    if (t.reopens === undefined) return set(out, 'excluded', 'no-reopen-count');
    if (t.reopens > 0) {
      set(out, 'breached', 'reopened', t.reopens);
      out.n = t.reopens;
      return;
    }
    if (!repair) return set(out, 'met', 'not-reopened');
    const done = resolvedAt(t);
    if (done === undefined) return set(out, 'excluded', 'no-resolution-time');
    judgeDuration(out, ctx.clock.elapsed(t.created_at, done), ctx.window, 'repair-late');
  },
});
