// Golden test for per-tier targets: a rule with overrides judges each group alone (the tickets of
// each override, and those matching none at the rule's own window and target). Figures worked out
// by hand (test/fixtures/golden/README.md, tiers.csv).

import { beforeAll, describe, expect, it } from 'vitest';
import { audit, counts, GOLDEN, ruleOf, type GoldenReport } from './golden.js';
import type { RuleResult } from '../../src/report.js';

describe('per-tier targets (urgent 95 % in 2 h, high in 4 h, the rest 90 % in 8 h)', () => {
  let report: GoldenReport;
  let r: RuleResult;
  beforeAll(() => {
    report = audit('tiers.csv', '2024-03-06T12:00:00Z', `${GOLDEN}policy-tiers.yaml`);
    r = ruleOf(report, 'email-first-response');
  });

  it('urgent alone is 8 of 10 = 80 % against 95 % (warn 85 %): fail, though the pool would only warn', () => {
    // urgent: u01–u07 at 30 min, u08 exactly 2 h: met; u09 2 h 1 s, u10 3 h: late; u11, u12 open
    // for 1 h at as_of: pending. high: h01–h03 at 4 h: met, but 3 < min_sample 5. The rest:
    // n01–n25 at 1 h, n26 exactly 8 h: met; n27–n30 at 9 h: late. 26 of 30 = 86.7 %: warn.
    expect(r.groups).toEqual([
      {
        when: { priority: ['urgent'] },
        window_minutes: 120,
        target: 0.95,
        warn: 0.85,
        eligible: 10,
        met: 8,
        breached: 2,
        pending: 2,
        compliance: 0.8,
        status: 'fail',
      },
      {
        when: { priority: ['high'] },
        window_minutes: 240,
        target: 0.9,
        warn: 0.8,
        eligible: 3,
        met: 3,
        breached: 0,
        pending: 0,
        compliance: 1,
        status: 'insufficient',
      },
      { base: true, window_minutes: 480, target: 0.9, warn: 0.8, eligible: 30, met: 26, breached: 4, pending: 0, compliance: 26 / 30, status: 'warn' },
    ]);
  });

  it("the rule has its worst judged group's status; its pooled counts stay as they were", () => {
    expect(counts(r)).toEqual({ status: 'fail', eligible: 43, met: 37, breached: 6, pending: 2, excluded: 0 });
    // Pooled target, weighted by eligible: (10 × 95 + 3 × 90 + 30 × 90) / 43 = 91.16 %; the
    // pool (37 / 43 = 86.0 %) would have been a warn.
    expect(r.target).toBeCloseTo(39.2 / 43, 12);
    expect(r.warn).toBeCloseTo(34.9 / 43, 12);
    expect(r.note).toBe("not judged, fewer eligible than the gate's minimum sample of 5: priority high 3");
    expect(report.summary.status).toBe('fail');
  });

  it("the score term is the eligible-weighted mean of the judged groups' min(1, compliance ÷ target)", () => {
    // urgent 0.8 / 0.95 = 0.842105; the rest (26/30) / 0.9 = 0.962963; high not judged.
    // (10 × 0.842105 + 30 × 0.962963) / 40 = 0.932749 → 93.3 (the only rule with data).
    expect(report.summary.score).toBe(93.3);
  });

  it('a group under the minimum sample decides only when every group is under it', () => {
    const small = ruleOf(audit('tiers.csv', '2024-03-06T12:00:00Z', `${GOLDEN}policy-tiers-small.yaml`), 'email-first-response');
    expect(small.groups!.map((g) => g.status)).toEqual(['insufficient', 'insufficient', 'insufficient']);
    expect(small.status).toBe('insufficient');
    expect(small.note).toBe(
      "every group has fewer eligible tickets than the gate's minimum sample of 31 (priority urgent 10, priority high 3, other tickets 30)",
    );
  });

  it('a rule without overrides has no groups (reports without overrides are unchanged)', () => {
    expect(ruleOf(report, 'chat-first-response').groups).toBeUndefined();
  });
});
