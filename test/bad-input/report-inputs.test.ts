// Policy files and saved reports as hostile input: devices that never end (/dev/zero,
// /dev/urandom as --policy, --baseline or a diff input) are refused at a size cap instead of
// growing memory until the process is killed; reports with fields of the wrong type are
// "damaged reports" (exit 2), never an internal error. Device nodes are made with mknod in a
// temporary folder.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, hasStackTrace } from '../cli/run.js';
import { cli, tempDir, type Run } from './helpers.js';

const SAMPLE = join(ROOT, 'fixtures/samples/zendesk-tickets.csv');
let dir = '';
let devices = false;
let good: Record<string, any>;

beforeAll(async () => {
  dir = tempDir('report-inputs');
  devices =
    process.getuid?.() === 0 &&
    spawnSync('mknod', [join(dir, 'zero'), 'c', '1', '5']).status === 0 &&
    spawnSync('mknod', [join(dir, 'urandom'), 'c', '1', '9']).status === 0;
  const run = await cli(['audit', SAMPLE, '--format', 'json']);
  good = JSON.parse(run.stdout);
  writeFileSync(join(dir, 'good.json'), run.stdout);
  // A regular file past the cap, made sparse (no 64 MB written).
  writeFileSync(join(dir, 'huge.json'), '');
  spawnSync('truncate', ['-s', '70M', join(dir, 'huge.json')]);
}, 60_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function oneSentence(run: Run, pattern: RegExp): void {
  expect(run.timedOut, 'the command hung').toBe(false);
  expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
  expect(run.stderr).not.toMatch(/internal error/);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe('endless devices and huge files as policy or report: refused at the size cap, quickly', () => {
  it.concurrent.each([
    ['--policy /dev/zero', (d: string) => ['audit', SAMPLE, '--policy', join(d, 'zero')], /^error: policy file .*zero is larger than 4 MB: expected a policy/],
    ['--policy /dev/urandom', (d: string) => ['policy', 'check', join(d, 'urandom')], /^error: policy file .*urandom is larger than 4 MB/],
    [
      '--baseline /dev/urandom',
      (d: string) => ['audit', SAMPLE, '--baseline', join(d, 'urandom')],
      /^error: cannot read report .*urandom: it is larger than 64 MB, far more than any report\.$/,
    ],
    ['diff /dev/zero', (d: string) => ['diff', join(d, 'zero'), join(d, 'good.json')], /^error: cannot read report .*zero: it is larger than 64 MB/],
  ] as const)('%s', async (_name, args, error, ctx) => {
    if (!devices) return ctx.skip('needs root to make device nodes with mknod');
    const run = await cli(args(dir), { timeoutMs: 20_000 });
    oneSentence(run, error);
  });

  it('a 70 MB report file (sparse) is refused without reading it all', async () => {
    const run = await cli(['diff', join(dir, 'huge.json'), join(dir, 'good.json')], { timeoutMs: 20_000 });
    oneSentence(run, /^error: cannot read report .*huge\.json: it is larger than 64 MB/);
  });
});

describe('reports with fields of the wrong type are damaged reports (exit 2), not internal errors', () => {
  const damage: [name: string, change: (r: any) => void, field: string][] = [
    ['a rule that is a number', (r) => (r.rules[0] = 5), 'rules[0]'],
    ['a compliance that is text', (r) => (r.rules[1].compliance = 'high'), 'rules[1].compliance'],
    ['an unknown status', (r) => (r.rules[2].status = 'great'), 'rules[2].status'],
    ['an id that is a number', (r) => (r.rules[3].id = 7), 'rules[3].id'],
    ['a score that is text', (r) => (r.summary.score = '93'), 'summary.score'],
    ['a summary that is a list', (r) => (r.summary = []), 'summary'],
    ['rules that are a mapping', (r) => (r.rules = { a: 1 }), 'rules'],
    ['an as_of that is not a date', (r) => (r.as_of = 'yesterday'), 'as_of'],
  ];
  for (const command of ['--baseline', 'diff'] as const) {
    it.concurrent.each(damage)(`${command}: %s`, async (name, change, field) => {
      const report = structuredClone(good);
      change(report);
      const file = join(dir, `${command.replace(/-/g, '')}-${name.replace(/\W+/g, '-')}.json`);
      writeFileSync(file, JSON.stringify(report));
      const args = command === 'diff' ? ['diff', file, join(dir, 'good.json')] : ['audit', SAMPLE, '--baseline', file, '--max-regression', '5'];
      const run = await cli(args);
      oneSentence(
        run,
        new RegExp(`^error: .*${name.replace(/\W+/g, '-')}\\.json is a damaged support-audit report: "${field.replace(/[[\]]/g, '\\$&')}" is missing`),
      );
    });
  }

  it('the undamaged report still compares', async () => {
    const run = await cli(['diff', join(dir, 'good.json'), join(dir, 'good.json')]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'good.json'), 'utf8')).toContain('support-audit/report@1');
  });
});
