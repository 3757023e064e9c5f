// Which policy (docs/policy.md): the reports name the policy file used, or the built-in default
// and where no file was found (policy-names.test.ts: rule titles follow the effective numbers).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report.js';
import { ROOT, runCli } from '../cli/run.js';

const SAMPLE = join(ROOT, 'fixtures/samples/zendesk-tickets.csv');

describe('the policy in the reports', () => {
  it('a policy file is named by its path; the built-in one as the built-in default, with where no file was found', () => {
    const withFile = runCli(['audit', SAMPLE, '--policy', 'fixtures/policy/minimal.yaml']);
    expect(withFile.stdout.split('\n')[0]).toMatch(/^support-audit · policy .+ \(fixtures\/policy\/minimal\.yaml\) · as of /);
    const repo = mkdtempSync(join(tmpdir(), 'sa-repo-'));
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'exports', 'march'), { recursive: true });
    const sub = join(repo, 'exports', 'march');
    // Wide enough that the long temporary paths stay on one line (the scorecard wraps at its width).
    const r = runCli(['audit', SAMPLE], { cwd: sub, env: { COLUMNS: '400' } });
    const [head, note] = r.stdout.split('\n');
    expect(head).toMatch(/^support-audit · policy Baseline service standards \(built-in default\) · as of /);
    expect(note).toBe(`  built-in policy: no support-audit.policy.yaml in ${sub} or above it up to the repository root ${repo}`);
    const json = JSON.parse(runCli(['audit', SAMPLE, '--format', 'json'], { cwd: sub }).stdout) as Report;
    expect(json.policy).toMatchObject({ name: 'Baseline service standards', source: 'built-in', timezone: 'UTC' });
    const md = runCli(['audit', SAMPLE, '--format', 'markdown'], { cwd: sub }).stdout;
    expect(md).toContain('Policy **Baseline service standards** (built-in default), as of 2024-03-17 09:00 UTC;');
  });
});
