// Privacy and spreadsheets: `--redact` replaces people with stable pseudonyms in every format
// (src/redact.ts, applied once to the report before rendering), and the CSV the tool writes
// (`explain --format csv`) cannot start a formula.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace } from '../cli/run.js';
import { parseCsv } from '../support/csv.js';
import { pseudonym, redactReport } from '../../src/redact.js';
import type { Report } from '../../src/report.js';
import { BAD, cli, tempDir } from './helpers.js';
import { HOSTILE_FILE, writeHostile } from './hostile.js';

const FILES: Record<string, string> = { 'out.md': 'markdown', 'out.html': 'html', 'out.xml': 'junit', 'out.txt': 'github', 'out.json': 'json' };
const PEOPLE = ['Priya', 'Shah', "O'Brien", 'O&#39;Brien', 'Jonas', 'Weber', 'Mia', 'Paul', 'Sara', 'example.com'];

let dir = '';
beforeAll(() => {
  dir = tempDir('privacy');
  writeHostile(dir);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function redacted(tag: string): Promise<Record<string, string>> {
  const reports = Object.entries(FILES).flatMap(([file, format]) => ['--report', `${format}:${tag}-${file}`]);
  const run = await cli(['audit', join(BAD, 'people.csv'), '--policy', 'policy.yaml', '--by', 'agent,team', '--show-breaches', '5', '--redact', ...reports], {
    cwd: dir,
  });
  expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
  expect(run.code, run.stderr).toBe(1);
  return { table: run.stdout, ...Object.fromEntries(Object.keys(FILES).map((f) => [f, readFileSync(join(dir, `${tag}-${f}`), 'utf8')])) };
}

describe('--redact', () => {
  let first: Record<string, string>;
  beforeAll(async () => {
    first = await redacted('a');
  });

  it('no agent name, requester or e-mail address in any format', () => {
    for (const [format, text] of Object.entries(first)) {
      for (const person of PEOPLE) expect(text.includes(person), `${format} shows ${person}`).toBe(false);
    }
  });

  it('agents become agent-<8 hex>, the same in breaches and breakdowns; teams, ids and (none) stay', () => {
    const report = JSON.parse(first['out.json']) as Report;
    const priya = pseudonym('agent', 'Priya Shah');
    expect(priya).toMatch(/^agent-[0-9a-f]{8}$/);
    expect(report.breakdowns.agent!.map((r) => r.key)).toEqual(
      [pseudonym('agent', "Tom O'Brien"), priya, '(none)'].sort((a, b) => (a === '(none)' ? 1 : b === '(none)' ? -1 : a < b ? -1 : 1)),
    );
    expect(report.breakdowns.team!.map((r) => r.key)).toEqual(['Billing', 'Sales']);
    const breaches = report.rules.flatMap((r) => r.breaches);
    expect(breaches.find((b) => b.id === 'P-1')!.agent).toBe(priya);
    expect(first.table).toContain(priya);
  });

  it('cells quoted in problem messages are replaced, e-mail addresses too', () => {
    const report = JSON.parse(first['out.json']) as Report;
    const problem = report.inputs[0].problems.find((p) => p.line === 4)!;
    expect(problem.code).toBe('bad-timestamp');
    expect(problem.message).toContain(`'${pseudonym('value', 'paul@example.com')}'`);
  });

  it('is stable: the same person gets the same pseudonym in every run', async () => {
    expect(await redacted('b')).toEqual(first);
  });

  it('is applied to a copy; apostrophes inside words are not quotes', () => {
    const report = {
      inputs: [{ problems: [{ code: 'excel-scientific-id', line: 2, message: "id '1.03006E+13' is in Excel's scientific notation" }] }],
      rules: [{ breaches: [{ id: 'T-1', agent: 'Ana', reason: 'late, asked by ana@example.org' }] }],
      breakdowns: {},
    } as unknown as Report;
    const out = redactReport(report);
    expect(out.inputs[0].problems[0].message).toBe(`id '${pseudonym('value', '1.03006E+13')}' is in Excel's scientific notation`);
    expect(out.rules[0].breaches[0]).toEqual({
      id: 'T-1',
      agent: pseudonym('agent', 'ana'),
      reason: `late, asked by ${pseudonym('person', 'ana@example.org')}`,
    });
    expect(report.rules[0].breaches[0].agent).toBe('Ana');
  });
});

describe('explain --format csv', () => {
  it('lists every breach of the rule; no cell can start a formula or carry a control character', async () => {
    const run = await cli(['explain', 'chat-first-response', HOSTILE_FILE, '--policy', 'policy.yaml', '--format', 'csv'], { cwd: dir });
    expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
    expect(run.code, run.stderr).toBe(0);
    const rows = parseCsv(run.stdout);
    expect(rows[0]).toEqual(['ticket', 'created_at', 'channel', 'agent', 'value', 'unit', 'reason']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["'@SUM(1+1) ::error::pwned", 'T-2click']);
    expect(rows[1]).toEqual([
      "'@SUM(1+1) ::error::pwned",
      '2024-03-04T09:10:00.000Z',
      'chat',
      "'=cmd|'/c calc'!A1",
      '30',
      'minutes',
      'first response 30m (calendar) > 3m',
    ]);
    for (const cell of rows.flat()) {
      expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
      expect(cell).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
  });

  it('with --redact, the agent column is pseudonymous', async () => {
    const run = await cli(['explain', 'email-first-response', join(BAD, 'people.csv'), '--policy', 'policy.yaml', '--format', 'csv', '--redact'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`P-1,2024-03-04T08:00:00.000Z,email,${pseudonym('agent', 'Priya Shah')},2940,minutes,`);
    expect(run.stdout).not.toContain('Priya');
  });
});
