// Satisfaction (CSAT = good ÷ rated): a rated ticket meets when its rating counts as good
// (the mapper's `csat_good`, else a normalised score of at least 0.75, i.e. 4 of 5).
// Unrated tickets are not part of the sample.

import { formatPercent } from '../policy/units.js';
import type { Ticket } from '../types.js';
import { defineMeasure } from './definition.js';
import { set } from './verdict.js';

/** Good, bad, or undefined when the ticket is unrated. */
export function ratedGood(t: Ticket): boolean | undefined {
  if (t.csat_good !== undefined) return t.csat_good;
  if (t.csat !== undefined) return t.csat >= 0.75;
  return undefined;
}

export const csat = defineMeasure({
  measure: 'csat',
  params: () => ({}),
  unit: 'ratio',
  label: 'rating',
  needs: () => ['csat'],
  judge(t, _rule, _ctx, out) {
    const good = ratedGood(t);
    if (good === undefined) return set(out, 'not-applicable', 'unrated');
    set(out, good ? 'met' : 'breached', good ? 'good-rating' : 'bad-rating', t.csat ?? null);
  },
  titles: {
    satisfaction: (r) => `Customers are satisfied (CSAT at least ${formatPercent(r.target)})`,
  },
});
