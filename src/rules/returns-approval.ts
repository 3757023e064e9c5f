// A good return policy (expectation 8): return requests made within return_window of the order
// (calendar time: return windows are calendar days) are approved. Approved meets, rejected is
// breached, an undecided one is pending until answer_window (the rule's window, on its clock)
// has passed at as_of, then breached `unanswered`.

import { duration } from '../policy/schema-units.js';
import { defineMeasure } from './definition.js';
import { durationWords, windowWords } from './title-words.js';
import { defer, set } from './verdict.js';

export const returnsApproval = defineMeasure({
  measure: 'returns-approval',
  params: () => ({ return_window: duration(), answer_window: duration() }),
  unit: 'ratio',
  label: 'return request',
  window: (rule) => rule.answer_window,
  needs: () => ['return_requested_at', 'order_at', 'return_decision'],
  judge(t, rule, ctx, out) {
    const asked = t.return_requested_at;
    if (asked === undefined) return set(out, 'not-applicable', 'no-return');
    if (t.order_at === undefined) return set(out, 'excluded', 'no-order-date');
    if (asked - t.order_at > rule.return_window) return set(out, 'not-applicable', 'outside-return-window');
    if (t.return_decision === 'approved') return set(out, 'met', 'approved');
    if (t.return_decision === 'rejected') return set(out, 'breached', 'rejected');
    defer(out, asked, ctx.window, 'unanswered');
  },
  titles: {
    'returns-approval': (r) => `Returns within ${durationWords(r.return_window)} approved and answered within ${windowWords(r, r.answer_window)}`,
  },
});
