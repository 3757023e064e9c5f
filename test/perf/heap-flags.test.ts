import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../cli/run.js';

// The command sizes V8's heap for a stream of short-lived rows (src/heap-flags.ts): the young
// generation keeps its first size, 1 MB semi-spaces, instead of growing to 16 MB. V8 puts the
// growth factor back whenever a worker's isolate is made, so the pool sets it again once the
// worker is up: without that, the main thread's young generation grew to 32 MB. Checked on the
// real command with a hook that samples the main thread's young generation while it runs.

const dir = mkdtempSync(join(tmpdir(), 'sa-heap-'));
const file = join(dir, 'zendesk-20k.csv');
const hook = join(dir, 'young.mjs');

beforeAll(() => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench/generate.mjs'), '20000', file]);
  expect(r.status).toBe(0);
  writeFileSync(
    hook,
    `import v8 from 'node:v8';
import { isMainThread } from 'node:worker_threads';
if (isMainThread) {
  let max = 0;
  const sample = () => (max = Math.max(max, v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size));
  setInterval(sample, 2).unref();
  process.on('exit', () => { sample(); process.stderr.write('young generation max ' + max + '\\n'); });
}
`,
  );
});

function youngMax(jobs: number, bin = BIN): number {
  const r = spawnSync(process.execPath, ['--import', hook, bin, 'audit', file, '--jobs', String(jobs), '-o', join(dir, 'out.txt')], {
    env: { ...process.env, SUPPORT_AUDIT_MIN_RANGE_BYTES: String(256 * 1024) },
    encoding: 'utf8',
  });
  const m = /young generation max (\d+)/.exec(r.stderr);
  expect(m, r.stderr).not.toBeNull();
  return Number(m![1]);
}

describe('heap sizing', () => {
  it('the young generation stays small on one thread and with workers', () => {
    expect(youngMax(1)).toBeLessThanOrEqual(4 * 1024 * 1024);
    // Between a worker's start (when V8 resets the flag) and its 'online' event (when the pool
    // sets it again) the main thread may grow it once or twice, more so on a loaded machine.
    expect(youngMax(2)).toBeLessThanOrEqual(16 * 1024 * 1024);
  });

  it("without the command's flags it grows (the case guarded against)", () => {
    const plain = join(dir, 'plain.mjs');
    writeFileSync(plain, `const { main } = await import(${JSON.stringify(join(ROOT, 'dist/cli.js'))});\nmain(process.argv);\n`);
    expect(youngMax(2, plain)).toBeGreaterThan(8 * 1024 * 1024);
  });
});
