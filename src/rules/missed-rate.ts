// Missed chats (or calls) under a ceiling: every applicable contact is eligible; a missed or
// abandoned one counts against the ceiling. An unset flag means "not missed".

import { percent } from '../policy/schema-units.js';
import { defineMeasure } from './definition.js';
import { set } from './verdict.js';

export const missedRate = defineMeasure({
  measure: 'missed-rate',
  params: () => ({ ceiling: percent() }),
  unit: 'ratio',
  label: 'missed',
  ceiling: (rule) => rule.ceiling,
  needs: () => [['missed', 'abandoned']],
  judge(t, _rule, _ctx, out) {
    if (t.missed) return set(out, 'breached', 'missed');
    if (t.abandoned) return set(out, 'breached', 'abandoned');
    set(out, 'met', 'answered');
  },
});
