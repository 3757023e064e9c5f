// Next reply: every customer message that waited for an agent is answered within the window.
// A ticket meets the rule when its slowest answered wait does; an unanswered last message on an
// open ticket is decided at as_of; on a finished ticket it is ignored (nothing left to answer).

import { duration } from '../policy/schema-units.js';
import { defineMeasure, isDone } from './definition.js';
import { defer, judgeDuration, set } from './verdict.js';

export const nextReply = defineMeasure({
  measure: 'next-reply',
  params: () => ({ window: duration() }),
  unit: 'minutes',
  label: 'reply',
  window: (rule) => rule.window,
  needs: () => ['reply_pairs'],
  judge(t, _rule, ctx, out) {
    const pairs = t.reply_pairs;
    if (!pairs || pairs.length === 0) return set(out, 'not-applicable', 'no-customer-message');
    let worst = -1;
    let waitingSince = NaN;
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const asked = pairs[i];
      const answered = pairs[i + 1];
      if (Number.isNaN(answered)) {
        if (Number.isNaN(waitingSince)) waitingSince = asked;
        continue;
      }
      const wait = ctx.clock.elapsed(asked, answered);
      if (wait > worst) worst = wait;
    }
    if (worst > ctx.window) return judgeDuration(out, worst, ctx.window);
    if (!Number.isNaN(waitingSince) && !isDone(t)) return defer(out, waitingSince, ctx.window, 'unanswered');
    if (worst < 0) return set(out, 'not-applicable', 'no-answered-message');
    judgeDuration(out, worst, ctx.window);
  },
});
