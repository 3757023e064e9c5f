// Golden tests for the rating rules: satisfaction (CSAT = good ÷ rated, 4–5 of 5 is good) and
// peak-friendliness (peak-hour CSAT, compared with off-peak; peak hours configured in
// policy.yaml as Mon–Fri 12:00–14:00 UTC). Figures worked out by hand.

import { beforeAll, describe, expect, it } from 'vitest';
import { audit, breachList, counts, ruleOf } from './golden.js';
import type { RuleResult } from '../../src/report.js';

describe('satisfaction (CSAT at least 80 %)', () => {
  let r: RuleResult;
  beforeAll(() => {
    r = ruleOf(audit('satisfaction.csv', '2024-03-04T12:00:00Z'), 'satisfaction');
  });

  it('4 and 5 of 5 (and "Good") are good: 8 good of 10 rated is exactly the target, so pass', () => {
    // good: r01 5, r02 4, r07 5, r08 Good, r11 4, r12 5, r13 4, r14 5; bad: r03 3, r04 1
    expect(counts(r)).toEqual({ status: 'pass', eligible: 10, met: 8, breached: 2, pending: 0, excluded: 1 });
    expect(r.compliance).toBe(0.8);
    expect(r.target).toBe(0.8);
  });

  it('unrated tickets (empty, "Not offered") are outside the sample; a spam-tagged rating is excluded', () => {
    expect(r.excluded_reasons).toEqual({ 'tag:spam': 1 });
    expect(r.eligible + r.excluded).toBe(11); // 13 rows − 2 unrated
  });

  it('bad ratings are breaches with the normalised score', () => {
    // 3 of 5 → (3 − 1) / 4 = 0.5; 1 of 5 → 0
    expect(breachList(r)).toEqual([
      ['r03', 0.5, 'bad rating (50 %)'],
      ['r04', 0, 'bad rating (0 %)'],
    ]);
  });

  it('a ratio rule has no percentiles', () => {
    expect(r.unit).toBe('ratio');
    expect([r.p50, r.p90, r.mean]).toEqual([null, null, null]);
  });
});

describe('peak-friendliness (configured peak hours Mon–Fri 12:00–14:00 UTC)', () => {
  describe('on both limits: CSAT gap exactly 5 points, response ratio exactly 1.5', () => {
    let r: RuleResult;
    beforeAll(() => {
      r = ruleOf(audit('peak-friendliness.csv', '2024-03-10T00:00:00Z'), 'peak-friendliness');
    });

    it('peak CSAT is the compliance: 3 good of 4 rated at peak → 75 %, warn (target 80 %, warn 70 %)', () => {
      // peak: k01 12:00:00 (from is inside), k02, k03 13:59:59, k04 Tue; k05 unrated; k11 spam.
      // off-peak: k06 14:00:00 (to is outside), k07 11:59:59, k08 Saturday, k09, k10; k12 duplicate.
      expect(counts(r)).toEqual({ status: 'warn', eligible: 4, met: 3, breached: 1, pending: 0, excluded: 1 });
      expect(r.compliance).toBe(0.75);
      expect(r.excluded_reasons).toEqual({ 'tag:spam': 1 });
    });

    it('a gap of exactly max_csat_gap and a ratio of exactly max_response_ratio do not fail (limits are inclusive)', () => {
      // off-peak CSAT 4/5 = 80 %, gap 5 points = max_csat_gap.
      // first responses, rated or not: peak 10, 20, 30, 30 (k05), 40 → median 30m;
      // off-peak 10, 20, 20, 20, 30 → median 20m; 30 / 20 = 1.5 = max_response_ratio.
      expect(r.note).toBe("peak: the policy's 10 hours a week (UTC); peak CSAT 75 % vs off-peak 80 %; median first response at peak 30m vs off-peak 20m");
    });

    it('breaches are the bad ratings at peak', () => {
      expect(breachList(r)).toEqual([['k03', 0.25, 'bad rating (25 %)']]);
    });
  });

  describe('slow at peak: unanswered-for-hours unrated tickets count in the response comparison', () => {
    let r: RuleResult;
    beforeAll(() => {
      r = ruleOf(audit('peak-friendliness-slow.csv', '2024-03-10T00:00:00Z'), 'peak-friendliness');
    });

    it('fails although every peak rating is good', () => {
      // peak first responses 10, 10, 20, 2h (m03, unrated), 3h (m04, unrated) → median 20m;
      // off-peak 10, 10, 10 → median 10m; ratio 2 > 1.5.
      expect(counts(r)).toEqual({ status: 'fail', eligible: 3, met: 3, breached: 0, pending: 0, excluded: 0 });
      expect(r.compliance).toBe(1);
      expect(r.note).toBe(
        "peak: the policy's 10 hours a week (UTC); peak CSAT 100 % vs off-peak 100 %; median first response at peak 20m vs off-peak 10m (more than 1.5× slower: fail)",
      );
    });
  });
});
