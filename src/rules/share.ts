// A share under a ceiling (billing disputes, premises complaints): every applicable ticket is
// eligible; one that matches `match` counts against the ceiling. Compliance = 1 − rate, judged
// against target = 1 − ceiling.

import { matches } from './match.js';
import type { RuleDefinition } from './definition.js';
import { filterNeeds } from './definition.js';
import { set } from './verdict.js';

export const share: RuleDefinition<'share'> = {
  measure: 'share',
  unit: 'ratio',
  label: 'share',
  ceiling: (rule) => rule.ceiling,
  needs: (rule) => filterNeeds(rule.match),
  judge(t, rule, _ctx, out) {
    if (matches(rule.match, t)) set(out, 'breached', 'matched');
    else set(out, 'met', 'not-matched');
  },
};
