// Phone wait, as call centres compute their service level: calls answered within the window ÷
// (calls offered − short abandons). The wait is `wait_seconds`, inclusive window. A call abandoned
// within `short_abandon` (default 5 s: a misdial, a caller who changed their mind) was never really
// offered to the desk: excluded `short-abandon`. Every other abandoned or missed call was not
// answered in time, whatever its wait: breached (`abandoned`/`missed`, or `abandoned-after`/
// `missed-after` past the window), with its wait as the value when one is recorded. A call with
// neither a wait nor a missed/abandoned flag has nothing to judge.

import { duration, durationOrZero } from '../policy/schema-units.js';
import { defineMeasure } from './definition.js';
import { windowWords } from './title-words.js';
import { judgeDuration, set } from './verdict.js';

export const phoneWait = defineMeasure({
  measure: 'phone-wait',
  params: () => ({
    window: duration(),
    short_abandon: durationOrZero()
      .prefault('5s')
      .meta({ description: 'A call abandoned within this wait is a short abandon: not offered to the desk, left out of the service level. "0s": none.' }),
  }),
  unit: 'minutes',
  label: 'wait',
  responseWindow: true,
  window: (rule) => rule.window,
  needs: () => ['wait_seconds'],
  judge(t, rule, ctx, out) {
    if (t.wait_seconds !== undefined) {
      const wait = Math.round(t.wait_seconds * 1000);
      if (t.abandoned && rule.short_abandon > 0 && wait <= rule.short_abandon) return set(out, 'excluded', 'short-abandon');
      judgeDuration(out, wait, ctx.window);
      if (t.abandoned || t.missed) {
        const late = out.kind === 'breached';
        out.kind = 'breached';
        out.code = t.abandoned ? (late ? 'abandoned-after' : 'abandoned') : late ? 'missed-after' : 'missed';
      }
      return;
    }
    if (t.missed || t.abandoned) return set(out, 'breached', t.missed ? 'missed' : 'abandoned');
    set(out, 'not-applicable', 'no-wait-time');
  },
  titles: {
    'phone-wait': (r) => `Phone callers wait at most ${windowWords(r, r.window)}`,
  },
});
