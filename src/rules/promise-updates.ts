// Timely information when a promise cannot be kept (expectation 1). The tickets judged are those
// that miss their due time: solved after it, or still open past it at as_of. One meets when an
// agent update happened at or after creation and at or before the due time (inclusive, like
// every window). With message rows every update time is known; with only a "last agent update"
// column, a last update after the due time hides whether an earlier one came in time, so such a
// ticket is excluded (`update-history-unknown`) rather than guessed.

import type { Ticket } from '../types.js';
import { defineMeasure, isDone, resolvedAt } from './definition.js';
import { defer, set } from './verdict.js';

/** true / false when known, undefined when the export cannot tell. */
function updatedBeforeDue(t: Ticket, due: number): boolean | undefined {
  const times = t.agent_update_times;
  if (times && times.length > 0) {
    for (let i = 0; i < times.length; i++) if (times[i] >= t.created_at && times[i] <= due) return true;
    return false;
  }
  const last = t.last_agent_update_at;
  if (last === undefined) return false;
  if (last > due) return undefined;
  return last >= t.created_at;
}

export const promiseUpdates = defineMeasure({
  measure: 'promise-updates',
  params: () => ({}),
  unit: 'minutes',
  label: 'past due',
  needs: () => ['due_at', ['agent_update_times', 'last_agent_update_at']],
  judge(t, _rule, ctx, out) {
    const due = t.due_at;
    if (due === undefined) return set(out, 'not-applicable', 'no-due-time');
    const informed = updatedBeforeDue(t, due);
    if (isDone(t)) {
      const done = resolvedAt(t);
      if (done === undefined) return set(out, 'excluded', 'no-resolution-time');
      if (done <= due) return set(out, 'not-applicable', 'kept');
      if (informed === undefined) return set(out, 'excluded', 'update-history-unknown');
      const late = Math.round(ctx.clock.elapsed(due, done));
      set(out, informed ? 'met' : 'breached', informed ? 'updated-before-due' : 'no-update-before-due', late);
      out.limit = 0;
      out.sample = late;
      return;
    }
    // Open: it misses its promise once as_of passes the due time.
    if (informed === undefined) return defer(out, due, 0, 'update-history-unknown', 'excluded', 'pending', 'not-due');
    defer(out, due, 0, informed ? 'updated-before-due' : 'no-update-before-due', informed ? 'met' : 'breached', 'pending', 'not-due');
  },
});
