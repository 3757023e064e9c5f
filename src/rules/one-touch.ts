// One-touch resolution: a solved ticket that needed at most one agent reply.

import { defineMeasure, isDone } from './definition.js';
import { set } from './verdict.js';

export const oneTouch = defineMeasure({
  measure: 'one-touch',
  params: () => ({}),
  unit: 'ratio',
  label: 'agent replies',
  needs: () => ['agent_replies'],
  judge(t, _rule, _ctx, out) {
    if (!isDone(t)) return set(out, 'pending', 'open');
    if (t.agent_replies === undefined) return set(out, 'not-applicable', 'no-reply-count');
    out.n = t.agent_replies;
    if (t.agent_replies <= 1) set(out, 'met', 'one-touch', t.agent_replies);
    else set(out, 'breached', 'multi-touch', t.agent_replies);
  },
});
