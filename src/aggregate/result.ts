// One rule's numbers → its RuleResult (DESIGN §5–§6): status, compliance against the target,
// percentiles and mean in minutes, notes, the worst breaches with their reasons, weekly trend.

import type { Breach, RuleGroup, RuleResult, RuleStatus } from '../report.js';
import { filterNeeds, type Need } from '../rules/definition.js';
import { describeGroup, describeOutcome } from '../rules/reasons.js';
import { BREACHED, MAX_TREND_WEEKS, MET, mergeRuleState, newRuleState, PENDING, TIER_SIZE, trimBreaches, type RuleState } from './rule-state.js';
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

function groupEligible(s: RuleState, group: number): number {
  return s.tiers[TIER_SIZE * group + MET] + s.tiers[TIER_SIZE * group + BREACHED];
}

/** The target (and warn level) weighted by how many eligible tickets each override governed. */
function weightedLevels(r: CompiledRule, s: RuleState): { target: number; warn: number } {
  const { rule } = r;
  const eligible = s.met + s.breached;
  if (eligible === 0 || !rule.overrides.some((o) => o.target !== undefined || o.warn !== undefined)) {
    return { target: rule.target, warn: rule.warn };
  }
  let target = groupEligible(s, 0) * rule.target;
  let warn = groupEligible(s, 0) * rule.warn;
  rule.overrides.forEach((o, i) => {
    target += groupEligible(s, i + 1) * (o.target ?? rule.target);
    warn += groupEligible(s, i + 1) * (o.warn ?? rule.warn);
  });
  return { target: target / eligible, warn: warn / eligible };
}

const JUDGED: ReadonlySet<RuleStatus> = new Set(['pass', 'warn', 'fail']);
const WORSE: Record<string, number> = { pass: 0, warn: 1, fail: 2 };

/**
 * A rule with overrides as its groups, each judged alone against its own target: the overrides'
 * tickets (first match wins) in policy order, then those matching none at the rule's base window
 * and target. Empty for a rule without overrides.
 */
function tierGroups(r: CompiledRule, s: RuleState, ceilingTarget: number | undefined, minSample: number, lacking: boolean): RuleGroup[] {
  const { rule } = r;
  if (rule.overrides.length === 0) return [];
  const group = (g: number, target: number, warn: number, window: number): RuleGroup => {
    const met = s.tiers[TIER_SIZE * g + MET];
    const breached = s.tiers[TIER_SIZE * g + BREACHED];
    const eligible = met + breached;
    const compliance = eligible > 0 ? met / eligible : null;
    let status: RuleStatus;
    if (lacking || eligible === 0) status = 'no_data';
    else if (eligible < minSample) status = 'insufficient';
    else status = statusOf(compliance!, target, warn);
    return {
      window_minutes: Number.isFinite(window) ? window / MINUTE : null,
      target, warn, eligible, met, breached, pending: s.tiers[TIER_SIZE * g + PENDING], compliance, status,
    };
  };
  // A ceiling rule takes no target per override (the policy refuses one): every group's is 1 − ceiling.
  const levels = (target: number | undefined, warn: number | undefined) => {
    const t = ceilingTarget ?? target ?? rule.target;
    return { t, w: Math.min(warn ?? rule.warn, t) };
  };
  const groups: RuleGroup[] = rule.overrides.map((o, i) => {
    const { t, w } = levels(o.target, o.warn);
    const when: RuleGroup['when'] = {};
    if (o.when.priority) when.priority = [...o.when.priority];
    if (o.when.channel) when.channel = [...o.when.channel];
    return { when, ...group(i + 1, t, w, r.overrides[i].window) };
  });
  const { t, w } = levels(undefined, undefined);
  groups.push({ base: true, ...group(0, t, w, r.baseWindow) });
  return groups;
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
  // Rounded as the policy resolves it (1 − 0.18 is 0.8200000000000001, which 41 of 50 = 0.82
  // would miss): a rate exactly at the ceiling passes.
  const ceilingTarget = ceiling !== undefined ? Number((1 - ceiling).toPrecision(12)) : undefined;
  if (ceilingTarget !== undefined) {
    target = ceilingTarget;
    warn = Math.min(warn, target);
  }
  const groups = tierGroups(r, s, ceilingTarget, minSample, lacking.length > 0);

  let status: RuleStatus;
  if (lacking.length > 0) {
    status = 'no_data';
    notes.unshift(`the inputs lack ${lacking.map((o) => o.join(' or ')).join(', ')}`);
  } else if (eligible === 0) {
    status = 'no_data';
    notes.unshift(s.pending > 0 ? `no ticket decided yet (${s.pending} pending)` : 'no eligible tickets');
  } else if (groups.length > 0) {
    // Each group alone: the rule is its worst judged group's; a group under the minimum sample
    // decides only when every group is under it (or has nothing eligible).
    const judged = groups.filter((g) => JUDGED.has(g.status));
    const small = groups.filter((g) => g.status === 'insufficient').map((g) => `${describeGroup(g.when)} ${g.eligible}`);
    if (judged.length === 0) {
      status = 'insufficient';
      notes.unshift(`every group has fewer eligible tickets than the gate's minimum sample of ${minSample} (${small.join(', ')})`);
    } else {
      status = violations.length > 0 ? 'fail' : judged.reduce((worst, g) => (WORSE[g.status] > WORSE[worst] ? g.status : worst), 'pass' as RuleStatus);
      if (small.length > 0) notes.push(`not judged, fewer eligible than the gate's minimum sample of ${minSample}: ${small.join(', ')}`);
    }
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
    ...(groups.length > 0 ? { groups } : {}),
    breaches,
    trend: [...s.trend.keys()].sort().map((period) => {
      const [e, m] = s.trend.get(period)!;
      return { period, eligible: e, met: m, compliance: e > 0 ? m / e : null };
    }),
  };
  return { result, state: s };
}
