import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit, type AuditRequest } from '../../src/audit.js';
import { builtinPolicy } from '../../src/policy/default.js';
import { ROOT, runCli } from '../cli/run.js';

// `--jobs N` reads a plain file in byte ranges on N threads and merges the partial results; the
// report must be the very one a single pass gives, to the last digit. Small files are made to
// split by lowering the smallest range (SUPPORT_AUDIT_MIN_RANGE_BYTES), so the multi-thread path
// really runs here.

const SAMPLE = join(ROOT, 'fixtures/samples/zendesk-tickets.csv');
const dir = mkdtempSync(join(tmpdir(), 'sa-jobs-'));
const synthetic = join(dir, 'zendesk-20k.csv');
const previous = process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES;

beforeAll(() => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench/generate.mjs'), '20000', synthetic]);
  expect(r.status).toBe(0);
});

afterAll(() => {
  if (previous === undefined) delete process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES;
  else process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES = previous;
});

async function both(file: string, extra: Partial<AuditRequest>, minRange: number) {
  process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES = String(minRange);
  const req: AuditRequest = { files: [file], policy: builtinPolicy(), by: [], maxBreaches: 10, strict: false, ...extra };
  const one = JSON.stringify(await runAudit({ ...req, jobs: 1 }));
  let ranges = 0;
  const many = JSON.stringify(await runAudit({ ...req, jobs: 2, onRanges: (_path, n) => (ranges = n) }));
  return { one, many, ranges };
}

describe('--jobs: parallel byte ranges give the one-pass report', () => {
  const variants: [string, Partial<AuditRequest>][] = [
    ['defaults', {}],
    ['breakdowns and many breaches', { by: ['channel', 'agent', 'team', 'priority', 'week', 'month'], maxBreaches: 40 }],
    ['as_of given', { asOf: Date.UTC(2024, 6, 1) }],
    ['an explained rule (every breach)', { explain: 'queue-hygiene' }],
  ];
  for (const [name, extra] of variants) {
    it(`synthetic Zendesk export, ${name}`, async () => {
      const { one, many, ranges } = await both(synthetic, extra, 256 * 1024);
      expect(ranges).toBeGreaterThan(2);
      expect(many).toBe(one);
    });
  }

  it('an export sorted newest first (its latest times are in the rows looked at first, not in the last range)', async () => {
    const [header, ...rows] = readFileSync(synthetic, 'utf8').trimEnd().split('\n');
    const reversed = join(dir, 'zendesk-20k-newest-first.csv');
    writeFileSync(reversed, `${header}\n${rows.reverse().join('\n')}\n`);
    for (const extra of [{}, { explain: 'queue-hygiene', by: ['week' as const] }]) {
      const { one, many, ranges } = await both(reversed, extra, 256 * 1024);
      expect(ranges).toBeGreaterThan(2);
      expect(many).toBe(one);
    }
  });

  it('the Zendesk sample, cut into ranges of a few rows', async () => {
    const { one, many, ranges } = await both(SAMPLE, { by: ['channel', 'week'] }, 600);
    expect(ranges).toBeGreaterThan(2);
    expect(many).toBe(one);
  });

  it('problems keep their lines and order, unknown values are reported once', async () => {
    const file = join(dir, 'problems.csv');
    const lines = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
    const [header, ...rows] = lines;
    // Every fifth row: an unknown channel word (Via, column 15) and an unreadable update time (18).
    // The sample has no quoted cells, so splitting on commas is safe here.
    const odd = rows.map((row, i) => {
      if (i % 5 !== 0) return row;
      const cells = row.split(',');
      cells[14] = 'Pigeon';
      cells[17] = `not a date ${cells[17]}`;
      return cells.join(',');
    });
    writeFileSync(file, `${header}\n${odd.join('\n')}\n`);
    const { one, many, ranges } = await both(file, {}, 600);
    expect(ranges).toBeGreaterThan(2);
    expect(many).toBe(one);
    const problems = JSON.parse(many).inputs[0].problem_counts;
    expect(problems['unknown-value']).toBe(1);
    expect(problems['bad-timestamp']).toBeGreaterThan(4);
  });

  it('a Windows-1252 file: split into ranges too, and every character, problem and line as one pass gives', async () => {
    // The synthetic export in Windows-1252: accented agent names (one byte each), an unassigned
    // byte (0x81) in every 97th subject and a UTF-8 'é' in every 131st: problems on their lines.
    const [header, ...rows] = readFileSync(synthetic, 'utf8').trimEnd().split('\n');
    const text = rows.map((row, i) => {
      let out = row.replace(/Agent (\d+)/g, 'Ag\u00ebnt $1 Wei\u00df');
      if (i % 97 === 0) out = out.replace(/"([^"]*)"/, '"$1 \u0081"');
      if (i % 131 === 0) out = out.replace(/"([^"]*)"/, '"$1 caf\u00c3\u00a9"');
      return out;
    });
    const file = join(dir, 'zendesk-20k-cp1252.csv');
    writeFileSync(file, Buffer.from(`${header}\n${text.join('\n')}\n`, 'latin1'));
    const { one, many, ranges } = await both(file, { by: ['agent'] }, 256 * 1024);
    expect(ranges).toBeGreaterThan(2);
    expect(many).toBe(one);
    const report = JSON.parse(many);
    expect([report.inputs[0].encoding, report.inputs[0].encoding_source]).toEqual(['windows-1252', 'detected']);
    expect(report.inputs[0].problem_counts).toMatchObject({ 'undecodable-bytes': Math.ceil(rows.length / 97), 'mixed-encoding': Math.ceil(rows.length / 131) });
    expect(report.breakdowns.agent.some((r: { key: string }) => /^Agënt \d+ Weiß$/.test(r.key))).toBe(true);
  });

  it('a file under 64 MB is read in one pass: a worker would cost what it saves', async () => {
    const file = join(dir, 'zendesk-35k.csv');
    expect(spawnSync(process.execPath, [join(ROOT, 'bench/generate.mjs'), '35000', file]).status).toBe(0);
    // Over 8 MB: two of the smallest ranges, which alone used to be enough for a split.
    expect(statSync(file).size).toBeGreaterThan(8 * 1024 * 1024);
    delete process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES;
    let ranges = 0;
    await runAudit({ files: [file], policy: builtinPolicy(), by: [], maxBreaches: 10, strict: false, jobs: 2, onRanges: (_path, n) => (ranges = n) });
    expect(ranges).toBe(0);
  });

  it('an id in two ranges: its copies are found across ranges, and the newest is audited as in one pass', async () => {
    const file = join(dir, 'duplicate.csv');
    copyFileSync(synthetic, file);
    const early = readFileSync(synthetic, 'utf8').split('\n')[5];
    appendFileSync(file, `${early}\n`);
    const { one, many, ranges } = await both(file, {}, 256 * 1024);
    expect(ranges).toBeGreaterThan(1);
    expect(many).toBe(one);
    expect(JSON.parse(one).inputs[0].replaced).toBe(1);
  });

  it('the command line: --jobs 2 and --jobs 1 print byte-identical JSON; --jobs 0 is a usage error', () => {
    const env = { SUPPORT_AUDIT_MIN_RANGE_BYTES: String(256 * 1024) };
    const one = runCli(['audit', synthetic, '--format', 'json', '--jobs', '1'], { env });
    const two = runCli(['audit', synthetic, '--format', 'json', '--jobs', '2'], { env });
    expect(two.stdout.length).toBeGreaterThan(1000);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(one.code);
    const bad = runCli(['audit', synthetic, '--jobs', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--jobs');
  });
});
