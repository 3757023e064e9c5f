// A tidy queue (expectation 4): no open ticket left untouched (as_of − updated_at) longer than
// `untouched`, and none unassigned for longer than `unassigned` since creation. "Open" means
// status new or open: pending and on-hold tickets wait on the customer or a third party by
// definition, so their silence is not untidiness. Decided at as_of; the unassigned check is
// skipped when the inputs have no agent column at all (it would brand every ticket unassigned).

import type { RuleDefinition } from './definition.js';
import { defer, set } from './verdict.js';

export const queueHygiene: RuleDefinition<'queue-hygiene'> = {
  measure: 'queue-hygiene',
  unit: 'minutes',
  label: 'untouched',
  window: (rule) => rule.untouched,
  needs: () => ['status', 'updated_at'],
  judge(t, rule, ctx, out) {
    if (t.status !== 'new' && t.status !== 'open') return set(out, 'not-applicable', 'not-open');
    defer(out, t.updated_at ?? t.created_at, ctx.window, 'untouched', 'breached', 'met', 'tidy');
    if (t.agent === undefined) {
      out.since2 = t.created_at;
      out.limit2 = rule.unassigned;
      out.code2 = 'unassigned';
      out.need2 = 'agent';
    }
  },
};
