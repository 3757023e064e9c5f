// `audit --history FILE` and `diff --history FILE --against 7d` through the real command. The
// figures are checked against the JSON reports of the same runs (written separately), not
// against the history code.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report.js';
import { cli } from '../bad-input/helpers.js';
import { ROOT, runCli } from './run.js';

const SAMPLE = join(ROOT, 'fixtures/samples/support-desk.csv');
const DATES = ['2024-03-03', '2024-03-10', '2024-03-17'];
const dir = mkdtempSync(join(tmpdir(), 'sa-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pct = (c: number | null) => (c === null ? '–' : `${(c * 100).toFixed(1).replace(/\.0+$/, '')}%`);

describe('audit --history', () => {
  const reports: Report[] = [];
  let markdown = '';
  beforeAll(() => {
    for (const [i, date] of DATES.entries()) {
      // The report of each run, without --history (the independent side).
      const json = runCli(['audit', SAMPLE, '--as-of', date, '--format', 'json']);
      reports.push(JSON.parse(json.stdout));
      const r = runCli(['audit', SAMPLE, '--as-of', date, '--history', 'h.jsonl', '--format', 'markdown', '--report', `html:run${i}.html`], { cwd: dir });
      expect([0, 1], r.stderr).toContain(r.code);
      markdown = r.stdout;
    }
  }, 120_000);

  it("appends one line per run: as_of, score, gate and every rule's compliance and counts, as the report has them", () => {
    const lines = readFileSync(join(dir, 'h.jsonl'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(3);
    for (const [i, line] of lines.entries()) {
      const e = JSON.parse(line);
      const rep = reports[i];
      expect(e).toMatchObject({
        schema: 'support-audit/history@1',
        as_of: rep.as_of,
        score: rep.summary.score,
        status: rep.summary.status,
        gate: rep.summary.gate.passed ? 'passed' : 'failed',
      });
      expect(e.rules).toEqual(
        rep.rules.map((r) => ({
          id: r.id,
          status: r.status,
          compliance: r.compliance,
          target: r.target,
          eligible: r.eligible,
          met: r.met,
          breached: r.breached,
          pending: r.pending,
          excluded: r.excluded,
        })),
      );
    }
  });

  it("Markdown shows each rule's compliance over the runs, oldest first, this run last", () => {
    expect(markdown).toContain('### Trend over past runs');
    for (const rule of reports[2].rules) {
      const values = reports.map((rep) => {
        const r = rep.rules.find((x) => x.id === rule.id)!;
        return ['pass', 'warn', 'fail'].includes(r.status) ? pct(r.compliance) : '–';
      });
      expect(markdown).toContain(`| ${rule.id} | ${values.join(' · ')} |`);
    }
  });

  it('HTML shows the trend too; the first run, with nothing before it, shows itself', () => {
    const html = readFileSync(join(dir, 'run2.html'), 'utf8');
    expect(html).toContain('<section class="card" id="history"><h2>Trend over past runs</h2>');
    expect(html).toContain('The last 3 runs');
    expect(readFileSync(join(dir, 'run0.html'), 'utf8')).toContain('The last 1 run,');
  });

  it('without --history the reports are as before (no trend section)', () => {
    const r = runCli(['audit', SAMPLE, '--as-of', DATES[2], '--format', 'markdown']);
    expect(r.stdout).not.toContain('Trend over past runs');
  });

  it('diff --history --against 7d compares the newest run with the one a week before, as diff of their reports does', () => {
    writeFileSync(join(dir, 'b.json'), JSON.stringify(reports[1]));
    writeFileSync(join(dir, 'c.json'), JSON.stringify(reports[2]));
    const byReports = JSON.parse(runCli(['diff', 'b.json', 'c.json', '--format', 'json'], { cwd: dir }).stdout);
    const r = runCli(['diff', '--history', 'h.jsonl', '--against', '7d', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const byHistory = JSON.parse(r.stdout);
    expect(byHistory.runs).toEqual({ history: 'h.jsonl', before_as_of: reports[1].as_of, after_as_of: reports[2].as_of });
    delete byHistory.runs;
    expect(byHistory).toEqual(byReports);
    // A report as the newer side; two weeks back from it is the first run.
    const two = JSON.parse(runCli(['diff', 'c.json', '--history', 'h.jsonl', '--against', '2w', '--format', 'json'], { cwd: dir }).stdout);
    expect(two.runs.before_as_of).toBe(reports[0].as_of);
  });

  it('diff: a span with no run that old, --against without --history, and one report without it are usage errors', () => {
    const far = runCli(['diff', '--history', 'h.jsonl', '--against', '30d'], { cwd: dir });
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/^error: no run in h\.jsonl is 30d or more before /);
    expect(runCli(['diff', 'b.json', 'c.json', '--against', '7d'], { cwd: dir }).stderr).toBe('error: --against needs --history <file>.\n');
    expect(runCli(['diff', 'b.json'], { cwd: dir }).stderr).toBe('error: diff needs two reports (old.json new.json), or --history <file>.\n');
    expect(runCli(['diff', '--history', 'none.jsonl'], { cwd: dir }).stderr).toBe('error: history file none.jsonl not found.\n');
  });
});

describe('audit --history refuses, before reading, what it must not write to', () => {
  const contents = (p: string) => (existsSync(p) ? readFileSync(p) : undefined);

  it('an input, the policy, the baseline or a report of the same run', () => {
    const input = join(dir, 'in.csv');
    writeFileSync(input, readFileSync(SAMPLE));
    const saved = contents(input);
    let r = runCli(['audit', 'in.csv', '--history', 'in.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: refusing to write in.csv: it is the input in.csv (the same file), which the report would overwrite.\n');
    expect(contents(input)).toEqual(saved);
    r = runCli(['audit', 'in.csv', '--history', 'out.json', '--output', 'out.json', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('error: --history out.json is also a report of this run (out.json): give the history a file of its own.\n');
    writeFileSync(join(dir, 'base.json'), JSON.stringify(JSON.parse(runCli(['audit', SAMPLE, '--format', 'json']).stdout)));
    r = runCli(['audit', 'in.csv', '--baseline', 'base.json', '--history', 'base.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to write base.json: it is the input base.json');
    writeFileSync(join(dir, 'p.yaml'), 'name: p\n');
    r = runCli(['audit', 'in.csv', '--policy', 'p.yaml', '--history', 'p.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: refusing to write p.yaml: it is the input p.yaml (the same file), which the report would overwrite.\n');
    expect(readFileSync(join(dir, 'p.yaml'), 'utf8')).toBe('name: p\n');
  });

  it('a FIFO or a descriptor (it is read back)', () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    let r = runCli(['audit', SAMPLE, '--history', fifo], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: --history needs a regular file (it is read back for the trends): ${fifo} is a device or FIFO.\n`);
    r = runCli(['audit', SAMPLE, '--history', '-'], { cwd: dir });
    expect(r.stderr).toBe('error: --history needs a regular file (it is read back for the trends): - is an open descriptor.\n');
  });

  it('a damaged line or a file past the size cap, leaving the file as it was', () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"schema":"support-audit/history@1"\n');
    let r = runCli(['audit', SAMPLE, '--history', 'bad.jsonl'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: history file bad.jsonl, line 1: not a support-audit history entry (not JSON); fix or remove that line.\n');
    expect(readFileSync(bad, 'utf8')).toBe('{"schema":"support-audit/history@1"\n');
    const big = join(dir, 'big.jsonl');
    writeFileSync(big, '');
    truncateSync(big, 16 * 1024 * 1024 + 1);
    r = runCli(['audit', SAMPLE, '--history', 'big.jsonl'], { cwd: dir });
    expect(r.stderr).toBe('error: history file big.jsonl is larger than 16 MB: start a new one (keep the old one for its past runs).\n');
    expect(statSync(big).size).toBe(16 * 1024 * 1024 + 1);
  });

  it('two runs at once each append a whole line', async () => {
    const runs = await Promise.all([0, 1].map(() => cli(['audit', SAMPLE, '--history', 'both.jsonl', '--quiet'], { cwd: dir })));
    for (const r of runs) expect([0, 1], r.stderr).toContain(r.code);
    const lines = readFileSync(join(dir, 'both.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(JSON.parse(l).schema).toBe('support-audit/history@1');
  }, 60_000);

  it('a file without a final newline gets its line on a line of its own', () => {
    const e = readFileSync(join(dir, 'h.jsonl'), 'utf8').split('\n')[0];
    writeFileSync(join(dir, 'nl.jsonl'), e);
    const r = runCli(['audit', SAMPLE, '--history', 'nl.jsonl', '--quiet'], { cwd: dir });
    expect([0, 1], r.stderr).toContain(r.code);
    expect(
      readFileSync(join(dir, 'nl.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).schema),
    ).toEqual(['support-audit/history@1', 'support-audit/history@1']);
  });
});
