// Update gap: while a ticket is open, public agent updates follow each other within the window.
// The slowest gap between consecutive updates decides; an open ticket's silence since its last
// update counts too and is decided at as_of. The wait before the first update is first response's
// business, not this rule's.

import { duration } from '../policy/schema-units.js';
import { defineMeasure, isDone } from './definition.js';
import { defer, judgeDuration, set } from './verdict.js';

export const updateGap = defineMeasure({
  measure: 'update-gap',
  params: () => ({ window: duration() }),
  unit: 'minutes',
  label: 'gap between updates',
  window: (rule) => rule.window,
  needs: () => ['agent_update_times'],
  judge(t, _rule, ctx, out) {
    const times = t.agent_update_times;
    if (!times || times.length === 0) return set(out, 'not-applicable', 'no-agent-update');
    let worst = -1;
    for (let i = 1; i < times.length; i++) {
      const gap = ctx.clock.elapsed(times[i - 1], times[i]);
      if (gap > worst) worst = gap;
    }
    if (worst > ctx.window) return judgeDuration(out, worst, ctx.window);
    if (!isDone(t)) {
      // Met so far; the open silence since the last update decides.
      return defer(out, times[times.length - 1], ctx.window, 'silent');
    }
    if (worst < 0) return set(out, 'not-applicable', 'single-update');
    judgeDuration(out, worst, ctx.window);
  },
});
