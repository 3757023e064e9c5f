// Pre-sales advice (expectation 6): pre-sales questions get a first response within a short
// window, judged exactly as first-response (a missed or abandoned pre-sales chat that nothing
// shows was answered is breached). A measure of its own so that a policy can name what it audits.

import { duration } from '../policy/schema-units.js';
import { defineMeasure } from './definition.js';
import { firstResponseNeeds, judgeFirstResponse } from './first-response.js';
import { windowWords } from './title-words.js';

export const presales = defineMeasure({
  measure: 'presales',
  params: () => ({ window: duration() }),
  unit: 'minutes',
  label: 'first response',
  window: (rule) => rule.window,
  needs: (_rule, clockKind) => firstResponseNeeds(clockKind),
  judge: (t, _rule, ctx, out) => judgeFirstResponse(t, ctx, out),
  titles: {
    'presales-advice': (r) => `Pre-sales questions answered within ${windowWords(r, r.window)}`,
  },
});
