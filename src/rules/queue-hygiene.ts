// A tidy queue (expectation 4): no open ticket left untouched (as_of − updated_at) longer than
// `untouched`, and none unassigned for longer than `unassigned` since creation. "Open" means
// status new or open: pending and on-hold tickets wait on the customer or a third party by
// definition, so their silence is not untidiness. Decided at as_of; the unassigned check is
// skipped when the inputs have no agent column at all (it would brand every ticket unassigned).

import { duration } from '../policy/schema-units.js';
import { defineMeasure } from './definition.js';
import { defer, set } from './verdict.js';

export const queueHygiene = defineMeasure({
  measure: 'queue-hygiene',
  params: () => ({ untouched: duration(), unassigned: duration() }),
  unit: 'minutes',
  label: 'untouched',
  window: (rule) => rule.untouched,
  needs: () => ['status', 'updated_at'],
  judge(t, _rule, ctx, out) {
    if (t.status !== 'new' && t.status !== 'open') return set(out, 'not-applicable', 'not-open');
    defer(out, t.updated_at ?? t.created_at, ctx.window, 'untouched', 'breached', 'met', 'tidy');
  },
  // Still untouched within its window at as_of: a ticket without an agent may be unassigned too long.
  secondCheck: {
    field: 'agent',
    since: (ticket) => (ticket.agent === undefined ? ticket.created : undefined),
    limit: (rule) => rule.unassigned,
    code: 'unassigned',
  },
  notes: (_rule, _figures, available) => (available.has('agent') ? [] : [{ code: 'unassigned-check-skipped' }]),
});
