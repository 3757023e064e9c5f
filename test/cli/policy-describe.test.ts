// `policy describe` through the real command: text and JSON, a policy file or the built-in one.
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

describe('policy describe', () => {
  it('describes the built-in policy in words', () => {
    const r = runCli(['policy', 'describe']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Baseline service standards \(built-in policy\), time zone UTC\n/);
    expect(r.stdout).toContain(
      '\nchat-first-response — Live chat answered within 3 minutes\n' +
        "  measures    time from a ticket's creation to the first agent reply [first-response]\n" +
        '  applies to  channel chat\n' +
        '  window      3m (3 minutes)\n' +
        '  clock       calendar time (every hour counts)\n' +
        '  target      90%: passes when 90% or more of the eligible tickets are within 3m; warns from 80%, fails below\n' +
        '  severity    error, weight 1; judged with at least 10 eligible tickets\n',
    );
  });

  it('--format json: one entry per rule, a policy file given', () => {
    const r = runCli(['policy', 'describe', 'fixtures/policy/berlin-office.yaml', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.name).toBe('Berlin support desk');
    expect(d.rules.map((x: { id: string }) => x.id)).toContain('vip-first-response');
    expect(d.rules.find((x: { id: string }) => x.id === 'email-first-response').schedule.name).toBe('business-hours');
  });

  it('an invalid policy is refused as check refuses it (exit 2)', () => {
    const r = runCli(['policy', 'describe', 'no-such-policy.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: policy file no-such-policy.yaml not found\n');
  });

  it('is listed in the help of policy', () => {
    const r = runCli(['policy', '--help']);
    expect(r.stdout).toMatch(/\n\s+describe \[options\] \[file\]\s+each rule in words/);
  });
});
