// Memory and time stay bounded whatever the data: a record of nothing but delimiters, millions
// of distinct unknown values, ids of a megabyte, a header of 10,000 columns. Each case runs the
// real command; where memory is the point, the command runs with a small V8 heap
// (--max-old-space-size), which it would exceed (and crash) if the bound did not hold.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace } from '../cli/run.js';
import { ValueReader } from '../../src/map/values.js';
import { mergeProblemLists, ProblemList } from '../../src/problem-list.js';
import { problemMessage } from '../../src/render/findings.js';
import { cli, report, tempDir, type Run } from './helpers.js';

let dir = '';
beforeAll(() => {
  dir = tempDir('bounds');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const SMALL_HEAP = { NODE_OPTIONS: '--max-old-space-size=160' };

function oneSentence(run: Run, pattern: RegExp): void {
  expect(run.timedOut, 'the command hung').toBe(false);
  expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
  expect(run.stderr).not.toMatch(/internal error|heap out of memory/i);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr.slice(0, 500)).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe('a record of nothing but delimiters (60 MB of commas)', () => {
  it.each([
    ['a data line', 'id,channel,created_at\n', 2],
    ['the header line', '', 1],
  ])(
    '%s: exit 2 with one sentence, in seconds, in a small heap',
    async (_name, before, line) => {
      const file = `commas-${line}.csv`;
      writeFileSync(join(dir, file), Buffer.concat([Buffer.from(before), Buffer.alloc(60_000_000, ','), Buffer.from('\n')]));
      const run = await cli(['audit', file], { cwd: dir, env: SMALL_HEAP, timeoutMs: 30_000 });
      oneSentence(
        run,
        new RegExp(
          `^error: commas-${line}\\.csv: expected records of at most 100,000 cells but the record starting on line ${line} has more; the rest of the file cannot be read\\.$`,
        ),
      );
      expect(run.ms, `took ${run.ms} ms`).toBeLessThan(15_000);
    },
    60_000,
  );

  it('100,000 cells (an empty one each) are still read: the limit is past them', async () => {
    const file = join(dir, 'wide-ok.csv');
    writeFileSync(file, `id,channel,created_at${','.repeat(99_997)}\nT-1,email,2024-03-04T08:00:00Z${','.repeat(99_997)}\n`);
    const run = await cli(['audit', file, '--format', 'json'], { cwd: dir });
    // Read (exit 1, not 2): the one e-mail without a reply time gives no rule data, so the gate
    // fails only because nothing was measured.
    expect(run.code, run.stderr).toBe(1);
    expect(report(run).summary.gate.reasons).toEqual(['nothing-measured']);
    expect(report(run).inputs[0]).toMatchObject({ rows: 1, used: 1 });
  });
});

describe('distinct unknown values are listed up to 100 per column, then one problem says there are more', () => {
  // Rows with a new unknown channel word each: the first 100 are listed, then one problem says
  // there are more. The table of reported words is bounded, and so is the problem list.
  const rows = (n: number, value: (i: number) => string) =>
    ['id,channel,created_at,first_response_at', ...Array.from({ length: n }, (_, i) => `T-${i},${value(i)},2024-03-04T08:00:00Z,2024-03-04T08:01:00Z`)].join(
      '\n',
    ) + '\n';

  it('200,000 distinct unknown channels: 101 problems, every row still read (as other)', async () => {
    const file = join(dir, 'channels.csv');
    writeFileSync(
      file,
      rows(200_000, (i) => `chan${i}`),
    );
    const run = await cli(['audit', file, '--format', 'json', '--jobs', '1'], { cwd: dir, env: SMALL_HEAP, timeoutMs: 60_000 });
    // Every ticket's channel is "other": no rule has data, so the gate fails with nothing measured.
    expect(run.code, run.stderr.slice(0, 500)).toBe(1);
    expect(report(run).summary.gate.reasons).toEqual(['nothing-measured']);
    const input = report(run).inputs[0];
    expect(input).toMatchObject({ rows: 200_000, used: 200_000, problem_counts: { 'unknown-value': 101 } });
    expect(input.problems).toHaveLength(101);
    expect(input.problems[99].message).toBe("unknown channel 'chan99'");
    expect(input.problems[100]).toMatchObject({
      line: 102,
      column: 'channel',
      message: 'more than 100 distinct unknown channel values: the others are read the same way but not listed',
    });
    expect(report(run).rules.find((r) => r.id === 'chat-first-response')!.eligible).toBe(0);
  }, 90_000);

  it('read in parallel byte ranges (--jobs 3), the very report one pass gives', async () => {
    // Values shared between the ranges, then new ones, so that a range starts with values an
    // earlier range reported and the cap is passed in the middle of a range.
    const file = join(dir, 'channels-mixed.csv');
    writeFileSync(
      file,
      rows(9000, (i) => (i < 2000 ? `v${i % 60}` : i < 6000 ? (i % 2 ? `v${i % 45}` : `w${i}`) : `x${i % 1700}`)),
    );
    const env = { SUPPORT_AUDIT_MIN_RANGE_BYTES: String(64 * 1024) };
    const one = await cli(['audit', file, '--format', 'json', '--jobs', '1'], { cwd: dir, env });
    const many = await cli(['audit', file, '--format', 'json', '--jobs', '3'], { cwd: dir, env });
    expect(one.code, one.stderr).toBe(1); // channels all "other": nothing measured
    expect(report(one).inputs[0].problem_counts).toEqual({ 'unknown-value': 101 });
    expect(many.stdout).toBe(one.stdout);
  }, 60_000);
});

describe('the cap on listed unknown values, merged from parts as parallel reading does', () => {
  // One pass over all values against the same values cut into parts, each read by its own reader
  // (as byte ranges are), merged: the very same list, counts and messages, wherever the cuts fall.
  const values = [
    ...Array.from({ length: 300 }, (_, i) => `v${i % 60}`),
    ...Array.from({ length: 400 }, (_, i) => (i % 2 ? `v${i % 45}` : `w${i}`)),
    ...Array.from({ length: 300 }, (_, i) => `x${i % 170}`),
  ];
  function read(part: string[], offset: number): ProblemList {
    const list = new ProblemList('f.csv', false);
    const reader = new ValueReader('channel');
    part.forEach((v, i) => reader.read(v, offset + i + 2, 'channel', list));
    return list;
  }
  const whole = read(values, 0);

  it('one pass: 100 listed, then one saying there are more', () => {
    expect(whole.counts).toEqual({ 'unknown-value': 101 });
    expect(problemMessage(whole.listed[100])).toMatch(/^more than 100 distinct unknown channel values/);
  });

  it.each([[[150]], [[300, 520]], [[10, 320, 330, 700]], [[460, 461, 900]], [[1, 2, 3, 999]]])('cut at %j', (cuts: number[]) => {
    const bounds = [0, ...cuts, values.length];
    const parts = bounds.slice(0, -1).map((start, k) => ({ state: read(values.slice(start, bounds[k + 1]), 0).state(), lineOffset: start }));
    const merged = new ProblemList('f.csv', false);
    mergeProblemLists(parts, merged);
    expect(merged.listed).toEqual(whole.listed);
    expect(merged.counts).toEqual(whole.counts);
    expect(merged.total).toBe(whole.total);
  });
});

describe('breakdowns are bounded: top keys, then one "other" row with exact totals', () => {
  /** `n` agents with one email ticket each (every third late), then `heavy` agents with five late tickets each. */
  function agents(n: number, heavy: string[] = []): string {
    const rows = ['id,channel,created_at,first_response_at,agent'];
    for (let i = 0; i < n; i++) rows.push(`T-${i},email,2024-03-04T08:00:00Z,2024-03-0${i % 3 === 0 ? 6 : 4}T09:00:00Z,agent ${i}`);
    heavy.forEach((a, k) => {
      for (let j = 0; j < 5; j++) rows.push(`H-${k}-${j},email,2024-03-04T08:00:00Z,2024-03-07T09:00:00Z,${a}`);
    });
    return `${rows.join('\n')}\n`;
  }

  function expectExactTotals(r: ReturnType<typeof report>, dim: 'agent'): void {
    const rows = r.breakdowns[dim]!;
    r.rules.forEach((rule, i) => {
      expect(
        rows.reduce((n, row) => n + row.rules[i].eligible, 0),
        rule.id,
      ).toBe(rule.eligible);
      expect(
        rows.reduce((n, row) => n + row.rules[i].met, 0),
        rule.id,
      ).toBe(rule.met);
    });
  }

  it('100,000 distinct agents with --by agent: 1,000 rows and one other row, exact totals, a small report', async () => {
    writeFileSync(join(dir, 'agents-100k.csv'), agents(100_000));
    const run = await cli(['audit', 'agents-100k.csv', '--by', 'agent', '--format', 'json', '--jobs', '1'], { cwd: dir, timeoutMs: 90_000 });
    expect(run.code, run.stderr.slice(0, 300)).toBe(1);
    expect(run.stderr).toBe('');
    const r = report(run);
    const rows = r.breakdowns.agent!;
    expect(rows).toHaveLength(1001);
    expect(rows.slice(0, 1000).every((row) => row.other === undefined)).toBe(true);
    expect(rows[1000]).toMatchObject({ key: '(other)', other: true });
    expectExactTotals(r, 'agent');
    // Every listed agent has a breach: the top keys are chosen by breaches.
    expect(rows.slice(0, 1000).every((row) => row.rules.some((c) => c.eligible > c.met))).toBe(true);
    expect(run.stdout.length).toBeLessThan(5_000_000);
  }, 120_000);

  it('--max-keys 5: five rows in JSON and HTML, the agents with the most breaches among them, the rest in the other row', async () => {
    // 18 agents: all within the 20 (4 × 5) counted one by one, so the five listed are exactly the
    // ones with the most breaches (past 20, the ones counted are chosen by hash: key-table.ts).
    // One agent is called "(other)": the flag, not the key, marks the other row.
    const heavy = ['Zed Heavy', 'Amy Heavy', '(other)'];
    writeFileSync(join(dir, 'agents-18.csv'), agents(15, heavy));
    const run = await cli(['audit', 'agents-18.csv', '--by', 'agent', '--max-keys', '5', '--format', 'json', '--report', 'html:agents.html'], { cwd: dir });
    const r = report(run);
    const rows = r.breakdowns.agent!;
    expect(rows.map((x) => [x.key, x.other ?? false])).toEqual([
      ['(other)', false],
      ['Amy Heavy', false],
      ['Zed Heavy', false],
      ['agent 0', false],
      ['agent 12', false],
      ['(other)', true],
    ]);
    expectExactTotals(r, 'agent');
    const html = readFileSync(join(dir, 'agents.html'), 'utf8');
    expect(html.match(/<tr><td class="key">/g)).toHaveLength(5);
    expect(html).toContain('<em>(all other agents)</em>');
  });

  it('the terminal and Markdown show the 10 agents with the most breaches, then the rest in one row', async () => {
    const heavy = ['Zed Heavy', 'Amy Heavy'];
    writeFileSync(join(dir, 'agents-40.csv'), agents(40, heavy));
    const table = await cli(['audit', 'agents-40.csv', '--by', 'agent'], { cwd: dir });
    const lines = table.stdout.split('\n');
    const start = lines.findIndex((l) => l.startsWith('by agent'));
    const body = lines.slice(start + 2, start + 13).map((l) => l.trim().split(/\s{2,}/)[0]);
    expect(body).toHaveLength(11);
    expect(body).toEqual(expect.arrayContaining(['Zed Heavy', 'Amy Heavy', '(all other agents)']));
    expect(body[10]).toBe('(all other agents)');
    expect(lines[start + 13]).toMatch(/^the 10 agent keys with the most breaches; 32 more in the last row/);
    const md = await cli(['audit', 'agents-40.csv', '--by', 'agent', '--format', 'markdown'], { cwd: dir });
    const mdRows = md.stdout.split('\n').filter((l) => /^\| (agent \d+|\S+ Heavy|\(all other agents\)) \|/.test(l));
    expect(mdRows).toHaveLength(11);
    expect(mdRows[10].startsWith('| (all other agents) |')).toBe(true);
    expect(md.stdout).toContain('32 more keys summed in the last row');
  });

  it('--redact keeps the other row as it is, last', async () => {
    const run = await cli(['audit', 'agents-18.csv', '--by', 'agent', '--max-keys', '3', '--format', 'json', '--redact'], { cwd: dir });
    const rows = report(run).breakdowns.agent!;
    expect(rows).toHaveLength(4);
    expect(rows[3]).toMatchObject({ key: '(other)', other: true });
    for (const row of rows.slice(0, 3)) expect(row.key).toMatch(/^agent-[0-9a-f]{8}$/);
  });
});

describe('very long ids', () => {
  it('ids of 900 kB are kept as a short prefix and a digest, each with a problem; memory does not grow with id bytes', async () => {
    const file = join(dir, 'long-ids.csv');
    const lines = ['id,channel,created_at,first_response_at'];
    for (let i = 0; i < 40; i++)
      lines.push(`${String.fromCharCode(65 + (i % 26)).repeat(900_000 - 3)}${String(i).padStart(3, '0')},email,2024-03-04T08:00:00Z,2024-03-06T08:00:00Z`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const run = await cli(['audit', file, '--format', 'json', '--show-breaches', '100'], { cwd: dir, env: SMALL_HEAP, timeoutMs: 60_000 });
    expect(run.code, run.stderr.slice(0, 300)).toBe(1);
    const r = report(run);
    expect(r.inputs[0]).toMatchObject({ rows: 40, used: 40, skipped: 0, problem_counts: { 'long-id': 40 } });
    expect(r.inputs[0].problems[0].message).toMatch(/^id of 900,000 characters \(more than 256\): kept as 'A{57}\.\.\.'$/);
    const breaches = r.rules.find((x) => x.id === 'email-first-response')!.breaches;
    expect(breaches).toHaveLength(40);
    // 64 characters, "…#", 16 hex digits: distinct ids stay distinct.
    for (const b of breaches) expect(b.id).toMatch(/^[A-Z]{64}…#[0-9a-f]{16}$/);
    expect(new Set(breaches.map((b) => b.id)).size).toBe(40);
  }, 90_000);
});

describe('messages stay short', () => {
  it('an unknown layout whose header is one 59 kB cell: the error quotes a shortened cell', async () => {
    writeFileSync(join(dir, 'one-cell.csv'), `${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(';')}\n`);
    const run = await cli(['audit', 'one-cell.csv', '--delimiter', ','], { cwd: dir });
    oneSentence(run, /^error: one-cell\.csv: not a known export layout: found columns 'c0;c1;c2;.{40,60}…'\. The closest layout/);
    expect(run.stderr.length).toBeLessThan(600);
  });

  it('a header of 10,000 long column names: the error stays one short line', async () => {
    writeFileSync(join(dir, 'wide-header.csv'), `${Array.from({ length: 10_000 }, (_, i) => `column-${'x'.repeat(80)}-${i}`).join(',')}\nx\n`);
    const run = await cli(['audit', 'wide-header.csv'], { cwd: dir });
    oneSentence(run, /^error: wide-header\.csv: not a known export layout: found columns 'column-x+…, column-x+…, /);
    expect(run.stderr.length).toBeLessThan(1000);
  });

  it('empty standard input is named stdin, once', async () => {
    const run = await cli(['audit', '-'], { input: '' });
    oneSentence(run, /^error: stdin: expected a header line but the input is empty\.$/);
  });
});

describe('dates spread over centuries', () => {
  it('the trend keeps the latest 520 weeks, the rest count in the figures and a note; memory and report stay small', async () => {
    // 60,000 tickets with dates from year 1000 to 9999: about 60,000 distinct weeks.
    const rows = ['id,channel,created_at,first_response_at'];
    for (let i = 0; i < 60_000; i++) {
      const year = 1000 + ((i * 7919) % 9000);
      const day = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      rows.push(`T-${i},email,${day}T08:00:00Z,${day}T09:00:00Z`);
    }
    writeFileSync(join(dir, 'centuries.csv'), `${rows.join('\n')}\n`);
    const env = { ...SMALL_HEAP, SUPPORT_AUDIT_MIN_RANGE_BYTES: String(256 * 1024) };
    const one = await cli(['audit', 'centuries.csv', '--format', 'json', '--jobs', '1'], { cwd: dir, env, timeoutMs: 60_000 });
    expect(one.code, one.stderr.slice(0, 300)).toBe(0);
    const rule = report(one).rules.find((r) => r.id === 'email-first-response')!;
    expect(rule.eligible).toBe(60_000);
    expect(rule.trend).toHaveLength(520);
    expect(rule.trend.at(-1)!.period.startsWith('9999-')).toBe(true);
    expect(rule.note).toMatch(/^trend: the latest 520 weeks; [\d,]+ eligible tickets of earlier weeks count in the figures, not in the trend$/);
    expect(one.stdout.length).toBeLessThan(200_000);
    const many = await cli(['audit', 'centuries.csv', '--format', 'json', '--jobs', '3'], { cwd: dir, env, timeoutMs: 60_000 });
    expect(many.stdout).toBe(one.stdout);
  }, 120_000);
});

describe('dates', () => {
  it('--as-of 0001-01-01 is a real date (Date.UTC read year 1 as 1901)', async () => {
    const file = join(dir, 'one.csv');
    writeFileSync(file, 'id,channel,created_at,first_response_at\nT-1,email,2024-03-04T08:00:00Z,2024-03-04T09:00:00Z\n');
    const run = await cli(['audit', file, '--as-of', '0001-01-01', '--format', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(report(run).as_of).toBe('0001-01-02T00:00:00.000Z');
    const stamp = await cli(['audit', file, '--as-of', '0099-12-31T10:00:00Z', '--format', 'json'], { cwd: dir });
    expect(report(stamp).as_of).toBe('0099-12-31T10:00:00.000Z');
  });
});

describe('numbers too large to be finite', () => {
  it('a 400-digit duration cell is a bad-duration problem with its line, not an infinite wait in the figures', async () => {
    const huge = '9'.repeat(400);
    const file = join(dir, 'huge-durations.csv');
    writeFileSync(
      file,
      [
        'id,channel,created_at,first_response_minutes,wait_seconds,missed',
        'T-1,phone,2024-03-04T08:00:00Z,1,60,false',
        `T-2,phone,2024-03-04T08:10:00Z,${huge},${huge},false`,
        'T-3,phone,2024-03-04T08:20:00Z,3,600,false',
        '',
      ].join('\n'),
    );
    const run = await cli(['audit', file, '--format', 'json', '--as-of', '2024-03-05T00:00:00Z'], { cwd: dir });
    expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
    const out = report(run);
    const problems = out.inputs[0].problems.filter((p) => p.code === 'bad-duration');
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'first_response_minutes'],
      [3, 'wait_seconds'],
    ]);
    const wait = out.rules.find((r) => r.id === 'phone-wait')!;
    // Two calls with a wait (60 s within 5 min, 600 s not); T-2 has none: 1 of 2.
    expect([wait.met, wait.breached]).toEqual([1, 1]);
    // Percentiles of the two waits read, 1 and 10 minutes: p50 5.5, p90 1 + 0.9 × 9 = 9.1.
    expect([wait.p50, wait.p90, wait.mean]).toEqual([5.5, 9.1, 5.5]);
    expect(run.stdout).not.toContain('Infinity');
  });
});
