import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline, diffReports, readReport, regressions, renderDiff } from '../../src/compare.js';
import { InputError } from '../../src/errors.js';
import type { Report, RuleResult, RuleStatus } from '../../src/report.js';
import { sampleReport } from './fixture.js';

function withRules(rules: [string, RuleStatus, number | null][], score: number | null): Report {
  const report = sampleReport();
  const template = report.rules[0];
  report.rules = rules.map(([id, status, compliance]): RuleResult => ({ ...template, id, status, compliance, delta: undefined }));
  delete report.baseline;
  report.summary.score = score;
  return report;
}

describe('applyBaseline', () => {
  it('sets deltas in compliance points, null where either side has no data', () => {
    const before = withRules(
      [
        ['a', 'pass', 0.95],
        ['b', 'fail', 0.5],
        ['c', 'no_data', null],
        ['d', 'insufficient', 0.5],
        ['gone', 'pass', 1],
      ],
      90.1,
    );
    const now = withRules(
      [
        ['a', 'warn', 0.8825],
        ['b', 'pass', 0.9],
        ['c', 'pass', 0.9],
        ['d', 'pass', 0.9],
        ['new', 'pass', 1],
      ],
      85,
    );
    applyBaseline(now, before, 'old.json');
    // a: (0.8825 − 0.95) × 100 = −6.75; b: (0.9 − 0.5) × 100 = +40; c, d: a side without data; new: no baseline rule.
    expect(now.rules.map((r) => r.delta)).toEqual([-6.75, 40, null, null, null]);
    expect(now.baseline).toEqual({ path: 'old.json', as_of: before.as_of, score: 90.1 });
  });
});

describe('regressions', () => {
  it('lists rules that lost strictly more than the allowed points', () => {
    const now = withRules(
      [
        ['a', 'pass', 0],
        ['b', 'pass', 0],
        ['c', 'pass', 0],
        ['d', 'pass', 0],
      ],
      50,
    );
    [-6.75, -5, 3, null].forEach((d, i) => (now.rules[i].delta = d));
    expect(regressions(now, 5)).toEqual(['a']); // −5 is not below −5
    expect(regressions(now, 0)).toEqual(['a', 'b']);
  });
});

describe('diffReports / renderDiff', () => {
  const before = withRules(
    [
      ['a', 'pass', 0.95],
      ['old', 'fail', 0.4],
    ],
    80.2,
  );
  const after = withRules(
    [
      ['a', 'warn', 0.85],
      ['new', 'no_data', null],
    ],
    78.9,
  );
  const diff = diffReports(before, after);
  it('pairs rules by id, newer order first, and rounds the score change to a tenth', () => {
    expect(diff.score).toEqual({ before: 80.2, after: 78.9, delta: -1.3 });
    expect(diff.rules.map((r) => [r.id, r.before?.status ?? null, r.after?.status ?? null, r.delta])).toEqual([
      ['a', 'pass', 'warn', -10],
      ['new', null, 'no_data', null],
      ['old', 'fail', null, null],
    ]);
  });
  it('renders as table (no colour codes when off), markdown and json', () => {
    const table = renderDiff(diff, 'table', { color: false, showBreaches: 0 });
    expect(table).not.toMatch(/\u001b/);
    expect(table).toContain('Score 80.2 → 78.9 (−1.3)');
    expect(renderDiff(diff, 'table', { color: true, showBreaches: 0 })).toMatch(/\u001b\[31m−10\.0/);
    expect(renderDiff(diff, 'markdown', { color: false, showBreaches: 0 })).toContain('| a | ✔ 95% | ! 85% | −10.0 |');
    expect(JSON.parse(renderDiff(diff, 'json', { color: false, showBreaches: 0 }))).toEqual(diff);
  });
});

describe('readReport', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sa-compare-'));
  const write = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  it('reads a saved report', async () => {
    const p = write('ok.json', JSON.stringify(sampleReport()));
    expect((await readReport(p)).summary.score).toBe(92.4);
  });
  it('rejects missing files, non-JSON, other schemas and damaged reports with an InputError', async () => {
    const cases: [string, RegExp][] = [
      [join(dir, 'missing.json'), /cannot read report .*missing\.json: no such file\./],
      [write('text.json', 'id,subject\n1,x'), /is not a JSON report/],
      [write('other.json', '{"schema":"other@2"}'), /expected schema "support-audit\/report@1", found schema "other@2"/],
      [write('none.json', '[]'), /found no "schema" key/],
      [write('damaged.json', '{"schema":"support-audit/report@1"}'), /damaged support-audit report/],
    ];
    for (const [path, message] of cases) {
      let caught: unknown;
      try {
        await readReport(path);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(InputError);
      expect((caught as Error).message).toMatch(message);
    }
  });
});
