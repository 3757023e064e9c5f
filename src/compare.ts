// Comparing reports: a baseline's compliance per rule against this run's (`--baseline`,
// `--max-regression`), and the change between two saved reports (`support-audit diff`).
// Deltas are in compliance points on the 0–100 scale; a rule without data on either side
// (no_data or insufficient: the same rules the score leaves out) has no delta.

import { readFileSync } from 'node:fs';
import { InputError } from './errors.js';
import { REPORT_SCHEMA, type Report, type RuleResult, type RuleStatus } from './report.js';

export { renderDiff } from './render/diff.js';

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

/** A saved JSON report, checked to be one; a clear InputError otherwise. */
export function readReport(path: string): Report {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (err as Error).message;
    throw new InputError(`cannot read report ${path}: ${why}.`, path, 'unreadable');
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new InputError(`${path} is not a JSON report: expected the output of "--format json", found text that is not JSON.`, path, 'not-a-report');
  }
  const schema = data && typeof data === 'object' ? (data as { schema?: unknown }).schema : undefined;
  if (schema !== REPORT_SCHEMA) {
    const found = schema === undefined ? 'no "schema" key' : `schema ${JSON.stringify(schema)}`;
    throw new InputError(`${path} is not a support-audit report: expected schema "${REPORT_SCHEMA}", found ${found}.`, path, 'not-a-report');
  }
  const r = data as Partial<Report>;
  if (!Array.isArray(r.rules) || !r.summary || typeof r.summary !== 'object' || (typeof r.as_of !== 'string' && r.as_of !== null)) {
    throw new InputError(`${path} is a damaged support-audit report: "rules", "summary" or "as_of" is missing.`, path, 'not-a-report');
  }
  return data as Report;
}
