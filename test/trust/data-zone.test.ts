// The zone of timestamps without an offset (docs/timestamps.md "Time zones"): --timezone, else
// the policy's inputs.timezone, else the preset's, else the policy's timezone; UTC only when none
// is set, and then the run warns. Checked here on the figure that depends on it most: business
// minutes, across a DST change and a holiday, against an independent minute-by-minute oracle.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/policy/load.js';
import type { Report } from '../../src/report.js';
import { referenceElapsed } from '../clock/oracle.js';
import { runCli } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'sa-zone-'));
const MINUTE = 60_000;

// A Berlin desk: opening hours in its zone, Easter Monday closed, and only `timezone` set.
const POLICY = `name: Berlin desk
timezone: Europe/Berlin
schedules:
  business-hours:
    mon: ["09:00-17:00"]
    tue: ["09:00-17:00"]
    wed: ["09:00-17:00"]
    thu: ["09:00-17:00"]
    fri: ["09:00-13:00", "14:00-17:00"]
    holidays: ["2024-04-01"]
rules:
  - id: email-first-response
    clock: business
    window: 1s
gate: { min_sample: 1 }
`;
const policyFile = join(dir, 'berlin.yaml');
writeFileSync(policyFile, POLICY);
const schedule = parsePolicy(POLICY, 'berlin.yaml').schedules['business-hours'];

/** Wall time in Berlin of a UTC instant, as an export without offsets writes it (Intl, not src/). */
const berlin = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
function wall(utc: number): string {
  const p: Record<string, string> = {};
  for (const part of berlin.formatToParts(new Date(utc))) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

// 90 tickets from Thu 2024-03-28 to Wed 2024-04-03 (Berlin moves to summer time on Sunday
// 2024-03-31 02:00; Monday 04-01 is the holiday), answered 5 minutes to 60 hours later.
let seed = 7;
const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
const tickets = Array.from({ length: 90 }, (_, i) => {
  const created = Date.UTC(2024, 2, 28, 0, 0) + Math.floor(rand() * 6 * 24 * 60) * MINUTE;
  const answered = created + (5 + Math.floor(rand() * 60 * 60)) * MINUTE;
  return { id: `B${i + 1}`, created, answered };
});
const exportFile = join(dir, 'berlin-export.csv');
writeFileSync(
  exportFile,
  `id,channel,created_at,first_response_at\n${tickets.map((t) => `${t.id},email,${wall(t.created)},${wall(t.answered)}`).join('\n')}\n`,
);

function businessMinutes(args: string[]): Map<string, number> {
  const r = runCli(['explain', 'email-first-response', exportFile, '--format', 'json', '--as-of', '2024-04-10', ...args]);
  expect(r.code, r.stderr).toBe(0);
  const rule = JSON.parse(r.stdout).rule as Report['rules'][number];
  // Window 1 s: every ticket with business time is a breach and lists its value; the others met.
  expect(rule.eligible).toBe(tickets.length);
  return new Map(rule.breaches.map((b) => [b.id, b.value!]));
}

describe("the data's zone", () => {
  it("a policy with only `timezone` set: every ticket's business minutes equal the oracle's", () => {
    const got = businessMinutes(['--policy', policyFile]);
    let nonzero = 0;
    for (const t of tickets) {
      const expected = referenceElapsed(schedule, t.created, t.answered) / MINUTE;
      if (expected > 0) nonzero++;
      expect(got.get(t.id) ?? 0, t.id).toBe(expected);
    }
    expect(nonzero).toBeGreaterThan(40);
  });

  it('names the zone and where it came from; no warning', () => {
    const r = runCli(['audit', exportFile, '--policy', policyFile, '--as-of', '2024-04-10']);
    expect(r.stdout).toContain('\n  times read as Europe/Berlin (policy timezone)\n');
    // --as-of 2024-04-10: the end of that day in the policy's zone, shown in it with its offset.
    expect(r.stdout).toMatch(/· as of 2024-04-11 00:00 \+02:00\n/);
    expect(r.stderr).toBe('');
    const json = JSON.parse(runCli(['audit', exportFile, '--policy', policyFile, '--format', 'json']).stdout) as Report;
    expect(json.inputs[0]).toMatchObject({ timezone: 'Europe/Berlin', timezone_source: 'policy', local_times: 180 });
    expect(json.policy.timezone).toBe('Europe/Berlin');
  });

  it('read as UTC (the same export, no zone set anywhere): a warning says so', () => {
    const utcPolicy = join(dir, 'utc.yaml');
    writeFileSync(utcPolicy, POLICY.replace('timezone: Europe/Berlin', 'timezone: UTC'));
    const r = runCli(['audit', exportFile, '--policy', utcPolicy, '--as-of', '2024-04-10']);
    expect(r.stdout).toContain('\n  times read as UTC (assumed: no time zone is set for the data)\n');
    expect(r.stderr).toBe(
      `warning: ${exportFile}: 180 timestamps without an offset were read as UTC, because no time zone is set for the data. ` +
        "Set the policy's timezone (or inputs.timezone, or --timezone) to your help desk's zone.\n",
    );
  });

  it('the figure depends on it: the Berlin hours with the data read as UTC (what only setting timezone gave before) are wrong on many tickets', () => {
    const asUtc = join(dir, 'data-utc.yaml');
    writeFileSync(asUtc, `${POLICY}inputs: { timezone: UTC }\n`);
    const got = businessMinutes(['--policy', asUtc]);
    const wrong = tickets.filter((t) => (got.get(t.id) ?? 0) !== referenceElapsed(schedule, t.created, t.answered) / MINUTE);
    expect(wrong.length).toBeGreaterThan(tickets.length / 5);
  });

  it('--timezone, then inputs.timezone, win over the policy timezone', () => {
    const tokyo = JSON.parse(runCli(['audit', exportFile, '--policy', policyFile, '--timezone', 'Asia/Tokyo', '--format', 'json']).stdout) as Report;
    expect(tokyo.inputs[0]).toMatchObject({ timezone: 'Asia/Tokyo', timezone_source: 'flag' });
    const inputsPolicy = join(dir, 'inputs.yaml');
    writeFileSync(inputsPolicy, `${POLICY}inputs: { timezone: America/New_York }\n`);
    const ny = JSON.parse(runCli(['audit', exportFile, '--policy', inputsPolicy, '--format', 'json']).stdout) as Report;
    expect(ny.inputs[0]).toMatchObject({ timezone: 'America/New_York', timezone_source: 'inputs' });
    const both = JSON.parse(runCli(['audit', exportFile, '--policy', inputsPolicy, '--timezone', 'Asia/Tokyo', '--format', 'json']).stdout) as Report;
    expect(both.inputs[0]).toMatchObject({ timezone: 'Asia/Tokyo', timezone_source: 'flag' });
  });

  it('timestamps with their own offset are read as written, whatever the zone', () => {
    const withOffsets = join(dir, 'offsets.csv');
    writeFileSync(withOffsets, 'id,channel,created_at,first_response_at\n1,email,2024-03-28T08:00:00Z,2024-03-28T09:00:00Z\n');
    const r = runCli(['audit', withOffsets, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as Report).inputs[0]).toMatchObject({ timezone_source: 'assumed', local_times: 0 });
    expect(runCli(['audit', withOffsets]).stdout).toContain('\n  every timestamp carries its offset\n');
  });
});
