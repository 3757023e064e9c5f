import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './run.js';

// The command sets V8 flags at run time (src/heap-flags.ts), on the main thread and again once
// its workers are up. A flag another Node release does not know, or takes differently, prints a
// V8 error on stderr or changes what the command does. So the command runs on each supported
// major (the npm registry's `node` package of that major, through npx) on the sample, one thread
// and with workers: nothing on stderr, the same exit code and the same JSON report as under the
// Node running the tests. Without the registry (offline) each case skips and says why.

const MAJORS = ['20', '22', '24'];
const SAMPLE = join(ROOT, 'fixtures/samples/zendesk-tickets.csv');
const dir = mkdtempSync(join(tmpdir(), 'sa-node-releases-'));
// Ranges of 4 kB: the sample (14 kB) is split between workers with --jobs 2.
// FORCE_COLOR is left out: Node 22 and later warn when it is set beside NO_COLOR.
const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', SUPPORT_AUDIT_MIN_RANGE_BYTES: String(4 * 1024) };
delete env.FORCE_COLOR;
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function audit(node: string[], jobs: number, out: string) {
  const args = [...node, BIN, 'audit', SAMPLE, '--no-color', '--timezone', 'UTC', '--jobs', String(jobs), '--format', 'json', '-o', out];
  return spawnSync(args[0], args.slice(1), { cwd: ROOT, env, encoding: 'utf8', timeout: 240_000 });
}

describe('the command on each supported Node release', () => {
  const here = join(dir, 'here.json');
  const expected = audit([process.execPath], 1, here);

  it('runs silently under the Node running the tests (the reference)', () => {
    expect(expected.stderr).toBe('');
    expect(expected.status).toBe(1);
  });

  for (const major of MAJORS) {
    it(`runs silently on Node ${major}, one thread and with workers`, (ctx) => {
      const version = spawnSync(NPX, ['-y', `node@${major}`, '--version'], { env, encoding: 'utf8', timeout: 240_000 });
      if (version.status !== 0 || !version.stdout.startsWith(`v${major}.`)) {
        ctx.skip(`node@${major} could not be fetched from the npm registry (${(version.stderr || String(version.error ?? '')).trim().split('\n')[0]})`);
      }
      for (const jobs of [1, 2]) {
        const out = join(dir, `node${major}-jobs${jobs}.json`);
        const r = audit([NPX, '-y', `node@${major}`], jobs, out);
        expect(r.stderr, `Node ${major}, --jobs ${jobs}`).toBe('');
        expect(r.status).toBe(expected.status);
        expect(readFileSync(out, 'utf8')).toBe(readFileSync(here, 'utf8'));
      }
    }, 600_000);
  }
});
