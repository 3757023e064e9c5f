// Requester wait, as Zendesk defines it: the time a ticket spends in New, Open and On-hold until
// it is solved. The clock pauses only while Pending (the desk waits on the requester), so unlike
// resolution time a slow customer does not count against the desk, and unlike agent work time
// (which pauses on On-hold too) a slow third party does. Read from the export's own column (the
// calendar one for a calendar clock, the business-hours one for a business clock: the help desk's
// business hours, not the policy's schedule): no export carries the status history it could be
// computed from. The figure is final once the ticket is solved; before that it can only grow, so
// an open ticket already past the window is breached and one within it is pending.

import { duration } from '../policy/schema-units.js';
import { defineMeasure, isDone } from './definition.js';
import { judgeDuration, set } from './verdict.js';

const MINUTE = 60_000;

export function requesterWaitColumn(clockKind: 'calendar' | 'business'): 'requester_wait_minutes' | 'requester_wait_business_minutes' {
  return clockKind === 'calendar' ? 'requester_wait_minutes' : 'requester_wait_business_minutes';
}

export const requesterWait = defineMeasure({
  measure: 'requester-wait',
  params: () => ({ window: duration() }),
  unit: 'minutes',
  label: 'requester wait',
  window: (rule) => rule.window,
  needs: (_rule, clockKind) => [requesterWaitColumn(clockKind)],
  judge(t, _rule, ctx, out) {
    const minutes = t[requesterWaitColumn(ctx.clockKind)];
    const done = isDone(t);
    if (minutes === undefined) return set(out, done ? 'excluded' : 'pending', done ? 'no-requester-wait' : 'open');
    const wait = Math.round(minutes * MINUTE);
    if (!done && wait <= ctx.window) return set(out, 'pending', 'open');
    judgeDuration(out, wait, ctx.window);
  },
});
