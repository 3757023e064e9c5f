// Refunds issued within a window (expectation 8): for approved returns, refunded_at −
// return_requested_at on the rule's clock, inclusive. An approved return not yet refunded is
// pending until the window has passed at as_of, then breached `unrefunded`.

import { duration } from '../policy/schema-units.js';
import { defineMeasure } from './definition.js';
import { windowWords } from './title-words.js';
import { defer, judgeDuration, set } from './verdict.js';

export const refundSpeed = defineMeasure({
  measure: 'refund-speed',
  params: () => ({ window: duration() }),
  unit: 'minutes',
  label: 'refund',
  window: (rule) => rule.window,
  needs: () => ['return_requested_at', 'return_decision', 'refunded_at'],
  judge(t, _rule, ctx, out) {
    const asked = t.return_requested_at;
    if (asked === undefined || t.return_decision !== 'approved') return set(out, 'not-applicable', 'not-approved-return');
    if (t.refunded_at !== undefined) return judgeDuration(out, ctx.clock.elapsed(asked, t.refunded_at), ctx.window);
    defer(out, asked, ctx.window, 'unrefunded');
  },
  titles: {
    'refund-speed': (r) => `Refunds issued within ${windowWords(r, r.window)}`,
  },
});
