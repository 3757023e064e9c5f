// as_of, the audit's "now" (docs/timestamps.md "as_of"): the latest timestamp in the data that is
// not an outlier; a ticket created after it is outside the audit and an event after it has not
// happened yet, whether as_of comes from the data or from --as-of.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runAudit, type AuditRequest } from '../../src/audit.js';
import { LatestTimes, OUTLIER_SLOTS } from '../../src/map/latest-times.js';
import { builtinPolicy } from '../../src/policy/default.js';
import type { Report, RuleResult } from '../../src/report.js';
import { ROOT } from '../cli/run.js';

const DAY = 86_400_000;
const OUTLIER = join(ROOT, 'fixtures/trust/outlier/export.csv');
const dir = mkdtempSync(join(tmpdir(), 'sa-asof-'));
const previous = process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES;
afterAll(() => {
  if (previous === undefined) delete process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES;
  else process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES = previous;
});

const audit = (files: string[], extra: Partial<AuditRequest> = {}): Promise<Report> =>
  runAudit({ files, policy: builtinPolicy(), by: [], maxBreaches: 50, strict: false, ...extra });
const rule = (r: Report, id: string) => r.rules.find((x) => x.id === id) as RuleResult;

function table(values: number[]): LatestTimes {
  const t = new LatestTimes();
  values.forEach((v, i) => t.note(v, 0, i + 2, 'at'));
  return t;
}

describe('the outlier rule (map/latest-times.ts)', () => {
  const base = Date.UTC(2024, 2, 1);
  const month = Array.from({ length: 40 }, (_, i) => base + i * 18 * 3_600_000); // 30 days of data

  it('a timestamp years beyond the rest is an outlier; as_of is the latest other one', () => {
    const d = table([...month, Date.UTC(2031, 2, 5)]).decide();
    expect(d.asOf).toBe(Math.max(...month));
    expect(d.outliers.map((e) => [e.value, e.line])).toEqual([[Date.UTC(2031, 2, 5), 42]]);
  });

  it("a gap longer than the data's own span (and 30 days) makes outliers; a shorter one does not", () => {
    const last = Math.max(...month);
    // 40 days after a 30-day span: beyond it. 25 days: within 30 days, not an outlier.
    expect(table([...month, last + 40 * DAY]).decide().asOf).toBe(last);
    expect(table([...month, last + 25 * DAY]).decide().asOf).toBe(last + 25 * DAY);
    // A year of data, then a quiet two months: data, not a typo.
    const year = Array.from({ length: 200 }, (_, i) => base + i * 1.8 * DAY);
    const yearLast = Math.max(...year);
    expect(table([...year, yearLast + 60 * DAY]).decide().asOf).toBe(yearLast + 60 * DAY);
  });

  it('at most a quarter of the timestamps, and at most OUTLIER_SLOTS of them, can be outliers', () => {
    expect(table([base, base + DAY, Date.UTC(2031, 0, 1)]).decide().asOf).toBe(Date.UTC(2031, 0, 1));
    const many = Array.from({ length: OUTLIER_SLOTS + 1 }, (_, i) => Date.UTC(2031, 0, 1) + i);
    const lots = Array.from({ length: 400 }, (_, i) => base + i * 60_000);
    expect(table([...lots, ...many]).decide().asOf).toBe(Date.UTC(2031, 0, 1) + OUTLIER_SLOTS);
    expect(table([...lots, ...many.slice(1)]).decide().asOf).toBe(Math.max(...lots));
  });

  it('the floor is never above as_of and never an outlier', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 * 365 }), { minLength: 1, maxLength: 80 }), (days) => {
        const t = table(days.map((d) => base + d * DAY));
        const { asOf, outliers } = t.decide();
        expect(t.floor).toBeLessThanOrEqual(asOf!);
        expect(outliers.every((e) => e.value > asOf!)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('parts read apart and absorbed decide as one table does (byte ranges, in any order)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 * 365 }), { minLength: 1, maxLength: 120 }), fc.integer({ min: 1, max: 5 }), (days, parts) => {
        const values = days.map((d) => base + d * DAY);
        const whole = table(values).decide();
        const merged = new LatestTimes();
        const size = Math.ceil(values.length / parts);
        for (let k = parts - 1; k >= 0; k--) {
          const part = new LatestTimes();
          values.slice(k * size, (k + 1) * size).forEach((v, i) => part.note(v, 0, i + 2, 'at'));
          merged.absorb(part.state(), k * size);
        }
        const d = merged.decide();
        expect(d.asOf).toBe(whole.asOf);
        expect(d.outliers.map((e) => e.value)).toEqual(whole.outliers.map((e) => e.value));
      }),
      { numRuns: 300 },
    );
  });
});

describe('an export with a mistyped year (fixtures/trust/outlier)', () => {
  it('does not move as_of; the outliers are problems with line and column; their events have not happened', async () => {
    const r = await audit([OUTLIER]);
    expect(r.as_of).toBe('2024-03-08T11:00:00.000Z');
    const input = r.inputs[0];
    expect(input.problem_counts).toEqual({ 'outlier-timestamp': 4 });
    expect(input.problems.map((p) => `${p.line}:${p.column}`)).toEqual(['3:solved_at', '6:created_at', '6:first_response_at', '6:updated_at']);
    expect(input.problems[0].message).toBe(
      "2031-03-05 16:00 UTC is far beyond the rest of the data (latest other timestamp 2024-03-08 11:00 UTC): not taken as the audit's as_of, and not happened yet at as_of",
    );
    // 105 (created 2031) is outside the audit.
    expect(input.after_as_of).toBe(1);
    // 101 1h, 102 2h, 104 30m, 106 10m met; 103 unanswered from 03-06 08:00 to as_of: 51 h.
    const email = rule(r, 'email-first-response');
    expect(email).toMatchObject({ eligible: 5, met: 4, breached: 1 });
    expect(email.breaches.map((b) => [b.id, b.value, b.code])).toEqual([['103', 51 * 60, 'unanswered']]);
    // 102 was not solved at as_of (its solve is the outlier): open, and its queue time counts.
    const queue = rule(r, 'queue-hygiene');
    expect(queue.eligible + queue.pending).toBe(3); // 102, 103, 104 open at as_of
  });

  it('--strict: an outlier is a problem like any other (exit 2)', async () => {
    await expect(audit([OUTLIER], { strict: true })).rejects.toMatchObject({ name: 'StrictError' });
  });

  it('an outlier in a file read in byte ranges: the same report as one pass, and as the file without it', async () => {
    const file = join(dir, 'export-20k.csv');
    expect(spawnSync(process.execPath, [join(ROOT, 'bench/generate.mjs'), '20000', file]).status).toBe(0);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    // Every time on line 9,001 (row 9,000) mistyped as 2031.
    const typo = lines.map((l, i) => (i === 9_000 ? l.replace(/202[45]-/g, '2031-') : l));
    expect(typo[9_000]).not.toBe(lines[9_000]);
    const typoFile = join(dir, 'export-20k-typo.csv');
    writeFileSync(typoFile, `${typo.join('\n')}\n`);
    const without = join(dir, 'export-20k-without.csv');
    writeFileSync(without, `${lines.filter((_, i) => i !== 9_000).join('\n')}\n`);
    process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES = String(256 * 1024);
    let ranges = 0;
    const one = await audit([typoFile], { jobs: 1 });
    const two = await audit([typoFile], { jobs: 2, onRanges: (_p, n) => (ranges = n) });
    expect(ranges).toBeGreaterThan(2);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    const clean = await audit([without], { jobs: 1 });
    expect(one.as_of).toBe(clean.as_of);
    expect(one.inputs[0].problem_counts['outlier-timestamp']).toBeGreaterThan(0);
    // The row whose times are all in 2031 is outside the audit: every figure is the clean file's.
    expect(one.inputs[0].after_as_of).toBe(1);
    expect(one.rules).toEqual(clean.rules);
  });
});

describe('--as-of earlier than the export', () => {
  it('a ticket created after as_of is not judged; a reply or a solve after it has not happened', async () => {
    const asOf = Date.UTC(2024, 2, 5, 12);
    const r = await audit([OUTLIER], { asOf });
    // 101 (answered 1h) and 102 (answered 2h, at 10:00 on 03-05) are in; 103, 104, 106 and 105 after.
    expect(r.inputs[0].after_as_of).toBe(4);
    expect(rule(r, 'email-first-response')).toMatchObject({ eligible: 2, met: 2 });
    const early = await audit([OUTLIER], { asOf: Date.UTC(2024, 2, 5, 9) });
    // At 09:00, 102 (created 08:00, answered 10:00) is still within its 24 h: pending.
    expect(rule(early, 'email-first-response')).toMatchObject({ eligible: 1, met: 1, pending: 1 });
  });
});
