// The table scorecard's width: a terminal's own (script(1) gives the command a pseudo-terminal
// whose width stty sets), else COLUMNS, else 100. Titles are never dropped: with room they stand
// in their column, without it on lines of their own.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from './run.js';

const SAMPLE = 'fixtures/samples/support-desk.csv';
const ARGS = ['audit', SAMPLE, '--by', 'agent,channel', '--show-breaches', '3'];
const wider = (out: string, width: number) => out.split('\n').filter((l) => [...l].length > width);
const env = (extra: Record<string, string | undefined>) => {
  const e: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...extra })) if (v !== undefined) e[k] = v;
  return e;
};

describe('scorecard width', () => {
  it('fits an 80-column terminal, whatever COLUMNS says', () => {
    const r = spawnSync('script', ['-qec', `stty cols 80 rows 50; ${process.execPath} ${BIN} ${ARGS.join(' ')}`, '/dev/null'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: env({ COLUMNS: '200' }),
      maxBuffer: 16 << 20,
    });
    const out = r.stdout.replace(/\r\n/g, '\n');
    expect(out).toContain('phone-wait');
    expect(wider(out, 80)).toEqual([]);
    // The title on its own line under its rule; the legend and the verdict there.
    expect(out).toMatch(/chat-first-response .*\n +Live chat answered within 3 minutes\n/);
    expect(out).toContain('? too few tickets to judge');
    expect(out).toContain('phone-wait failed: 73.5 % against 90 %');
  }, 60_000);

  it('follows COLUMNS without a terminal, 100 when it is not set, and keeps the titles', () => {
    const at = (columns: string | undefined) =>
      spawnSync(process.execPath, [BIN, ...ARGS], { cwd: ROOT, encoding: 'utf8', env: env({ COLUMNS: columns }) }).stdout;
    const unset = at(undefined);
    expect(wider(unset, 100)).toEqual([]);
    expect(wider(unset, 90).length).toBeGreaterThan(0);
    const wide = at('160');
    expect(wider(wide, 160)).toEqual([]);
    expect(wide).toMatch(/chat-first-response +Live chat answered within 3 minutes +88\.7% \/ 90%/);
    const narrow = at('80');
    expect(wider(narrow, 80)).toEqual([]);
    expect(narrow).toContain('Live chat answered within 3 minutes');
  }, 60_000);

  it('leaves the legend out with --quiet (a failing gate still prints the scorecard)', () => {
    const loud = runCli(['audit', SAMPLE]);
    const quiet = runCli(['audit', SAMPLE, '--quiet']);
    expect(quiet.code).toBe(1);
    expect(loud.stdout).toContain('✔ pass  ! warn  ✖ fail');
    expect(quiet.stdout).toContain('phone-wait');
    expect(quiet.stdout).not.toContain('✔ pass  ! warn  ✖ fail');
    expect(quiet.stdout).not.toContain('trend: compliance by week');
  }, 60_000);
});
