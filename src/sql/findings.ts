// The SQL result rows → each rule's state (aggregate/rule-state.ts), then its findings by the
// default engine's own buildResult: status, weighted targets, groups, notes and the worst
// breaches come out of the same code whatever engine counted. Percentiles are the SQL's.

import { compileRule, type CompiledRule } from '../aggregate/compile.js';
import { buildResult } from '../aggregate/result.js';
import { BREACHED, bump, MET, newRuleState, PENDING, TIER_SIZE, trendPair, type RuleState } from '../aggregate/rule-state.js';
import { FIRST_RESPONSE_EDGES } from '../aggregate/state.js';
import type { OutcomeCode } from '../findings.js';
import type { Clock } from '../measure/clock.js';
import type { Policy, RuleConfig } from '../policy/types.js';
import { ruleDefinition } from '../rules/index.js';
import type { Report, RuleFindings } from '../report.js';
import type { RulePlan } from './compile.js';

/** One row of the compiled query's result (compile.ts RESULT_COLUMNS), numbers as JS numbers. */
export interface ResultRow {
  rule: string | null;
  part: string;
  key: string | null;
  grp: number | null;
  n: number | null;
  m: number | null;
  v: number | null;
  id: string | null;
  created: number | null;
  channel: string | null;
  agent: string | null;
  lim: number | null;
}

/** A row as a driver returns it (BIGINT as bigint, strings, nulls) → ResultRow. */
export function resultRow(raw: Record<string, unknown>): ResultRow {
  const n = (x: unknown) => (x === null || x === undefined ? null : Number(x));
  const s = (x: unknown) => (x === null || x === undefined ? null : String(x));
  return {
    rule: s(raw.rule),
    part: String(raw.part),
    key: s(raw.key),
    grp: n(raw.grp),
    n: n(raw.n),
    m: n(raw.m),
    v: n(raw.v),
    id: s(raw.id),
    created: n(raw.created),
    channel: s(raw.channel),
    agent: s(raw.agent),
    lim: n(raw.lim),
  };
}

export interface EngineFindings {
  rules: RuleFindings[];
  breakdowns: Report['breakdowns'];
  distributions: Report['distributions'];
  selected: number;
}

interface Counted {
  state: RuleState;
  quantiles: Map<number, number | null>;
}

/** The findings of a rule a SQL engine does not compute: `unsupported`, nothing counted. */
export function unsupportedFindings(rule: RuleConfig, engine: string, reason: string, compiled: CompiledRule): RuleFindings {
  const def = ruleDefinition(rule.measure);
  const ceiling = def.ceiling ? def.ceiling(rule as never) : undefined;
  return {
    id: rule.id,
    expectation: rule.expectation,
    title: rule.title,
    measure: rule.measure,
    severity: rule.severity,
    weight: rule.weight,
    status: 'unsupported',
    eligible: 0,
    met: 0,
    breached: 0,
    pending: 0,
    excluded: 0,
    excluded_reasons: {},
    compliance: null,
    target: rule.target,
    warn: rule.warn,
    unit: def.unit,
    p50: null,
    p90: null,
    p95: null,
    mean: null,
    clock: rule.clock,
    window_minutes: Number.isFinite(compiled.baseWindow) ? compiled.baseWindow / 60_000 : null,
    ...(ceiling !== undefined ? { ceiling, rate: null } : {}),
    notes: [{ code: 'unsupported', engine, reason }],
    breaches: [],
    trend: [],
  };
}

export interface FindingsRequest {
  policy: Policy;
  plans: RulePlan[];
  rows: ResultRow[];
  available: ReadonlySet<string>;
  clocks: Record<string, Clock>;
  maxBreaches: number;
  explain?: string;
  engine: string;
}

export function engineFindings(req: FindingsRequest): EngineFindings {
  const { policy } = req;
  const evaluated = policy.rules.filter((r) => r.severity !== 'off');
  const compiled = evaluated.map((r) => compileRule(r, { clocks: req.clocks, maxBreaches: req.maxBreaches, explain: req.explain }));
  const counted = new Map<string, Counted>();
  evaluated.forEach((r, i) => {
    if (req.plans[i].unsupported === undefined) counted.set(r.id, { state: newRuleState(r.overrides.length), quantiles: new Map() });
  });
  let selected = 0;
  const histogram: Record<string, number[]> = {};
  const weeks: ResultRow[] = [];
  for (const row of req.rows) {
    if (row.part === 'selected') selected = row.n ?? 0;
    else if (row.part === 'histogram') {
      const counts = histogram[row.key!] ?? (histogram[row.key!] = new Array(FIRST_RESPONSE_EDGES.length + 1).fill(0));
      counts[row.grp!] += row.n!;
    } else if (row.part === 'week') weeks.push(row);
    else countRow(counted.get(row.rule!)!, row);
  }
  // Weeks in order: the trend keeps the latest weeks by key, whatever order they come in.
  weeks.sort((a, b) => (a.key! < b.key! ? -1 : a.key! > b.key! ? 1 : 0));
  for (const row of weeks) {
    const s = counted.get(row.rule!)!.state;
    const pair = trendPair(s, row.key!);
    pair[0] += row.n!;
    pair[1] += row.m!;
  }
  const rules = evaluated.map((rule, i) => {
    const plan = req.plans[i];
    if (plan.unsupported !== undefined) return unsupportedFindings(rule, req.engine, plan.unsupported, compiled[i]);
    const c = counted.get(rule.id)!;
    return buildResult(compiled[i], { all: c.state }, req.available, policy.gate.min_sample, policy.timezone, (_s, q) => c.quantiles.get(q) ?? null).result;
  });
  const channels = Object.keys(histogram).sort();
  const distributions: Report['distributions'] =
    channels.length === 0
      ? undefined
      : { first_response: { edges: [...FIRST_RESPONSE_EDGES], counts: Object.fromEntries(channels.map((c) => [c, histogram[c]])) } };
  return { rules, breakdowns: {}, distributions, selected };
}

function countRow(c: Counted, row: ResultRow): void {
  const s = c.state;
  switch (row.part) {
    case 'outcome': {
      const key = row.key!;
      const colon = key.indexOf(':');
      const outcome = key.slice(0, colon);
      const code = key.slice(colon + 1);
      const n = row.n!;
      const tier = TIER_SIZE * row.grp!;
      if (outcome === 'met') {
        s.met += n;
        s.tiers[tier + MET] += n;
      } else if (outcome === 'breached') {
        s.breached += n;
        s.tiers[tier + BREACHED] += n;
        bump(s.extra, `breached:${code}`, n);
      } else if (outcome === 'pending') {
        s.pending += n;
        s.tiers[tier + PENDING] += n;
      } else if (outcome === 'excluded') {
        s.excluded += n;
        bump(s.excludedReasons, code, n);
      } else bump(s.extra, `na:${code}`, n);
      break;
    }
    case 'vendor':
      bump(s.extra, `vendor:${row.key}`, row.n!);
      break;
    case 'samples':
      s.samples.n = row.n!;
      s.sum = row.v!;
      break;
    case 'quantile':
      c.quantiles.set(Number(row.key), row.v);
      break;
    case 'breach':
      s.breaches.push({
        id: row.id!,
        value: row.v,
        code: row.key as OutcomeCode,
        limit: row.lim ?? NaN,
        n: row.m ?? NaN,
        created: row.created!,
        ...(row.channel !== null ? { channel: row.channel } : {}),
        ...(row.agent !== null ? { agent: row.agent } : {}),
      });
      break;
  }
}
