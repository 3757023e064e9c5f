// The overall score and the gate verdict (DESIGN §5, docs/scoring.md).

import type { Gate } from '../policy/types.js';
import type { RuleResult, Summary } from '../report.js';

const HAS_DATA = new Set(['pass', 'warn', 'fail']);

const ratio = (compliance: number, target: number) => (target > 0 ? Math.min(1, compliance / target) : 1);

/**
 * A rule's term in the score: min(1, compliance ÷ target); for a rule with groups (overrides),
 * the mean of its judged groups' terms weighted by their eligible tickets. Null without data.
 */
export function scoreTerm(r: RuleResult): number | null {
  if (!HAS_DATA.has(r.status) || r.compliance === null) return null;
  if (!r.groups) return ratio(r.compliance, r.target);
  let weighted = 0;
  let eligible = 0;
  for (const g of r.groups) {
    if (!HAS_DATA.has(g.status) || g.compliance === null) continue;
    weighted += g.eligible * ratio(g.compliance, g.target);
    eligible += g.eligible;
  }
  return eligible > 0 ? weighted / eligible : null;
}

/**
 * 0–100, weight-averaged rule terms (scoreTerm) over the rules with data (pass, warn or fail),
 * rounded to one decimal; null when no rule has data or every weight is 0. A target of 0 is
 * always fully met.
 */
export function overallScore(rules: RuleResult[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const r of rules) {
    if (r.weight <= 0) continue;
    const term = scoreTerm(r);
    if (term === null) continue;
    weighted += r.weight * term;
    weights += r.weight;
  }
  if (weights === 0) return null;
  // Round away float noise first (0.6 / 0.8 = 0.7499999…), then to one decimal.
  const exact = Math.round((weighted / weights) * 1e9) / 1e6;
  return Math.round(exact) / 10;
}

/**
 * The run fails (exit 1) when any of these holds, each giving a reason code:
 * - nothing was measured (`nothing-measured`): no ticket in the selection, or every rule without
 *   data (`no_data`), unless the policy's gate says `require_data: false`;
 * - the score is below the minimum (`score-below-minimum`; a null score never trips it), or is
 *   not a finite number (`score-not-finite`: never a pass on NaN);
 * - a rule of severity `error` fails (`rule-failed:<id>`);
 * - with fail_on `warn`: also a rule of severity `warn` that fails (`rule-failed:<id>`) and a rule
 *   of severity `error` that only warns (`rule-warned:<id>`);
 * - extra failures passed in, e.g. baseline regressions (`regression:<id>`), kept as given.
 * Summary status: `fail` when the gate fails, else `warn` when any rule warns or fails (a
 * failure the gate tolerates), else `pass`.
 */
export function decideGate(
  rules: RuleResult[],
  gate: Gate,
  overrides: { minScore?: number; failOn?: 'error' | 'warn'; extraFailures?: string[]; measured?: number } = {},
): Summary {
  const minScore = overrides.minScore ?? gate.min_score;
  const failOn = overrides.failOn ?? gate.fail_on;
  const score = overallScore(rules);
  const counts = { pass: 0, warn: 0, fail: 0, no_data: 0, insufficient: 0 };
  const reasons: string[] = [];
  // A rule under the minimum sample measured something, just not enough to score.
  const nothing = overrides.measured === 0 || !rules.some((r) => HAS_DATA.has(r.status) || r.status === 'insufficient');
  if (nothing && gate.require_data) reasons.push('nothing-measured');
  // Defence in depth (the policy keeps weights finite): a score that is not a number never passes.
  if (score !== null && !Number.isFinite(score)) reasons.push('score-not-finite');
  else if (score !== null && !(score >= minScore)) reasons.push('score-below-minimum');
  for (const r of rules) {
    counts[r.status]++;
    if (r.severity === 'off') continue;
    if (r.status === 'fail' && (r.severity === 'error' || failOn === 'warn')) reasons.push(`rule-failed:${r.id}`);
    else if (r.status === 'warn' && r.severity === 'error' && failOn === 'warn') reasons.push(`rule-warned:${r.id}`);
  }
  reasons.push(...(overrides.extraFailures ?? []));
  const passed = reasons.length === 0;
  const status = !passed ? 'fail' : counts.warn + counts.fail > 0 ? 'warn' : 'pass';
  return {
    score,
    status,
    exit_code: passed ? 0 : 1,
    counts,
    gate: { passed, min_score: minScore, fail_on: failOn, reasons, ...(overrides.measured !== undefined ? { measured: overrides.measured } : {}) },
  };
}
