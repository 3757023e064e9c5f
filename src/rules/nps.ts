// Net promoter score, reported in the shape of every other rule: a promoter (9–10) meets, a
// passive (7–8) or detractor (0–6) does not, so compliance is the promoters' share. The NPS
// itself (promoters − detractors, −100…100) is given in a note, from the detractors counted
// among the breaches.

import { defineMeasure } from './definition.js';
import { set } from './verdict.js';

export const nps = defineMeasure({
  measure: 'nps',
  params: () => ({}),
  unit: 'ratio',
  label: 'likelihood to recommend',
  needs: () => ['nps'],
  judge(t, _rule, _ctx, out) {
    if (t.nps === undefined) return set(out, 'not-applicable', 'unrated');
    if (t.nps >= 9) return set(out, 'met', 'promoter', t.nps);
    set(out, 'breached', t.nps >= 7 ? 'passive' : 'detractor', t.nps);
  },
  notes(_rule, figures) {
    const rated = figures.met + figures.breached;
    if (rated === 0) return [];
    const detractors = figures.breachedBy('detractor');
    return [{ code: 'nps', score: Math.round((100 * (figures.met - detractors)) / rated), promoters: figures.met, detractors, rated }];
  },
});
