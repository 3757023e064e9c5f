// Reopen rate under a ceiling: of the tickets whose reopen count is known and that were solved
// at least once (finished now, or reopened), the share reopened stays under the ceiling.

import { percent } from '../policy/schema-units.js';
import { defineMeasure, isDone } from './definition.js';
import { set } from './verdict.js';

export const reopenRate = defineMeasure({
  measure: 'reopen-rate',
  params: () => ({ ceiling: percent() }),
  unit: 'ratio',
  label: 'reopens',
  ceiling: (rule) => rule.ceiling,
  needs: () => ['reopens'],
  judge(t, _rule, _ctx, out) {
    if (t.reopens === undefined) return set(out, 'not-applicable', 'no-reopen-count');
    if (t.reopens > 0) {
      set(out, 'breached', 'reopened', t.reopens);
      out.n = t.reopens;
      return;
    }
    if (!isDone(t)) return set(out, 'pending', 'open');
    set(out, 'met', 'not-reopened', 0);
  },
});
