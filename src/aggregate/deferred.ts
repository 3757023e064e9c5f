// Deciding the as_of-dependent outcomes once as_of is known: a ticket is `over` when the rule's
// clock counts more than `limit` from `since` to as_of (strictly more: the window is inclusive),
// or when its second check fires (e.g. unassigned too long).

import type { Dimension } from '../report.js';
import { bump, countEligible, keepBreach, newRuleState } from './rule-state.js';
import type { CompiledRule } from './scorecard.js';
import type { ScorecardState } from './state.js';

export function resolveDeferred(state: ScorecardState, rules: CompiledRule[], asOf: number, available: ReadonlySet<string>, dims: Dimension[]): void {
  for (const d of state.deferred) {
    const r = rules[d.rule];
    const s = state.rules[d.rule].all ?? (state.rules[d.rule].all = newRuleState(r.overrides.length));
    const clock = r.ctx.clock;
    const first = Math.round(clock.elapsed(d.since, asOf));
    let kind = d.within;
    let code = d.withinCode;
    let value = first;
    let limit = d.limit;
    if (first > d.limit) {
      kind = d.over;
      code = d.code;
    } else if (!Number.isNaN(d.since2) && (d.need2 === '' || available.has(d.need2))) {
      const second = Math.round(clock.elapsed(d.since2, asOf));
      if (second > d.limit2) {
        kind = d.over;
        code = d.code2;
        value = second;
        limit = d.limit2;
      }
    }
    switch (kind) {
      case 'met':
      case 'breached':
        // The sample is the first check's time (queue hygiene: untouched, also when unassigned fired).
        countEligible(s, kind === 'met', { week: d.week, dims, keys: d.keys, override: d.override }, r.samples ? first : NaN);
        if (kind === 'breached') {
          bump(s.extra, `breached:${code}`);
          keepBreach(s, { id: d.id, value, code, limit, n: NaN, created: d.created, channel: d.channel, agent: d.agent }, r.cap);
        }
        break;
      case 'pending':
        s.pending++;
        break;
      case 'excluded':
        s.excluded++;
        bump(s.excludedReasons, code);
        break;
    }
  }
  state.deferred = [];
}
