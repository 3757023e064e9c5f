// A rule with overrides shows each group as its own line in every format (golden tiers.csv:
// urgent fails, high is too small to judge, the rest warns; see test/golden/tiers.test.ts).

import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';

const ARGS = ['audit', 'test/fixtures/golden/tiers.csv', '--policy', 'test/fixtures/golden/policy-tiers.yaml', '--as-of', '2024-03-06T12:00:00Z', '--no-color'];
// Wide enough for the titles to stand in their column (narrower, they go on lines of their own).
const render = (format: string) => {
  const r = runCli([...ARGS, '--format', format], { env: { COLUMNS: '200' } });
  expect(r.code, r.stderr).toBe(1);
  return r.stdout;
};

describe('groups of a rule with overrides, in every format', () => {
  it('table: a line per group under its rule, with its own mark and figures', () => {
    const lines = render('table').split('\n');
    const at = lines.findIndex((l) => l.includes('email-first-response'));
    expect(lines[at]).toMatch(/^✖ +ch +email-first-response .* 86% \/ 91\.2% +43 /);
    expect(lines[at + 1]).toMatch(/^✖ +↳ priority urgent \(2h\) +80% \/ 95% +10$/);
    expect(lines[at + 2]).toMatch(/^\? +↳ priority high \(4h\) +100% \/ 90% +3$/);
    expect(lines[at + 3]).toMatch(/^! +↳ other tickets \(8h\) +86\.7% \/ 90% +30$/);
    expect(lines[at + 4]).toContain('phone-wait');
  });

  it('table at 80 columns: the title under its rule, then the groups, every line within 80', () => {
    const r = runCli([...ARGS, '--format', 'table'], { env: { COLUMNS: '80' } });
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.includes('email-first-response'));
    expect(lines[at + 1].trim()).toBe('E-mail answered within 2 h (urgent), 4 h (high), else 8 h');
    expect(lines[at + 2]).toMatch(/^✖ +↳ priority urgent \(2h\) +80% \/ 95% +10$/);
    expect(lines.filter((l) => [...l].length > 80)).toEqual([]);
    expect(r.stdout).toContain('↳ a group of a rule with overrides, judged on its own');
  });

  it('markdown: a row per group', () => {
    const md = render('markdown');
    expect(md).toContain('| ✖ fail | ↳ priority urgent (2h) |  | 80% / 95% | 10 |  |  |\n');
    expect(md).toContain('| ? insufficient | ↳ priority high (4h) |  | 100% / 90% | 3 |  |  |\n');
    expect(md).toContain('| ! warn | ↳ other tickets (8h) |  | 86.7% / 90% | 30 |  |  |\n');
  });

  it('JUnit: the failing case names the failing group and lists every group', () => {
    const xml = render('junit');
    expect(xml).toContain('; failing: priority urgent (2h);');
    expect(xml).toContain(
      '\npriority urgent (2h): fail, 80% / 95% (8 of 10 met)\npriority high (4h): insufficient, 100% / 90% (3 of 3 met)\nother tickets (8h): warn, 86.7% / 90% (26 of 30 met)\n',
    );
  });

  it('HTML: a row per group after its rule', () => {
    const html = render('html');
    const rows = [...html.matchAll(/<tr class="group (\w+)">.*?↳ ([^<]+)<\/div>/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([
      ['fail', 'priority urgent (2h)'],
      ['insufficient', 'priority high (4h)'],
      ['warn', 'other tickets (8h)'],
    ]);
    expect(html.indexOf('id="rule-email-first-response"')).toBeLessThan(html.indexOf('<tr class="group fail">'));
  });

  it("GitHub annotation: each group on its own line of the failing rule's message", () => {
    const line = render('github')
      .split('\n')
      .find((l) => l.startsWith('::error'))!;
    expect(line.split('%0A').slice(1, 4)).toEqual([
      'priority urgent (2h): fail, 80%25 / 95%25 (8 of 10 met)',
      'priority high (4h): insufficient, 100%25 / 90%25 (3 of 3 met)',
      'other tickets (8h): warn, 86.7%25 / 90%25 (26 of 30 met)',
    ]);
  });

  it('JSON: `groups` sits after the report@1 keys it adds to, keys in a fixed order', () => {
    const rule = (JSON.parse(render('json')) as { rules: Record<string, unknown>[] }).rules.find((r) => r.id === 'email-first-response')!;
    const keys = Object.keys(rule);
    expect(keys.indexOf('groups')).toBe(keys.indexOf('breaches') - 1);
    const groups = rule.groups as Record<string, unknown>[];
    expect(Object.keys(groups[0])).toEqual(['when', 'window_minutes', 'target', 'warn', 'eligible', 'met', 'breached', 'pending', 'compliance', 'status']);
    expect(Object.keys(groups[2])).toEqual(['base', 'window_minutes', 'target', 'warn', 'eligible', 'met', 'breached', 'pending', 'compliance', 'status']);
  });
});
