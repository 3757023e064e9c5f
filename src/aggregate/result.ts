// One rule's numbers → its RuleResult (DESIGN §5–§6): status, compliance against the target,
// percentiles and mean in minutes, notes, the worst breaches with their reasons, weekly trend.

import type { Breach, RuleResult, RuleStatus } from '../report.js';
import { filterNeeds, type Need } from '../rules/definition.js';
import { describeOutcome } from '../rules/reasons.js';
import { MAX_TREND_WEEKS, mergeRuleState, newRuleState, trimBreaches, type RuleState } from './rule-state.js';
import { peakState } from './peak.js';
import { quantile } from './quantiles.js';
import type { CompiledRule } from './scorecard.js';

const MINUTE = 60_000;

/** Milliseconds → minutes, to the hundredth (0.6 s): a report precision, not a computing one. */
export function minutes(ms: number): number {
  return Math.round(ms / 600) / 100;
}

function unmet(needs: Need[], available: ReadonlySet<string>): string[][] {
  return needs.map((n) => (typeof n === 'string' ? [n] : n)).filter((options) => !options.some((f) => available.has(f)));
}

/** The inputs a rule needs that `available` lacks, as alternatives (empty: it has all it needs). */
export function lackingInputs(r: CompiledRule, available: ReadonlySet<string>): string[][] {
  return unmet([...r.def.needs(r.rule as never, r.rule.clock), ...filterNeeds(r.rule.applies_to)], available);
}

export function statusOf(compliance: number, target: number, warn: number): RuleStatus {
  if (compliance >= target) return 'pass';
  if (compliance >= warn) return 'warn';
  return 'fail';
}

/** The target (and warn level) weighted by how many eligible tickets each override governed. */
function weightedLevels(r: CompiledRule, s: RuleState): { target: number; warn: number } {
  const { rule } = r;
  const eligible = s.met + s.breached;
  if (eligible === 0 || !rule.overrides.some((o) => o.target !== undefined || o.warn !== undefined)) {
    return { target: rule.target, warn: rule.warn };
  }
  let target = s.overrideEligible[0] * rule.target;
  let warn = s.overrideEligible[0] * rule.warn;
  rule.overrides.forEach((o, i) => {
    target += s.overrideEligible[i + 1] * (o.target ?? rule.target);
    warn += s.overrideEligible[i + 1] * (o.warn ?? rule.warn);
  });
  return { target: target / eligible, warn: warn / eligible };
}

export function buildResult(r: CompiledRule, slots: Record<string, RuleState>, available: ReadonlySet<string>, minSample: number, zone: string): { result: RuleResult; state: RuleState } {
  const { rule, def } = r;
  const notes: string[] = [];
  let s: RuleState;
  let violations: string[] = [];
  if (def.byHourOfWeek) {
    const peak = peakState(r, slots, zone);
    s = peak.state;
    violations = peak.violations;
    notes.push(...peak.notes);
  } else {
    s = newRuleState(r.overrides.length);
    if (slots.all) mergeRuleState(s, slots.all, r.cap);
  }
  const lacking = lackingInputs(r, available);
  const missing = [...new Set(lacking.flat())];
  if (lacking.length > 0) {
    // Without its inputs a rule judges nothing (DESIGN §4: no_data, never a guess): what the
    // tickets would have scored without those fields (all "unanswered", none "matched") is dropped.
    s = newRuleState(r.overrides.length);
    violations = [];
    notes.length = 0;
  }
  const eligible = s.met + s.breached;
  const compliance = eligible > 0 ? s.met / eligible : null;
  const ceiling = def.ceiling ? def.ceiling(rule as never) : undefined;
  let { target, warn } = weightedLevels(r, s);
  if (ceiling !== undefined) {
    // Rounded as the policy resolves it (1 − 0.18 is 0.8200000000000001, which 41 of 50 = 0.82
    // would miss): a rate exactly at the ceiling passes.
    target = Number((1 - ceiling).toPrecision(12));
    warn = Math.min(warn, target);
  }

  let status: RuleStatus;
  if (lacking.length > 0) {
    status = 'no_data';
    notes.unshift(`the inputs lack ${lacking.map((o) => o.join(' or ')).join(', ')}`);
  } else if (eligible === 0) {
    status = 'no_data';
    notes.unshift(s.pending > 0 ? `no ticket decided yet (${s.pending} pending)` : 'no eligible tickets');
  } else if (eligible < minSample) {
    status = 'insufficient';
    notes.unshift(`${eligible} eligible, fewer than the gate's minimum sample of ${minSample}`);
  } else {
    status = violations.length > 0 ? 'fail' : statusOf(compliance!, target, warn);
  }

  for (const [key, count] of Object.entries(s.extra).sort()) {
    if (key.startsWith('vendor:')) notes.push(`${count} of ${eligible} from the export's ${key.slice(7)} column (no timestamps)`);
  }
  if (rule.measure === 'nps' && eligible > 0) {
    const detractors = s.extra['breached:detractor'] ?? 0;
    notes.push(`NPS ${Math.round((100 * (s.met - detractors)) / eligible)} (promoters ${s.met}, detractors ${detractors}, rated ${eligible})`);
  }
  if (rule.measure === 'queue-hygiene' && lacking.length === 0 && !available.has('agent')) notes.push('unassigned check skipped: the inputs have no agent column');
  if (s.trendEarlier[0] > 0) {
    notes.push(`trend: the latest ${MAX_TREND_WEEKS} weeks; ${s.trendEarlier[0].toLocaleString('en-US')} eligible tickets of earlier weeks count in the figures, not in the trend`);
  }

  trimBreaches(s, r.cap);
  const breaches: Breach[] = s.breaches.map((b) => ({
    id: b.id,
    value: b.value === null ? null : Number.isFinite(b.limit) ? minutes(b.value) : b.value,
    reason: describeOutcome({ code: b.code, value: b.value, limit: b.limit, n: b.n, label: def.label, clock: rule.clock }),
    code: b.code,
    created_at: new Date(b.created).toISOString(),
    ...(b.channel !== undefined ? { channel: b.channel } : {}),
    ...(b.agent !== undefined ? { agent: b.agent } : {}),
  }));

  const durations = def.unit === 'minutes' && s.samples.n > 0;
  const pct = (q: number) => (durations ? minutes(quantile(s.samples, q)!) : null);
  const result: RuleResult = {
    id: rule.id,
    expectation: rule.expectation,
    title: rule.title,
    measure: rule.measure,
    severity: rule.severity,
    weight: rule.weight,
    status,
    eligible,
    met: s.met,
    breached: s.breached,
    pending: s.pending,
    excluded: s.excluded,
    excluded_reasons: Object.fromEntries(Object.entries(s.excludedReasons).sort(([a], [b]) => (a < b ? -1 : 1))),
    compliance,
    target,
    warn,
    unit: def.unit,
    p50: pct(0.5),
    p90: pct(0.9),
    p95: pct(0.95),
    mean: durations ? minutes(s.sum / s.samples.n) : null,
    clock: rule.clock,
    window_minutes: Number.isFinite(r.baseWindow) ? r.baseWindow / MINUTE : null,
    ...(ceiling !== undefined ? { ceiling, rate: eligible > 0 ? s.breached / eligible : null } : {}),
    ...(missing.length > 0 ? { missing } : {}),
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
    breaches,
    trend: [...s.trend.keys()].sort().map((period) => {
      const [e, m] = s.trend.get(period)!;
      return { period, eligible: e, met: m, compliance: e > 0 ? m / e : null };
    }),
  };
  return { result, state: s };
}
