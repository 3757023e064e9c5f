// The bad-input corpus (docs/bad-input.md): every file is audited by the real command, and each
// has exactly one expected outcome. Exit 0/1: every record is accounted for (rows = used +
// skipped), every problem is counted and listed, every skipped record has one. Exit 2: one
// sentence on stderr naming the file and what was wrong, nothing on stdout. Never a stack trace,
// never a hang. Small files live in test/fixtures/bad/; large and binary ones are made here.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace } from '../cli/run.js';
import type { Report } from '../../src/report.js';
import type { ProblemCode } from '../../src/types.js';
import { BAD, cli, report, seededBytes, tempDir, type Run } from './helpers.js';

type Counts = Partial<Record<ProblemCode, number>>;

type Outcome = { exit: 0 | 1; rows: number; used: number; skipped: number; problems: Counts; check?: (r: Report) => void } | { exit: 2; error: RegExp };

interface Case {
  name: string;
  /** Relative to its folder: test/fixtures/bad (`fixture`) or the files made below (`generated`). */
  file: string;
  from: 'fixture' | 'generated';
  args?: string[];
  outcome: Outcome;
  /** Must finish within this (a broken file fails fast, it is not read to the end). */
  withinMs?: number;
}

const rule = (r: Report, id: string) => r.rules.find((x) => x.id === id)!;

const CASES: Case[] = [
  { name: 'empty file', file: 'empty.csv', from: 'fixture', outcome: { exit: 2, error: /expected a header line but the input is empty\.$/ } },
  {
    name: 'header only: read without error, and the gate fails: nothing was measured',
    file: 'header-only.csv',
    from: 'fixture',
    outcome: {
      exit: 1,
      rows: 0,
      used: 0,
      skipped: 0,
      problems: {},
      check: (r) => {
        expect(r.summary.score).toBeNull();
        expect(r.summary.gate.reasons).toEqual(['nothing-measured']);
        // No timestamp to date the audit by: null, not 1970.
        expect(r.as_of).toBeNull();
      },
    },
  },
  { name: 'binary data', file: 'random.csv', from: 'generated', outcome: { exit: 2, error: /expected CSV text but found binary data/ } },
  {
    name: 'an .xlsx workbook',
    file: 'workbook.xlsx',
    from: 'generated',
    outcome: { exit: 2, error: /found a ZIP archive \(an Excel \.xlsx workbook\? export it as CSV first\)\.$/ },
  },
  {
    name: 'unclosed quote: names the line where it opened',
    file: 'unclosed-quote.csv',
    from: 'fixture',
    outcome: { exit: 2, error: /unclosed quote in the record starting on line 4; the rest of the file cannot be read\.$/ },
  },
  {
    name: 'unclosed quote early in a 36 MB file: fails fast',
    file: 'unclosed-early.csv',
    from: 'generated',
    outcome: { exit: 2, error: /unclosed quote in the record starting on line 3;/ },
    withinMs: 15_000,
  },
  {
    name: 'ragged rows: mapped as far as the cells go; too short to have a creation time is skipped',
    file: 'ragged.csv',
    from: 'fixture',
    outcome: { exit: 0, rows: 5, used: 4, skipped: 1, problems: { 'ragged-row': 3, 'missing-created-at': 1 } },
  },
  {
    name: 'a 30 MB field: refused past the 1,000,000-character record limit, quickly',
    file: 'huge-field.csv',
    from: 'generated',
    outcome: { exit: 2, error: /expected records of at most 1,000,000 bytes but the record starting on line 3 is longer/ },
    withinMs: 15_000,
  },
  {
    name: 'wrong delimiter forced: no known layout',
    file: 'semicolon.csv',
    from: 'fixture',
    args: ['--delimiter', ','],
    outcome: { exit: 2, error: /not a known export layout: found columns 'id;channel;created_at;first_response_at'/ },
  },
  {
    name: 'mixed delimiters: the odd row is one cell, reported and skipped',
    file: 'mixed-delimiters.csv',
    from: 'fixture',
    outcome: { exit: 0, rows: 3, used: 2, skipped: 1, problems: { 'ragged-row': 1, 'missing-created-at': 1 } },
  },
  {
    name: 'duplicate headers: the first column is read, each repeat reported; repeated tag columns joined',
    file: 'duplicate-headers.csv',
    from: 'fixture',
    outcome: {
      exit: 0,
      rows: 2,
      used: 2,
      skipped: 0,
      problems: { 'duplicate-column': 2 },
      check: (r) => {
        expect(r.inputs[0].problems.map((p) => [p.line, p.column])).toEqual([
          [1, 'id'],
          [1, 'channel'],
        ]);
        // channel comes from column 2: T-1 is email, T-2 chat (column 5 says the opposite).
        expect([rule(r, 'email-first-response').eligible, rule(r, 'chat-first-response').eligible]).toEqual([1, 1]);
        expect(rule(r, 'email-first-response').mean).toBe(60);
      },
    },
  },
  {
    name: 'UTF-16 LE with BOM, tab-delimited (Excel "Unicode text")',
    file: 'utf16le.csv',
    from: 'generated',
    outcome: { exit: 0, rows: 2, used: 2, skipped: 0, problems: {}, check: (r) => expect(rule(r, 'email-first-response').mean).toBe(60) },
  },
  {
    name: 'UTF-16 BE with BOM',
    file: 'utf16be.csv',
    from: 'generated',
    outcome: { exit: 0, rows: 2, used: 2, skipped: 0, problems: {} },
  },
  {
    name: 'UTF-16 without BOM is refused with the reason',
    file: 'utf16-no-bom.csv',
    from: 'generated',
    outcome: { exit: 2, error: /found UTF-16 text without a byte-order mark/ },
  },
  {
    name: 'a Windows-1252 export (Excel on Windows): detected from the first bytes, every character read right',
    file: 'windows-1252.csv',
    from: 'generated',
    args: ['--by', 'agent'],
    outcome: {
      exit: 0,
      rows: 2,
      used: 2,
      skipped: 0,
      problems: {},
      check: (r) => {
        expect([r.inputs[0].encoding, r.inputs[0].encoding_source]).toEqual(['windows-1252', 'detected']);
        expect(r.breakdowns.agent!.map((row) => row.key).sort()).toEqual(['Søren Weiß', 'Zoë Œuvre']);
      },
    },
  },
  {
    name: 'a Windows-1252 file with an unassigned byte and a line written in UTF-8: both reported with their lines',
    file: 'windows-1252-mixed.csv',
    from: 'generated',
    outcome: {
      exit: 0,
      rows: 3,
      used: 3,
      skipped: 0,
      problems: { 'undecodable-bytes': 1, 'mixed-encoding': 1 },
      check: (r) =>
        expect(r.inputs[0].problems.map((p) => [p.line, p.code])).toEqual([
          [3, 'undecodable-bytes'],
          [4, 'mixed-encoding'],
        ]),
    },
  },
  {
    name: 'UTF-8 with a stray Windows-1252 byte after the first 64 KiB: read as UTF-8, the line reported (never a silent U+FFFD)',
    file: 'utf8-stray.csv',
    from: 'generated',
    outcome: {
      exit: 0,
      rows: 1001,
      used: 1001,
      skipped: 0,
      problems: { 'undecodable-bytes': 1 },
      check: (r) => {
        expect([r.inputs[0].encoding, r.inputs[0].encoding_source]).toEqual(['utf-8', 'default']);
        expect(r.inputs[0].problems[0].line).toBe(1002);
      },
    },
  },
  {
    name: 'semicolon dialect with CRLF, a blank line and a quoted line break',
    file: 'semicolon-crlf.csv',
    from: 'fixture',
    outcome: {
      exit: 0,
      rows: 3,
      used: 3,
      skipped: 0,
      problems: {},
      check: (r) => expect([rule(r, 'email-first-response').eligible, rule(r, 'chat-first-response').mean]).toEqual([2, 2]),
    },
  },
  {
    name: 'DST gap and overlap: kept, read as documented (gap moves forward, overlap takes the earlier instant), reported',
    file: 'dst.csv',
    from: 'fixture',
    args: ['--timezone', 'Europe/Berlin'],
    outcome: {
      exit: 0,
      rows: 3,
      used: 3,
      skipped: 0,
      problems: { 'nonexistent-local-time': 1, 'ambiguous-timestamp': 1 },
      check: (r) => {
        // GAP: 02:30 does not exist on 31 March; read as 03:30 CEST (01:30Z); reply 04:00 CEST → 30 min.
        // PLAIN: 30 min. OVERLAP: 02:30 on 27 October read as the earlier, CEST, instant (00:30Z);
        // reply 03:10 CET (02:10Z) → 100 min (the later reading would give 40).
        expect(rule(r, 'email-first-response').mean).toBe(30);
        expect(rule(r, 'chat-first-response').mean).toBe(100);
      },
    },
  },
  {
    name: 'dates in the future, no --as-of: as_of is the latest timestamp in the data (never the clock)',
    file: 'future.csv',
    from: 'fixture',
    outcome: { exit: 0, rows: 3, used: 3, skipped: 0, problems: {}, check: (r) => expect(r.as_of).toBe('2031-06-01T09:00:00.000Z') },
  },
  {
    name: 'dates after --as-of: a ticket created later is outside the audit, a later event has not happened yet',
    file: 'future.csv',
    from: 'fixture',
    args: ['--as-of', '2024-03-05'],
    outcome: {
      exit: 0,
      rows: 3,
      used: 3,
      skipped: 0,
      problems: {},
      check: (r) => {
        // T-3 (created 2031) is left out; T-2's solve in 2031 has not happened at as_of.
        expect(r.inputs[0].after_as_of).toBe(1);
        expect(rule(r, 'email-first-response')).toMatchObject({ eligible: 2, met: 2 });
      },
    },
  },
  {
    name: 'negative durations: the impossible field dropped, the ticket kept',
    file: 'negative-durations.csv',
    from: 'fixture',
    outcome: {
      exit: 0,
      rows: 4,
      used: 4,
      skipped: 0,
      problems: { 'negative-duration': 4 },
      check: (r) => expect(rule(r, 'email-first-response').eligible).toBe(1),
    },
  },
  {
    name: 'one ticket in several rows: the newest copy is audited (no updated_at: the later line), the others counted as replaced',
    file: 'duplicate-ids.csv',
    from: 'fixture',
    outcome: {
      exit: 0,
      rows: 5,
      used: 5,
      skipped: 0,
      problems: {},
      check: (r) => {
        expect(r.inputs[0].replaced).toBe(2);
        // T-1's last copy (line 5) is an e-mail answered in an hour; the chat copy (line 4) is replaced.
        expect(rule(r, 'email-first-response')).toMatchObject({ eligible: 2, met: 2 });
        expect(rule(r, 'chat-first-response')).toMatchObject({ eligible: 1, met: 1 });
      },
    },
  },
  {
    name: 'Excel damage: scientific ids, grouped ids and counts, reformatted dates (order unknown)',
    file: 'excel-damage.csv',
    from: 'fixture',
    outcome: {
      exit: 0,
      rows: 5,
      used: 4,
      skipped: 1,
      // The two ids in scientific notation collide: one ticket, the later row kept.
      problems: { 'excel-scientific-id': 2, 'excel-grouped-id': 1, 'bad-number': 1, 'bad-timestamp': 1, 'excel-reformatted-date': 1 },
      check: (r) => expect(r.inputs[0].replaced).toBe(1),
    },
  },
  {
    name: 'Excel damage with --date-order DMY: day-first dates read',
    file: 'excel-damage.csv',
    from: 'fixture',
    args: ['--date-order', 'DMY'],
    outcome: {
      exit: 0,
      rows: 5,
      used: 5,
      skipped: 0,
      problems: { 'excel-scientific-id': 2, 'excel-grouped-id': 1, 'bad-number': 1, 'excel-reformatted-date': 3 },
      check: (r) => expect(r.inputs[0].replaced).toBe(1),
    },
  },
  {
    name: 'a missing file',
    file: 'no-such-export.csv',
    from: 'fixture',
    outcome: { exit: 2, error: /expected a CSV file but nothing exists at this path\.$/ },
  },
  { name: 'a directory', file: 'exports', from: 'generated', outcome: { exit: 2, error: /expected a CSV file but found a directory\.$/ } },
];

let generated = '';
const folder = (c: Case) => (c.from === 'fixture' ? BAD : generated);

beforeAll(() => {
  generated = tempDir('bad');
  const put = (name: string, data: string | Buffer) => writeFileSync(join(generated, name), data);
  const header = 'id,channel,created_at,first_response_at,subject\n';
  const row = (i: number) => `T-${i},email,2024-03-04T08:00:00Z,2024-03-04T09:00:00Z,fine\n`;
  put('random.csv', seededBytes(64 * 1024));
  put('workbook.xlsx', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), seededBytes(4096)]));
  put('unclosed-early.csv', `${header}${row(1)}T-2,email,2024-03-04T08:00:00Z,,"never closed\n${row(3).repeat(1_000_000)}`);
  put('huge-field.csv', `${header}${row(1)}T-2,email,2024-03-04T08:00:00Z,,"${'x'.repeat(30 * 1024 * 1024)}"\n${row(3)}`);
  const utf16 =
    'id\tchannel\tcreated_at\tfirst_response_at\r\nT-1\temail\t2024-03-04T08:00:00Z\t2024-03-04T09:00:00Z\r\nT-2\tchat\t2024-03-04T10:00:00Z\t2024-03-04T10:01:00Z\r\n';
  put('utf16le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, 'utf16le')]));
  put('utf16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf16, 'utf16le').swap16()]));
  put('utf16-no-bom.csv', Buffer.from(utf16, 'utf16le'));
  const people = 'id,channel,created_at,first_response_at,agent,subject\r\n';
  put(
    'windows-1252.csv',
    Buffer.from(
      `${people}T-1,email,2024-03-04T08:00:00Z,2024-03-04T09:00:00Z,S\xf8ren Wei\xdf,R\xfcckfrage \x96 \x8040\r\n` +
        'T-2,email,2024-03-04T10:00:00Z,2024-03-04T10:30:00Z,Zo\xeb \x8cuvre,\x84Spa\xdf\x93 \x9c \x9f\r\n',
      'latin1',
    ),
  );
  put(
    'windows-1252-mixed.csv',
    Buffer.concat([
      Buffer.from(
        `${people}T-1,email,2024-03-04T08:00:00Z,,S\xf8ren Wei\xdf,M\xfcller \xc4rger\r\nT-2,email,2024-03-04T09:00:00Z,,Bob,odd \x81 byte\r\n`,
        'latin1',
      ),
      Buffer.from('T-3,email,2024-03-04T10:00:00Z,,Zoë,written in UTF-8\r\n'),
    ]),
  );
  // 1,000 rows of ASCII (more than 64 KiB), then one with a Windows-1252 'é'.
  const padded = (i: number) => `T-${i},email,2024-03-04T08:00:00Z,2024-03-04T09:00:00Z,Ann,${'subject '.repeat(8)}${i}\n`;
  put(
    'utf8-stray.csv',
    Buffer.concat([
      Buffer.from(`${header.replace('subject', 'agent,subject')}${Array.from({ length: 1000 }, (_, i) => padded(i + 1)).join('')}`),
      Buffer.from('T-1001,email,2024-03-04T08:00:00Z,2024-03-04T09:00:00Z,Ann,Caf\xe9\n', 'latin1'),
    ]),
  );
  mkdirSync(join(generated, 'exports'));
});

afterAll(() => {
  if (generated) rmSync(generated, { recursive: true, force: true });
});

function expectClean(run: Run): void {
  expect(run.timedOut, 'the command hung').toBe(false);
  expect(hasStackTrace(run.stderr) || hasStackTrace(run.stdout), run.stderr).toBe(false);
  expect(run.stderr).not.toMatch(/internal error/);
}

function expectOneSentence(run: Run, file: string, error: RegExp): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0].startsWith(`error: ${file}`), lines[0]).toBe(true);
  expect(lines[0]).toMatch(error);
}

function total(counts: Counts): number {
  return Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
}

describe('bad-input corpus: audit', () => {
  it.concurrent.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const run = await cli(['audit', c.file, ...(c.args ?? []), '--format', 'json'], { cwd: folder(c) });
    expectClean(run);
    if (c.withinMs) expect(run.ms, `took ${run.ms} ms`).toBeLessThan(c.withinMs);
    const o = c.outcome;
    if (o.exit === 2) {
      expectOneSentence(run, c.file, o.error);
      return;
    }
    expect(run.code, run.stderr).toBe(o.exit);
    const r = report(run);
    expect(r.inputs).toHaveLength(1);
    const input = r.inputs[0];
    expect({ rows: input.rows, used: input.used, skipped: input.skipped }).toEqual({ rows: o.rows, used: o.used, skipped: o.skipped });
    // Never a silent drop: every record is used or skipped, and every skipped one has a problem.
    expect(input.used + input.skipped).toBe(input.rows);
    expect(input.problem_counts).toEqual(o.problems);
    expect(input.problems).toHaveLength(total(o.problems));
    expect(new Set(input.problems.filter((p) => p.line > 1).map((p) => p.line)).size).toBeGreaterThanOrEqual(input.skipped);
    for (const p of input.problems) expect(p.line).toBeGreaterThanOrEqual(1);
    o.check?.(r);
  });
});

describe('--strict turns any problem into exit 2', () => {
  // A problem in a row, a problem in the header, Excel damage, and two clean files.
  const picked = ['ragged.csv', 'duplicate-headers.csv', 'excel-damage.csv', 'header-only.csv', 'utf16le.csv', 'utf8-stray.csv'];
  const readable = CASES.filter((c) => c.outcome.exit !== 2 && picked.includes(c.file) && !c.args);
  it.concurrent.each(readable.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const o = c.outcome as Extract<Outcome, { rows: number }>;
    const run = await cli(['audit', c.file, ...(c.args ?? []), '--strict', '--format', 'json'], { cwd: folder(c) });
    expectClean(run);
    if (total(o.problems) === 0) {
      expect(run.code, run.stderr).toBe(o.exit);
      expect(report(run).inputs[0].rows).toBe(o.rows);
      return;
    }
    expectOneSentence(run, c.file, /^error: [^,]+, line \d+: .+ \(--strict turns every problem into an error\)\.$/);
  });
});

describe('a file without read permission', () => {
  // Root reads any file whatever its mode, so chmod 000 proves nothing there: as root the
  // command is run as the unprivileged user "nobody" (uid 65534), which is what a CI runner
  // without root would be. If even that is not possible the case is skipped with the reason.
  const asRoot = process.getuid?.() === 0;
  it('exits 2 naming the file: permission denied', async (ctx) => {
    const dir = tempDir('perm');
    try {
      chmodSync(dir, 0o755);
      const file = join(dir, 'locked.csv');
      writeFileSync(file, 'id,channel,created_at\nT-1,email,2024-03-04T08:00:00Z\n');
      chmodSync(file, 0o000);
      let run: Run | undefined;
      let why = '';
      try {
        run = await cli(['audit', 'locked.csv'], { cwd: dir, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
        if (asRoot && run.code !== 2 && /EACCES|EPERM|Cannot find module/.test(run.stderr))
          why = `uid 65534 cannot run node here: ${run.stderr.split('\n')[0]}`;
      } catch (err) {
        why = `cannot switch to uid 65534 (${(err as Error).message})`;
      }
      if (why) ctx.skip(`running as root, which reads any file; ${why}`);
      expectClean(run!);
      expectOneSentence(run!, 'locked.csv', /expected a readable CSV file but permission to read it was denied\.$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
