import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRealData } from '../support/real-data.js';
import { hasStackTrace, REAL, ROOT, runCli } from './run.js';

const SAMPLE = 'fixtures/samples/zendesk-tickets.csv';
const DEFAULT_IDS = [
  'chat-first-response',
  'email-first-response',
  'phone-wait',
  'social-first-response',
  'satisfaction',
  'promise-updates',
  'after-sales-quality',
  'billing-clarity',
  'premises-complaints',
  'queue-hygiene',
  'peak-friendliness',
  'presales-advice',
  'complaint-response',
  'returns-approval',
  'refund-speed',
];

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'sa-cli-'));
}

describe('support-audit command', () => {
  it('prints help with examples and exits 0', () => {
    const r = runCli(['audit', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('--format');
  });

  it('prints its version', () => {
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('audits the README sample on the built-in policy: scorecard on stdout, no colour, exit 0 or 1', () => {
    const r = runCli(['audit', SAMPLE]);
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toContain('chat-first-response');
    expect(r.stdout).toMatch(/gate (passed|FAILED)/i);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('gives the report@1 JSON report with --format json and the fixed rule ids in order', () => {
    const r = runCli(['audit', SAMPLE, '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(report.schema).toBe('support-audit/report@1');
    expect(report.rules.map((x: { id: string }) => x.id)).toEqual(DEFAULT_IDS);
    expect(report.summary.exit_code).toBe(r.code);
    expect(report.inputs[0]).toMatchObject({ path: SAMPLE, format: 'zendesk' });
    for (const key of ['as_of', 'generated_by', 'policy', 'inputs', 'summary', 'rules', 'breakdowns']) expect(report).toHaveProperty(key);
  });

  it('gives the same bytes for the same input in every format (reports can be diffed and committed)', () => {
    const formats = ['table', 'json', 'markdown', 'junit', 'github', 'html'];
    const run = () => {
      const dir = tmp();
      const reports = formats.flatMap((f) => ['--report', `${f}:${join(dir, f)}`]);
      runCli(['audit', SAMPLE, '--by', 'channel,week', '--show-breaches', '3', ...reports]);
      return Object.fromEntries(formats.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    };
    const a = run();
    const b = run();
    for (const f of formats) {
      expect(a[f].length, f).toBeGreaterThan(100);
      expect(a[f], f).toBe(b[f]);
    }
  });

  it('reads stdin with -', () => {
    const csv = readFileSync(join(ROOT, SAMPLE));
    const r = runCli(['audit', '-', '--format', 'json'], { input: csv });
    expect(JSON.parse(r.stdout).inputs[0].rows).toBeGreaterThan(0);
  });

  it('exits 2 with one sentence for a missing file', () => {
    const r = runCli(['audit', 'no/such/export.csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no/such/export.csv');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('names the file whose header is not a known layout, from a path and from stdin', () => {
    const dir = tmp();
    const file = join(dir, 'mystery.csv');
    writeFileSync(file, 'foo,bar\n1,2\n');
    const r = runCli(['audit', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a known export layout`));
    expect(r.stderr).toContain("found columns 'foo, bar'");
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const piped = runCli(['inspect', '-'], { input: 'foo,bar\n1,2\n' });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toMatch(/^error: stdin: not a known export layout/);
  });

  it('exits 2 for an unknown option or bad flag value', () => {
    expect(runCli(['audit', SAMPLE, '--bogus']).code).toBe(2);
    const r = runCli(['audit', SAMPLE, '--by', 'planet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--by');
  });

  it('fails the gate (exit 1) with --min-score 100 on imperfect data', () => {
    const r = runCli(['audit', SAMPLE, '--min-score', '100', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).summary.gate.reasons).toContain('score-below-minimum');
  });

  it('says why the gate failed in words, and keeps the code beside them in the JSON report', () => {
    // The sample's email-first-response: 12 of 18 eligible met = 66.7 %, against its 90 % target.
    const table = runCli(['audit', SAMPLE, '--timezone', 'UTC']);
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('gate FAILED: email-first-response failed: 66.7 % against 90 %');
    expect(table.stdout).not.toContain('rule-failed:');
    const json = JSON.parse(runCli(['audit', SAMPLE, '--timezone', 'UTC', '--format', 'json']).stdout);
    expect(json.summary.gate.reasons).toEqual(['rule-failed:email-first-response']);
    expect(json.summary.gate.messages).toEqual(['email-first-response failed: 66.7 % against 90 %']);
    // With a baseline, a regression says how far it fell and how far it may.
    const dir = tmp();
    const base = join(dir, 'base.json');
    const better = {
      ...json,
      rules: json.rules.map((r: { id: string; compliance: number }) => (r.id === 'email-first-response' ? { ...r, compliance: 0.8 } : r)),
    };
    writeFileSync(base, JSON.stringify(better));
    const r = JSON.parse(runCli(['audit', SAMPLE, '--timezone', 'UTC', '--format', 'json', '--baseline', base, '--max-regression', '5']).stdout);
    // 66.67 − 80 = −13.33 points: more than the 5 allowed.
    expect(r.summary.gate.messages).toContain('email-first-response dropped 13.3 points below the baseline (more than the 5 allowed)');
  });

  it('--quiet prints nothing when the gate holds and the scorecard when it fails', () => {
    const held = runCli(['audit', SAMPLE, '--quiet', '--min-score', '0', '--fail-on', 'error', '--policy', 'fixtures/cli/lenient.yaml']);
    expect(held.code).toBe(0);
    expect(held.stdout).toBe('');
    const failed = runCli(['audit', SAMPLE, '--quiet', '--min-score', '100']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).not.toBe('');
  });

  it('writes --output and --report files atomically, and refuses a missing folder', () => {
    const dir = tmp();
    const r = runCli(['audit', SAMPLE, '--format', 'json', '--output', join(dir, 'r.json'), '--report', `markdown:${join(dir, 'r.md')}`]);
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).schema).toBe('support-audit/report@1');
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toContain('chat-first-response');
    const bad = runCli(['audit', SAMPLE, '--output', join(dir, 'missing', 'r.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('does not exist');
  });

  it('init writes a starter policy that policy check accepts, and refuses to overwrite', () => {
    const dir = tmp();
    const init = runCli(['init'], { cwd: dir });
    expect(init.code).toBe(0);
    const text = readFileSync(join(dir, 'support-audit.policy.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=/);
    expect(runCli(['policy', 'check'], { cwd: dir }).code).toBe(0);
    expect(runCli(['init'], { cwd: dir }).code).toBe(2);
  });

  it('policy check names the path of an error and exits 2', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.yaml'), 'rules:\n  - id: chat-first-response\n    target: 150%\n');
    const r = runCli(['policy', 'check', join(dir, 'p.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rules\[0\]\.target/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('policy schema prints JSON Schema, policy print the effective policy', () => {
    const schema = JSON.parse(runCli(['policy', 'schema']).stdout);
    expect(schema.type ?? schema.$schema).toBeDefined();
    const printed = runCli(['policy', 'print', '--format', 'json']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('chat-first-response');
  });

  it('inspect shows the detected preset and mapping; --format json gives inputs[] objects', () => {
    const text = runCli(['inspect', SAMPLE]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('zendesk');
    // Zendesk's own durations are mapped, and shown with their columns.
    for (const [field, column] of [
      ['first_resolution_minutes', 'First resolution time in minutes'],
      ['first_resolution_business_minutes', 'First resolution time in minutes within business hours'],
      ['requester_wait_minutes', 'Requester wait time in minutes'],
      ['requester_wait_business_minutes', 'Requester wait time in minutes within business hours'],
      ['agent_wait_minutes', 'Agent wait time in minutes'],
      ['agent_wait_business_minutes', 'Agent wait time in minutes within business hours'],
      ['on_hold_minutes', 'On hold time in minutes'],
      ['on_hold_business_minutes', 'On hold time in minutes within business hours'],
    ]) {
      expect(text.stdout).toMatch(new RegExp(`\\n    ${field} +← ${column}\\n`));
    }
    const json = JSON.parse(runCli(['inspect', SAMPLE, '--format', 'json']).stdout);
    expect(json[0]).toMatchObject({ path: SAMPLE, format: 'zendesk' });
    for (const key of ['rows', 'used', 'skipped', 'problems']) expect(json[0]).toHaveProperty(key);
  });

  it('explain lists breaching tickets of one rule; an unknown rule is exit 2', () => {
    const r = runCli(['explain', 'email-first-response', SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('email-first-response');
    const bad = runCli(['explain', 'no-such-rule', SAMPLE]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('chat-first-response');
  });

  it('diff compares two reports', () => {
    const dir = tmp();
    const a = join(dir, 'a.json');
    runCli(['audit', SAMPLE, '--format', 'json', '--output', a]);
    const r = runCli(['diff', a, a, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rules.length).toBe(DEFAULT_IDS.length);
  });
});

describe('real exports', () => {
  it.skipIf(!hasRealData('customer-support-tickets.csv'))(
    'audits the Customer Support Ticket Dataset: 8,469 rows, impossible durations reported, still scored',
    () => {
      const r = runCli(['audit', join(REAL, 'customer-support-tickets.csv'), '--format', 'json']);
      expect([0, 1]).toContain(r.code);
      const report = JSON.parse(r.stdout);
      expect(report.inputs[0].rows).toBe(8469);
      expect(report.inputs[0].format).toBe('customer-support-dataset');
      expect(report.inputs[0].problem_counts['negative-duration']).toBeGreaterThan(0);
      expect(report.summary.score).not.toBeNull();
      const sat = report.rules.find((x: { id: string }) => x.id === 'satisfaction');
      expect(sat.eligible).toBeGreaterThan(0);
    },
  );

  it.skipIf(!hasRealData('twcs-sample.csv'))('audits the Twitter sample: social first response per brand with --by agent', () => {
    const r = runCli(['audit', join(REAL, 'twcs-sample.csv'), '--by', 'agent', '--format', 'json']);
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(r.stdout);
    expect(report.inputs[0].rows).toBe(5000);
    expect(report.inputs[0].format).toBe('twitter');
    const social = report.rules.find((x: { id: string }) => x.id === 'social-first-response');
    expect(social.eligible).toBeGreaterThan(100);
    const brands = report.breakdowns.agent.map((row: { key: string }) => row.key);
    expect(brands).toContain('sprintcare');
  });
});
