// The peak rule's finish: pick the peak hours from the per-hour volumes (or the policy), merge
// the hour states into peak and off-peak, and compare the two (rules/peak.ts).

import { comparePeak, peakHours } from '../rules/peak.js';
import type { RuleOf } from '../rules/definition.js';
import { formatDuration } from '../rules/reasons.js';
import { quantile } from './quantiles.js';
import { mergeRuleState, newRuleState, type RuleState } from './rule-state.js';
import type { CompiledRule } from './scorecard.js';

const pct = (x: number) => `${Math.round(x * 100)} %`;

export function peakState(r: CompiledRule, slots: Record<string, RuleState>, zone: string): { state: RuleState; violations: string[]; notes: string[] } {
  const rule = r.rule as RuleOf<'peak'>;
  const volume = new Array<number>(168).fill(0);
  for (const [hour, s] of Object.entries(slots)) volume[Number(hour)] = s.extra.volume ?? 0;
  const isPeak = peakHours(rule, volume);
  const atPeak = newRuleState(r.overrides.length);
  const offPeak = newRuleState(r.overrides.length);
  for (let h = 0; h < 168; h++) {
    const s = slots[String(h)];
    if (s) mergeRuleState(isPeak[h] ? atPeak : offPeak, s, r.cap);
  }
  const side = (s: RuleState) => ({ rated: s.met + s.breached, good: s.met, median: quantile(s.samples, 0.5) });
  const cmp = comparePeak(rule, side(atPeak), side(offPeak));
  const hours = isPeak.filter(Boolean).length;
  const unit = hours === 1 ? 'hour' : 'hours';
  const notes = [
    rule.peak_hours.length > 0 ? `peak: the policy's ${hours} ${unit} a week (${zone})` : `peak: the ${hours === 1 ? 'busiest hour' : `${hours} busiest hours`} of the week by volume (${zone})`,
  ];
  if (cmp.offCsat === null) notes.push('no off-peak ratings to compare with');
  else if (cmp.gap !== null) notes.push(`peak CSAT ${pct(cmp.offCsat - cmp.gap)} vs off-peak ${pct(cmp.offCsat)}${cmp.violations.includes('csat-gap') ? ` (gap > ${pct(rule.max_csat_gap)}: fail)` : ''}`);
  const pm = side(atPeak).median;
  const om = side(offPeak).median;
  if (cmp.ratio !== null && pm !== null && om !== null) {
    notes.push(`median first response at peak ${formatDuration(pm)} vs off-peak ${formatDuration(om)}${cmp.violations.includes('slow-at-peak') ? ` (more than ${rule.max_response_ratio}× slower: fail)` : ''}`);
  }
  return { state: atPeak, violations: cmp.violations, notes };
}
