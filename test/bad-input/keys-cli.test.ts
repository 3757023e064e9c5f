// Every Object.prototype property name as data (keys.test.ts), through the real command: one
// pass and parallel byte ranges give the same report, and no agent or team is dropped.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, report as reportOf, tempDir } from './helpers.js';
import { NAMES, csv, policyYaml } from './prototype-names.js';

let dir = '';
beforeAll(() => {
  dir = tempDir('keys-cli');
  writeFileSync(join(dir, 'names.csv'), csv());
  writeFileSync(join(dir, 'policy.yaml'), policyYaml());
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('every Object.prototype property name as data, through the command', () => {
  it('the real command, one pass and parallel byte ranges: the same report', async () => {
    const args = ['audit', 'names.csv', '--policy', 'policy.yaml', '--by', 'agent,team,channel', '--format', 'json', '--show-breaches', '100'];
    const env = { SUPPORT_AUDIT_MIN_RANGE_BYTES: '256' };
    const one = await cli([...args, '--jobs', '1'], { cwd: dir, env });
    const many = await cli([...args, '--jobs', '3'], { cwd: dir, env });
    expect(one.code, one.stderr).toBe(1);
    expect(many.stdout).toBe(one.stdout);
    const fromCli = reportOf(one);
    expect(fromCli.breakdowns.agent!.map((r) => r.key).sort()).toEqual([...NAMES].sort());
  });

  it('with the built-in policy too (no schedules of those names): no agent or team dropped', async () => {
    const run = await cli(['audit', 'names.csv', '--by', 'agent,team', '--format', 'json'], { cwd: dir });
    const r = reportOf(run);
    for (const dim of ['agent', 'team'] as const) expect(r.breakdowns[dim]!.map((x) => x.key).sort()).toEqual([...NAMES].sort());
  });
});
