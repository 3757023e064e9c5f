// Which policy, which rules (docs/policy.md): the reports name the policy file used, or the
// built-in default and where no file was found; rule titles follow the rule's effective numbers.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPolicy } from '../../src/policy/default.js';
import { DEFAULT_DOCUMENT } from '../../src/policy/default-document.js';
import { parsePolicy } from '../../src/policy/load.js';
import { builtinTitle, durationWords } from '../../src/policy/titles.js';
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

describe('titles follow the effective rule', () => {
  it('each built-in title is its template at the built-in numbers', () => {
    for (const r of builtinPolicy().rules) {
      const made = builtinTitle(r);
      if (made !== undefined) expect(made, r.id).toBe(r.title);
    }
    expect(DEFAULT_DOCUMENT.rules.filter((r) => builtinTitle(builtinPolicy().rules.find((b) => b.id === r.id)!) !== undefined)).toHaveLength(9);
  });

  it('a changed window, clock or target without a title of its own retitles the rule; a title given is kept', () => {
    const p = parsePolicy(
      `schedules: { bh: { mon: ["09:00-17:00"] } }
rules:
  - { id: email-first-response, window: 8h, clock: business }
  - { id: satisfaction, target: 85% }
  - { id: complaint-response, window: 5d }
  - { id: refund-speed, window: 10d, title: Refunds within ten days }`,
      'p.yaml',
    );
    const title = (id: string) => p.rules.find((r) => r.id === id)!.title;
    expect(title('email-first-response')).toBe('Email and web form answered within 8 hours of business time');
    expect(title('satisfaction')).toBe('Customers are satisfied (CSAT at least 85%)');
    expect(title('complaint-response')).toBe('Complaints answered within 5 days');
    expect(title('refund-speed')).toBe('Refunds within ten days');
    expect(title('chat-first-response')).toBe('Live chat answered within 3 minutes');
  });

  it('durations in words', () => {
    expect([3 * 60_000, 3_600_000, 90 * 60_000, 86_400_000, 2 * 86_400_000, 3 * 86_400_000, 7 * 86_400_000, 30 * 86_400_000].map(durationWords)).toEqual([
      '3 minutes', '1 hour', '1 hour 30 minutes', '24 hours', '48 hours', '3 days', 'one week', '30 days',
    ]);
  });
});
