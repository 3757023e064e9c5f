// Data that becomes keys: agents, teams, tags, channels, ids and schedule names that are every
// Object.prototype property name (`__proto__`, `constructor`, `toString`, `hasOwnProperty`, …).
// Agents named like that were silently dropped from breakdowns (and they held the breaches), and
// `__proto__` polluted Object.prototype. The audit runs in this process, so that
// Object.prototype can be checked after it; every renderer then runs on the result; and the real
// command runs it in parallel byte ranges too.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit.js';
import { builtinPolicy } from '../../src/policy/default.js';
import { parsePolicy } from '../../src/policy/load.js';
import { RENDERERS } from '../../src/render/index.js';
import type { Report } from '../../src/report.js';
import { cli, report as reportOf, tempDir } from './helpers.js';

const NAMES = Object.getOwnPropertyNames(Object.prototype);
const PROTOTYPE_BEFORE = Object.getOwnPropertyNames(Object.prototype).sort();

/**
 * Per name: one ticket whose id, agent, team and tag are the name, on email, answered late (a
 * breach), and one whose channel cell is the name (an unknown channel: `other`).
 */
function csv(): string {
  const rows = ['id,channel,created_at,first_response_at,status,agent,team,tags'];
  NAMES.forEach((n, i) => {
    const at = `2024-03-0${4 + (i % 3)}T0${i % 9}:00:00Z`;
    rows.push(`${n},email,${at},2024-03-08T09:00:00Z,solved,${n},${n},${n}`);
    rows.push(`c-${i},${n},${at},2024-03-08T09:00:00Z,solved,${n},${n},${n}`);
  });
  // Each name once more on a ticket answered in time, so every key has met and breached tickets.
  NAMES.forEach((n, i) => rows.push(`ok-${i},email,2024-03-04T10:00:00Z,2024-03-04T10:30:00Z,solved,${n},${n},fine`));
  return `${rows.join('\n')}\n`;
}

/** Schedules named after each property; rules counting in three of them; an exclude tag and a filter tag that are property names. */
function policyYaml(): string {
  const schedules = NAMES.map((n) => `  ${n}: {timezone: UTC, mon: ["00:00-24:00"], tue: ["00:00-24:00"], wed: ["00:00-24:00"], thu: ["00:00-24:00"], fri: ["00:00-24:00"], sat: ["00:00-24:00"], sun: ["00:00-24:00"]}`);
  return [
    'name: prototype names',
    'gate: {min_sample: 1}',
    'exclude_tags: [spam, valueOf]',
    'schedules:',
    ...schedules,
    'rules:',
    '  - {id: email-first-response, clock: business, schedule: __proto__}',
    '  - {id: vip-first-response, expectation: channel, title: VIP, measure: first-response, window: 1h, target: 90%, clock: business, schedule: constructor, applies_to: {tags: {any: [toString, hasOwnProperty]}}}',
    '  - {id: other-first-response, expectation: channel, title: Other channel, measure: first-response, window: 1h, target: 90%, clock: business, schedule: toString, applies_to: {channel: other}}',
    '',
  ].join('\n');
}

let dir = '';
let report: Report;
beforeAll(async () => {
  dir = tempDir('keys');
  writeFileSync(join(dir, 'names.csv'), csv());
  writeFileSync(join(dir, 'policy.yaml'), policyYaml());
  // The built-in policy first (no schedule of those names), then the one that counts in them.
  await runAudit({ files: [join(dir, 'names.csv')], policy: builtinPolicy(), by: ['agent', 'team'], maxBreaches: 10, strict: false, jobs: 1 });
  const policy = parsePolicy(policyYaml(), 'policy.yaml');
  report = await runAudit({ files: [join(dir, 'names.csv')], policy, by: ['agent', 'team', 'channel'], maxBreaches: 100, strict: false, jobs: 1 });
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('every Object.prototype property name as data', () => {
  it('leaves Object.prototype untouched', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_BEFORE);
    for (const k of ['0', '1', 'volume', 'tag:valueOf']) expect(Object.prototype).not.toHaveProperty(k);
    expect(Object.keys({})).toEqual([]);
    expect(typeof {}.toString).toBe('function');
  });

  it('reads every ticket, once (ids are Set members, not properties)', () => {
    expect(report.inputs[0]).toMatchObject({ rows: 3 * NAMES.length, used: 3 * NAMES.length, skipped: 0 });
    expect(report.inputs[0].problem_counts).toEqual({ 'unknown-value': NAMES.length });
  });

  it('lists every agent and team in the breakdowns, with its counts', () => {
    for (const dim of ['agent', 'team'] as const) {
      const rows = report.breakdowns[dim]!;
      expect(rows.map((r) => r.key).sort()).toEqual([...NAMES].sort());
      for (const row of rows) {
        const email = row.rules.find((r) => r.id === 'email-first-response')!;
        // Two email tickets per name: one answered after 4–5 days (breached, a 24 h window on a
        // clock open all week), one in 30 minutes (met); valueOf's late one is excluded by its tag.
        expect([row.key, email.eligible, email.met]).toEqual([row.key, row.key === 'valueOf' ? 1 : 2, 1]);
      }
    }
    expect(report.breakdowns.channel!.map((r) => r.key)).toEqual(['email', 'other']);
  });

  it('names the breaches by those ids and agents, and counts in schedules of those names', () => {
    const email = report.rules.find((r) => r.id === 'email-first-response')!;
    expect(email).toMatchObject({ clock: 'business', eligible: 2 * NAMES.length - 1, breached: NAMES.length - 1, excluded_reasons: { 'tag:valueof': 1 } });
    expect(email.breaches.map((b) => b.id).sort()).toEqual(NAMES.filter((n) => n !== 'valueOf').sort());
    expect(email.breaches.map((b) => b.agent).sort()).toEqual(NAMES.filter((n) => n !== 'valueOf').sort());
    const vip = report.rules.find((r) => r.id === 'vip-first-response')!;
    // Tagged toString or hasOwnProperty: two tickets each (its email one and its other-channel one).
    expect(vip).toMatchObject({ clock: 'business', eligible: 4, met: 0 });
    const other = report.rules.find((r) => r.id === 'other-first-response')!;
    // The valueOf tickets are excluded by their tag: one on the other channel.
    expect(other).toMatchObject({ clock: 'business', eligible: NAMES.length - 1, excluded: 1, excluded_reasons: { 'tag:valueof': 1 } });
  });

  it('renders every format', () => {
    for (const [format, render] of Object.entries(RENDERERS)) {
      const text = render(report, { color: false, showBreaches: 100 });
      expect(text.length, format).toBeGreaterThan(0);
      if (format !== 'junit' && format !== 'github') expect(text, format).toContain('hasOwnProperty');
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_BEFORE);
  });

  it('the real command, one pass and parallel byte ranges: the same report', async () => {
    const args = ['audit', 'names.csv', '--policy', 'policy.yaml', '--by', 'agent,team,channel', '--format', 'json', '--show-breaches', '100'];
    const env = { SUPPORT_AUDIT_MIN_RANGE_BYTES: '256' };
    const one = await cli([...args, '--jobs', '1'], { cwd: dir, env });
    const many = await cli([...args, '--jobs', '3'], { cwd: dir, env });
    expect(one.code, one.stderr).toBe(1);
    expect(many.stdout).toBe(one.stdout);
    const fromCli = reportOf(one);
    expect(fromCli.breakdowns.agent!.map((r) => r.key).sort()).toEqual([...NAMES].sort());
  });

  it('with the built-in policy too (no schedules of those names): no agent or team dropped', async () => {
    const run = await cli(['audit', 'names.csv', '--by', 'agent,team', '--format', 'json'], { cwd: dir });
    const r = reportOf(run);
    for (const dim of ['agent', 'team'] as const) expect(r.breakdowns[dim]!.map((x) => x.key).sort()).toEqual([...NAMES].sort());
  });
});
