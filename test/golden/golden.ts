// Golden tests: hand-written fixtures (test/fixtures/golden/, one case per row, explained in
// its README.md) run through the real command line; the expected figures in the test files are
// worked out by hand from DESIGN's numbers, never pasted from the tool's output.

import { expect } from 'vitest';
import type { RuleResult } from '../../src/report.js';
import { runCli } from '../cli/run.js';

export const GOLDEN = 'test/fixtures/golden/';
/** min_sample 1 and configured peak hours; everything else is the built-in policy. */
export const POLICY = `${GOLDEN}policy.yaml`;

export interface GoldenReport {
  as_of: string;
  summary: { score: number | null; status: string; exit_code: number; counts: Record<string, number> };
  inputs: { path: string; format: string; rows: number; used: number; skipped: number; problems: unknown[] }[];
  rules: RuleResult[];
}

/** `audit <fixture> --format json --as-of <asOf>` with every breach listed. */
export function audit(fixture: string, asOf: string, policy: string | null = POLICY): GoldenReport {
  return auditFile(GOLDEN + fixture, asOf, policy);
}

/** As audit(), for a fixture anywhere (a path from the project's root). */
export function auditFile(path: string, asOf: string, policy: string | null = POLICY): GoldenReport {
  const args = ['audit', path, '--format', 'json', '--as-of', asOf, '--show-breaches', '1000'];
  if (policy !== null) args.push('--policy', policy);
  const r = runCli(args);
  // 0: the gate holds, 1: it fails (error-severity rules fail on purpose in some fixtures).
  expect([0, 1], r.stderr).toContain(r.code);
  const report = JSON.parse(r.stdout) as GoldenReport;
  expect(report.summary.exit_code).toBe(r.code);
  expect(report.inputs[0].problems, `${path} should read without problems`).toEqual([]);
  expect(report.inputs[0].skipped).toBe(0);
  return report;
}

/** `explain <rule> <fixture> --format json`: the rule with every breach. */
export function explain(rule: string, fixture: string, asOf: string, policy: string = POLICY): RuleResult {
  const r = runCli(['explain', rule, GOLDEN + fixture, '--format', 'json', '--as-of', asOf, '--policy', policy]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { rule: RuleResult }).rule;
}

export function ruleOf(report: GoldenReport, id: string): RuleResult {
  const rule = report.rules.find((r) => r.id === id);
  if (!rule) throw new Error(`rule ${id} not in the report`);
  return rule;
}

export interface Counts {
  status: string;
  eligible: number;
  met: number;
  breached: number;
  pending: number;
  excluded: number;
}

export function counts(r: RuleResult): Counts {
  return { status: r.status, eligible: r.eligible, met: r.met, breached: r.breached, pending: r.pending, excluded: r.excluded };
}

/** Breaches as [ticket id, value, reason], worst first. */
export function breachList(r: RuleResult): [string, number | null, string][] {
  return r.breaches.map((b) => [b.id, b.value, b.reason]);
}

/** Minutes as the report writes them: to the hundredth. */
export function min(ms: number): number {
  return Math.round(ms / 600) / 100;
}

export const S = 1000;
export const M = 60 * S;
export const H = 60 * M;
export const D = 24 * H;
