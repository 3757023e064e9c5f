// One ticket, several rows: overlapping weekly exports (or a ticket twice in one export) are one
// ticket, and its newest copy is the one audited (docs/reading.md "One ticket, several rows").
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAudit, type AuditRequest } from '../../src/audit.js';
import { builtinPolicy } from '../../src/policy/default.js';
import type { Report, RuleResult } from '../../src/report.js';
import { ROOT, runCli } from '../cli/run.js';

const W10 = join(ROOT, 'fixtures/trust/overlap/w10.csv');
const W11 = join(ROOT, 'fixtures/trust/overlap/w11.csv');
const dir = mkdtempSync(join(tmpdir(), 'sa-copies-'));
const previous = process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES;
afterAll(() => {
  if (previous === undefined) delete process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES;
  else process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES = previous;
});

function audit(files: string[], extra: Partial<AuditRequest> = {}): Promise<Report> {
  return runAudit({ files, policy: builtinPolicy(), by: [], maxBreaches: 50, strict: false, ...extra });
}

const rule = (r: Report, id: string) => r.rules.find((x) => x.id === id) as RuleResult;

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const HEAD = 'id,channel,created_at,first_response_at,updated_at\n';

describe('copies of a ticket across inputs and within one', () => {
  it('overlapping weekly exports: the newest copy (later updated_at) is judged, the older ones counted as replaced', async () => {
    const r = await audit([W10, W11]);
    // 1230 1h, 1231 30m, 1238 3h40m (w11's copy: answered 14:00 after 10:20), 1240 45m: all
    // within 24h. With w10's copy, 1238 was "unanswered" until as_of (2024-03-18 09:45, w11's latest).
    expect(rule(r, 'email-first-response')).toMatchObject({ eligible: 4, met: 4, breached: 0, pending: 0 });
    expect(r.inputs.map((i) => [i.rows, i.used, i.replaced])).toEqual([
      [4, 4, 2],
      [3, 3, 0],
    ]);
    expect(r.inputs.flatMap((i) => i.problems)).toEqual([]);
    expect(r.as_of).toBe('2024-03-18T09:45:00.000Z');
  });

  it('reversing the inputs gives the same result when the copies differ in updated_at', async () => {
    const a = await audit([W10, W11]);
    const b = await audit([W11, W10]);
    expect(b.rules).toEqual(a.rules);
    expect(b.inputs.map((i) => i.replaced)).toEqual([0, 2]);
  });

  it('copies with the same updated_at, or none: the later input wins, then the later line', async () => {
    // Ticket 7 answered after 1 h in one export and after 30 h in the other.
    const quick = file('quick.csv', `${HEAD}7,email,2024-03-04T08:00:00Z,2024-03-04T09:00:00Z,2024-03-06T00:00:00Z\n`);
    const slow = file('slow.csv', `${HEAD}7,email,2024-03-04T08:00:00Z,2024-03-05T14:00:00Z,2024-03-06T00:00:00Z\n`);
    const policy = { ...builtinPolicy(), gate: { ...builtinPolicy().gate, min_sample: 1 } };
    expect(rule(await audit([quick, slow], { policy }), 'email-first-response')).toMatchObject({ eligible: 1, met: 0 });
    expect(rule(await audit([slow, quick], { policy }), 'email-first-response')).toMatchObject({ eligible: 1, met: 1 });
    const twice = file(
      'twice.csv',
      'id,channel,created_at,first_response_at\n7,email,2024-03-04T08:00:00Z,2024-03-04T09:00:00Z\n7,email,2024-03-04T08:00:00Z,2024-03-05T14:00:00Z\n',
    );
    const r = await audit([twice], { policy });
    expect(rule(r, 'email-first-response')).toMatchObject({ eligible: 1, met: 0 });
    expect(r.inputs[0]).toMatchObject({ rows: 2, used: 2, replaced: 1, problem_counts: {} });
  });

  it('a later input with an older updated_at loses to the earlier input', async () => {
    const newer = file('newer.csv', `${HEAD}8,email,2024-03-04T08:00:00Z,2024-03-04T09:00:00Z,2024-03-07T00:00:00Z\n`);
    const older = file('older.csv', `${HEAD}8,email,2024-03-04T08:00:00Z,,2024-03-04T08:00:00Z\n`);
    const policy = { ...builtinPolicy(), gate: { ...builtinPolicy().gate, min_sample: 1 } };
    const r = await audit([newer, older], { policy });
    expect(rule(r, 'email-first-response')).toMatchObject({ eligible: 1, met: 1 });
    expect(r.inputs.map((i) => i.replaced)).toEqual([0, 1]);
  });

  it('--jobs 2 reads copies in byte ranges and across files to the same report as --jobs 1', async () => {
    const big = join(dir, 'export-20k.csv');
    expect(spawnSync(process.execPath, [join(ROOT, 'bench/generate.mjs'), '20000', big]).status).toBe(0);
    // A later export with newer copies of 50 tickets (solved later) and of one from the middle twice.
    const [header, ...rows] = readFileSync(big, 'utf8').trimEnd().split('\n');
    const later = join(dir, 'later.csv');
    const picked = rows.filter((_, i) => i % 400 === 7);
    writeFileSync(later, `${header}\n${picked.join('\n')}\n`);
    const again = join(dir, 'export-20k-again.csv');
    copyFileSync(big, again);
    appendFileSync(again, `${rows[10_000]}\n`);
    process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES = String(256 * 1024);
    const req = { by: ['agent' as const, 'week' as const], maxBreaches: 20 };
    let ranges = 0;
    const one = await audit([again, later], { ...req, jobs: 1 });
    const two = await audit([again, later], { ...req, jobs: 2, onRanges: (_p, n) => (ranges += n) });
    expect(ranges).toBeGreaterThan(2);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    // Equal copies (no updated_at change): the later input's row wins, the earlier rows are replaced.
    expect(one.inputs.map((i) => i.replaced)).toEqual([picked.length + 1, 0]);
  });
});

describe('copies on stdin', () => {
  const w10 = readFileSync(W10, 'utf8');
  const w11Rows = readFileSync(W11, 'utf8').split('\n').slice(1).join('\n');

  it('stdin holding both weeks is read twice from a private copy, to the same figures as the files', () => {
    const r = runCli(['audit', '-', '--format', 'json'], { input: w10 + w11Rows });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.inputs[0]).toMatchObject({ path: '-', rows: 7, used: 7, replaced: 2 });
    expect(rule(report, 'email-first-response')).toMatchObject({ eligible: 4, met: 4 });
  });

  it('stdin and a file together', () => {
    const r = runCli(['audit', '-', W11, '--format', 'json'], { input: w10 });
    const report = JSON.parse(r.stdout) as Report;
    expect(report.inputs.map((i) => i.replaced)).toEqual([2, 0]);
    expect(rule(report, 'email-first-response')).toMatchObject({ eligible: 4, met: 4 });
  });

  it('when no copy of stdin can be kept, the run says so and exits 2 rather than judge an old copy', () => {
    const r = runCli(['audit', '-', '--format', 'json'], { input: w10 + w11Rows, env: { TMPDIR: join(dir, 'no-such-folder') } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^error: stdin: the export has copies of tickets and must be read twice, but no copy of it could be kept \(ENOENT\): give it as a file instead\.\n$/,
    );
  });
});
