// An audit that measured nothing does not pass the gate (docs/scoring.md "The gate"): a broken
// export job must not turn a CI gate green.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report.js';
import { ROOT, runCli } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'sa-nothing-'));
const HEADER_ONLY = join(ROOT, 'test/fixtures/bad/header-only.csv');
const SAMPLE = join(ROOT, 'fixtures/samples/zendesk-tickets.csv');
const lenient = join(dir, 'lenient.yaml');
writeFileSync(lenient, 'gate: { require_data: false }\n');

describe('nothing measured', () => {
  it('a header-only export: exit 1, with the reason in words', () => {
    const r = runCli(['audit', HEADER_ONLY]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Score – \(no rule has data\) — gate FAILED: nothing was measured \(0 tickets in the selection\)\n$/);
    const json = JSON.parse(runCli(['audit', HEADER_ONLY, '--format', 'json']).stdout) as Report;
    expect(json.summary.gate).toMatchObject({ passed: false, reasons: ['nothing-measured'], measured: 0 });
  });

  it('the same on stdin, and --quiet does not hide it', () => {
    const r = runCli(['audit', '-', '--quiet'], { input: 'id,channel,created_at\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/gate FAILED: nothing was measured/);
  });

  it('--since after all the data', () => {
    const r = runCli(['audit', SAMPLE, '--since', '2025-01-01', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.summary.gate.reasons).toEqual(['nothing-measured']);
    expect(report.summary.gate.measured).toBe(0);
  });

  it('JUnit shows a failed case for it, not only skipped ones', () => {
    const r = runCli(['audit', HEADER_ONLY, '--format', 'junit']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<testcase classname="gate" name="nothing-measured" time="0">');
    expect(r.stdout).toContain('<failure message="nothing was measured (0 tickets in the selection)" type="gate">');
    expect(r.stdout).toMatch(/<testsuites name="support-audit" tests="16" failures="1" errors="0">/);
  });

  it('gate.require_data: false lets it pass', () => {
    const r = runCli(['audit', HEADER_ONLY, '--policy', lenient]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/gate passed\n$/);
  });

  it('tickets measured but too few for any rule: the gate reads it as data, and says so', () => {
    const few = join(dir, 'few.csv');
    writeFileSync(few, 'id,channel,created_at,first_response_at\n1,email,2024-03-04T08:00:00Z,2024-03-04T09:00:00Z\n');
    const r = runCli(['audit', few, '--timezone', 'UTC']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Score – \(no rule had enough eligible tickets\) — gate passed\n$/);
  });
});

describe('--since and --until', () => {
  it('--since not before --until is a usage error (dates and spans)', () => {
    const dates = runCli(['audit', SAMPLE, '--since', '2024-03-10', '--until', '2024-03-01']);
    expect(dates.code).toBe(2);
    expect(dates.stderr).toBe('error: --since (2024-03-10 00:00 UTC) is not before --until (2024-03-02 00:00 UTC): the selection would be empty.\n');
    const spans = runCli(['audit', SAMPLE, '--since', '7d', '--until', '14d']);
    expect(spans.code).toBe(2);
    expect(spans.stderr).toMatch(/^error: --since .* is not before --until/);
    // A date against a span is decided once as_of is known (2024-03-17 09:00 here).
    const mixed = runCli(['audit', SAMPLE, '--since', '2024-03-16', '--until', '7d']);
    expect(mixed.code).toBe(2);
    expect(mixed.stdout).toBe('');
  });
});
