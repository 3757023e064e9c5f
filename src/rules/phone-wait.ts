// Phone wait: the caller's wait before an agent picked up (wait_seconds), inclusive window.
// A missed or abandoned call without a recorded wait was never answered: breached. A call with
// neither a wait nor a missed/abandoned flag has nothing to judge.

import type { RuleDefinition } from './definition.js';
import { judgeDuration, set } from './verdict.js';

export const phoneWait: RuleDefinition<'phone-wait'> = {
  measure: 'phone-wait',
  unit: 'minutes',
  label: 'wait',
  window: (rule) => rule.window,
  needs: () => ['wait_seconds'],
  judge(t, _rule, ctx, out) {
    if (t.wait_seconds !== undefined) {
      judgeDuration(out, t.wait_seconds * 1000, ctx.window);
      if (out.kind === 'breached' && (t.abandoned || t.missed)) out.code = t.abandoned ? 'abandoned-after' : 'missed-after';
      return;
    }
    if (t.missed || t.abandoned) return set(out, 'breached', t.missed ? 'missed' : 'abandoned');
    set(out, 'not-applicable', 'no-wait-time');
  },
};
