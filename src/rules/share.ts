// A share under a ceiling (billing disputes, premises complaints): every applicable ticket is
// eligible; one that matches `match` counts against the ceiling. Compliance = 1 − rate, judged
// against target = 1 − ceiling.

import { filterSchema } from '../policy/schema-filter.js';
import { percent } from '../policy/schema-units.js';
import { matches } from './match.js';
import { defineMeasure, filterNeeds } from './definition.js';
import { set } from './verdict.js';

export const share = defineMeasure({
  measure: 'share',
  params: () => ({ match: filterSchema(), ceiling: percent() }),
  unit: 'ratio',
  label: 'share',
  ceiling: (rule) => rule.ceiling,
  needs: (rule) => filterNeeds(rule.match),
  judge(t, rule, _ctx, out) {
    if (matches(rule.match, t)) set(out, 'breached', 'matched');
    else set(out, 'met', 'not-matched');
  },
});
