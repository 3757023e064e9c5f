// One rule's numbers → its findings (docs/scoring.md): status, compliance against the target,
// percentiles and mean in minutes, notes, the worst breaches with their outcomes, weekly trend.
// Their sentences (the report's `note` and breach `reason`) are made when the report is built.

import type { NoteFinding } from '../findings.js';
import type { BreachFinding, RuleFindings, RuleGroup, RuleStatus } from '../report.js';
import { filterNeeds, type Need, type SlotCounts } from '../rules/definition.js';
import type { CompiledRule } from './compile.js';
import { BREACHED, MAX_TREND_WEEKS, MET, mergeRuleState, newRuleState, PENDING, TIER_SIZE, trimBreaches, type RuleState } from './rule-state.js';
import { quantile } from './quantiles.js';

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
      target,
      warn,
      eligible,
      met,
      breached,
      pending: s.tiers[TIER_SIZE * g + PENDING],
      compliance,
      status,
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

/** The counts a slotted rule's summary step compares (definition.ts SlotCounts). */
function slotCounts(r: CompiledRule, slots: Record<string, RuleState>): SlotCounts {
  const keys = r.slotKeys!;
  return {
    volume: (slot) => slots[keys[slot]]?.extra.volume ?? 0,
    side: (chosen) => {
      const s = mergeSlots(r, slots, chosen);
      return { judged: s.met + s.breached, met: s.met, median: quantile(s.samples, 0.5) };
    },
  };
}

/** The state of some slots together, merged in slot order. */
function mergeSlots(r: CompiledRule, slots: Record<string, RuleState>, chosen: readonly number[]): RuleState {
  const s = newRuleState(r.overrides.length);
  for (const slot of chosen) {
    const from = slots[r.slotKeys![slot]];
    if (from) mergeRuleState(s, from, r.cap);
  }
  return s;
}

/**
 * The state the rule's figures are (a slotted rule's summary step picks its slots, may fail the
 * rule whatever they say, and notes why), for the notes that come first.
 */
function figuresState(r: CompiledRule, slots: Record<string, RuleState>, zone: string): { state: RuleState; fails: boolean; notes: NoteFinding[] } {
  const picker = r.def.slots;
  if (!picker) {
    const state = newRuleState(r.overrides.length);
    if (slots.all) mergeRuleState(state, slots.all, r.cap);
    return { state, fails: false, notes: [] };
  }
  const pick = picker.pick(r.rule as never, slotCounts(r, slots), { zone });
  return { state: mergeSlots(r, slots, pick.slots), fails: pick.fails, notes: pick.notes };
}

/** The status, with the note that says why when it is not plain (unshifted: it comes first). */
function judgeStatus(
  s: RuleState,
  levels: { target: number; warn: number },
  groups: RuleGroup[],
  lacking: string[][],
  fails: boolean,
  minSample: number,
  notes: NoteFinding[],
): RuleStatus {
  const eligible = s.met + s.breached;
  if (lacking.length > 0) {
    notes.unshift({ code: 'inputs-lack', lacking });
    return 'no_data';
  }
  if (eligible === 0) {
    notes.unshift(s.pending > 0 ? { code: 'none-decided', pending: s.pending } : { code: 'no-eligible' });
    return 'no_data';
  }
  if (groups.length > 0) {
    // Each group alone: the rule is its worst judged group's; a group under the minimum sample
    // decides only when every group is under it (or has nothing eligible).
    const judged = groups.filter((g) => JUDGED.has(g.status));
    const small = groups.filter((g) => g.status === 'insufficient').map((g) => ({ ...(g.when ? { when: g.when } : {}), eligible: g.eligible }));
    if (judged.length === 0) {
      notes.unshift({ code: 'groups-below-sample', minSample, groups: small });
      return 'insufficient';
    }
    if (small.length > 0) notes.push({ code: 'groups-not-judged', minSample, groups: small });
    return fails ? 'fail' : judged.reduce((worst, g) => (WORSE[g.status] > WORSE[worst] ? g.status : worst), 'pass' as RuleStatus);
  }
  if (eligible < minSample) {
    notes.unshift({ code: 'below-sample', eligible, minSample });
    return 'insufficient';
  }
  return fails ? 'fail' : statusOf(s.met / eligible, levels.target, levels.warn);
}

/** A rule's q-quantile of its samples (ms): the state's own, or one a SQL engine computed. */
export type QuantileOf = (s: RuleState, q: number) => number | null;

const stateQuantile: QuantileOf = (s, q) => quantile(s.samples, q);

export function buildResult(
  r: CompiledRule,
  slots: Record<string, RuleState>,
  available: ReadonlySet<string>,
  minSample: number,
  zone: string,
  quantileOf: QuantileOf = stateQuantile,
): { result: RuleFindings; state: RuleState } {
  const { rule, def } = r;
  let { state: s, fails, notes } = figuresState(r, slots, zone);
  const lacking = lackingInputs(r, available);
  const missing = [...new Set(lacking.flat())];
  if (lacking.length > 0) {
    // Without its inputs a rule judges nothing (no_data, never a guess: docs/scoring.md): what the
    // tickets would have scored without those fields (all "unanswered", none "matched") is dropped.
    s = newRuleState(r.overrides.length);
    fails = false;
    notes = [];
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
  const status = judgeStatus(s, { target, warn }, groups, lacking, fails, minSample, notes);

  for (const [key, count] of Object.entries(s.extra).sort()) {
    if (key.startsWith('vendor:')) notes.push({ code: 'vendor-column', count, eligible, column: key.slice(7) });
  }
  if (def.notes && lacking.length === 0) {
    notes.push(...def.notes(rule as never, { met: s.met, breached: s.breached, breachedBy: (code) => s.extra[`breached:${code}`] ?? 0 }, available));
  }
  if (s.trendEarlier[0] > 0) notes.push({ code: 'trend-cut', weeks: MAX_TREND_WEEKS, earlier: s.trendEarlier[0] });

  trimBreaches(s, r.cap);
  const breaches: BreachFinding[] = s.breaches.map((b) => ({
    id: b.id,
    value: b.value === null ? null : Number.isFinite(b.limit) ? minutes(b.value) : b.value,
    code: b.code,
    facts: { value: b.value, limit: b.limit, n: b.n, label: def.label, clock: rule.clock },
    created_at: new Date(b.created).toISOString(),
    ...(b.channel !== undefined ? { channel: b.channel } : {}),
    ...(b.agent !== undefined ? { agent: b.agent } : {}),
  }));

  const durations = def.unit === 'minutes' && s.samples.n > 0;
  const pct = (q: number) => (durations ? minutes(quantileOf(s, q)!) : null);
  const result: RuleFindings = {
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
    notes,
    ...(groups.length > 0 ? { groups } : {}),
    breaches,
    trend: [...s.trend.keys()].sort().map((period) => {
      const [e, m] = s.trend.get(period)!;
      return { period, eligible: e, met: m, compliance: e > 0 ? m / e : null };
    }),
  };
  return { result, state: s };
}
