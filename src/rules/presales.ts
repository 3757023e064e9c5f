// Pre-sales advice (expectation 6): pre-sales questions get a first response within a short
// window; a missed or abandoned pre-sales chat never got one, so it counts as breached.

import type { RuleDefinition } from './definition.js';
import { firstResponseNeeds, judgeFirstResponse } from './first-response.js';
import { set } from './verdict.js';

export const presales: RuleDefinition<'presales'> = {
  measure: 'presales',
  unit: 'minutes',
  label: 'first response',
  window: (rule) => rule.window,
  needs: (_rule, clockKind) => firstResponseNeeds(clockKind),
  judge(t, _rule, ctx, out) {
    if (!t.outbound && t.first_response_at === undefined && (t.missed || t.abandoned)) {
      return set(out, 'breached', t.missed ? 'missed' : 'abandoned');
    }
    judgeFirstResponse(t, ctx, out);
  },
};
