// Data that becomes keys: agents, teams, tags, channels, ids and schedule names that are every
// Object.prototype property name (`__proto__`, `constructor`, `toString`, `hasOwnProperty`, …).
// Agents named like that were silently dropped from breakdowns (and they held the breaches), and
// `__proto__` polluted Object.prototype. The audit runs in this process, so that
// Object.prototype can be checked after it; every renderer then runs on the result
// (keys-cli.test.ts: the real command, in parallel byte ranges too).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit.js';
import { builtinPolicy } from '../../src/policy/default.js';
import { parsePolicy } from '../../src/policy/load.js';
import { RENDERERS } from '../../src/render/index.js';
import type { Report } from '../../src/report.js';
import { tempDir } from './helpers.js';
import { NAMES, csv, policyYaml } from './prototype-names.js';

const PROTOTYPE_BEFORE = Object.getOwnPropertyNames(Object.prototype).sort();

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
});
