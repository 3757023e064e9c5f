// Progress goes to stderr only when stderr is a terminal (script(1) gives the CLI a pseudo-TTY:
// stdout and stderr are the same terminal there, as in a shell);
// piped or redirected, stderr stays silent so cron mail and CI logs carry only what matters.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './run.js';

const BIN = join(ROOT, 'bin', 'support-audit.js');
let file = '';

beforeAll(() => {
  file = join(mkdtempSync(join(tmpdir(), 'sa-progress-')), 'tickets.csv');
  execFileSync('node', [join(ROOT, 'bench', 'generate.mjs'), '80000', file]);
});

describe('progress on stderr', () => {
  it('shows percent of bytes, rows and rows per second on a terminal, and clears it at the end', () => {
    const out = join(tmpdir(), `sa-progress-${process.pid}.json`);
    const r = spawnSync('script', ['-qec', `node ${BIN} audit ${file} --timezone UTC --format json --output ${out}`, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect([0, 1]).toContain(r.status);
    expect(r.stdout).toMatch(/\rreading .*tickets\.csv: \d+% · [\d,]+ rows · [\d,]+ rows\/s/);
    expect(r.stdout.endsWith('\r\x1b[K')).toBe(true);
  }, 60_000);

  it('erases the progress line before the scorecard is printed on the same terminal', () => {
    const r = spawnSync('script', ['-qec', `node ${BIN} audit ${file} --timezone UTC`, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect([0, 1]).toContain(r.status);
    const at = r.stdout.indexOf('support-audit · policy');
    expect(at).toBeGreaterThan(0);
    const before = r.stdout.slice(0, at);
    expect(before).toMatch(/\rreading /);
    // The last thing before the scorecard's first line is the erasure: no progress text left on it.
    expect(before.endsWith('\r\x1b[K')).toBe(true);
  }, 60_000);

  it('is silent when stderr is not a terminal', () => {
    // --timezone: the data's zone is set, so nothing (not even the assumed-UTC warning) goes to stderr.
    const r = spawnSync('node', [BIN, 'audit', file, '--format', 'json', '--timezone', 'UTC'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).inputs[0].rows).toBe(80_000);
  }, 60_000);
});
