// Comparing reports: a baseline's compliance per rule against this run's (`--baseline`,
// `--max-regression`), and the change between two saved reports (`support-audit diff`).
// Deltas are in compliance points on the 0–100 scale; a rule without data on either side
// (no_data or insufficient: the same rules the score leaves out) has no delta.

import type { Report, RuleResult, RuleStatus } from './report.js';

export { renderDiff } from './render/diff.js';
export { readReport } from './read-report.js';

const HAS_DATA = new Set<RuleStatus>(['pass', 'warn', 'fail']);

/** (after − before) × 100, to the hundredth of a point; null when either side has no data. */
function complianceDelta(before: RuleResult | undefined, after: RuleResult | undefined): number | null {
  if (!before || !after || !HAS_DATA.has(before.status) || !HAS_DATA.has(after.status)) return null;
  if (before.compliance === null || after.compliance === null) return null;
  return Math.round((after.compliance - before.compliance) * 10_000) / 100;
}

export function applyBaseline(report: Report, baseline: Report, baselinePath: string): void {
  const before = new Map(baseline.rules.map((r) => [r.id, r]));
  for (const rule of report.rules) rule.delta = complianceDelta(before.get(rule.id), rule);
  report.baseline = { path: baselinePath, as_of: baseline.as_of, score: baseline.summary.score };
}

/** Rule ids that lost more than `maxRegression` points: `delta < −maxRegression` (strictly). */
export function regressions(report: Report, maxRegression: number): string[] {
  return report.rules.filter((r) => r.delta !== undefined && r.delta !== null && r.delta < -maxRegression).map((r) => r.id);
}

export interface RuleSide {
  status: RuleStatus;
  compliance: number | null;
}

export interface ReportDiff {
  score: { before: number | null; after: number | null; delta: number | null };
  rules: { id: string; before: RuleSide | null; after: RuleSide | null; delta: number | null }[];
}

const side = (r: RuleResult | undefined): RuleSide | null => (r ? { status: r.status, compliance: r.compliance } : null);

/** Rules in the newer report's order, then those only the older one has. */
export function diffReports(before: Report, after: Report): ReportDiff {
  const old = new Map(before.rules.map((r) => [r.id, r]));
  const ids = [...after.rules.map((r) => r.id), ...before.rules.map((r) => r.id).filter((id) => !after.rules.some((r) => r.id === id))];
  const now = new Map(after.rules.map((r) => [r.id, r]));
  const a = after.summary.score;
  const b = before.summary.score;
  return {
    score: { before: b, after: a, delta: a === null || b === null ? null : Math.round((a - b) * 10) / 10 },
    rules: ids.map((id) => ({ id, before: side(old.get(id)), after: side(now.get(id)), delta: complianceDelta(old.get(id), now.get(id)) })),
  };
}
