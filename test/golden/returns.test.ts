// Golden tests for expectation 8: returns-approval (requests within 30 days approved, answered
// within 48 hours) and refund-speed (approved returns refunded within 14 days). By hand.

import { beforeAll, describe, expect, it } from 'vitest';
import { audit, breachList, counts, D, min, ruleOf, S } from './golden.js';
import type { RuleResult } from '../../src/report.js';

describe('returns-approval (30-day return window, 48-hour answer window)', () => {
  // as_of 2024-03-20 12:00
  let r: RuleResult;
  beforeAll(() => {
    r = ruleOf(audit('returns-approval.csv', '2024-03-20T12:00:00Z'), 'returns-approval');
  });

  it('counts: a request exactly 30 days after the order is judged, 30 d 1 s is not', () => {
    // met w01, w09 (approved); breached w02 (rejected, request at exactly 30 d), w05, w10 (rejected)
    // pending w04 (undecided, exactly 48 h at as_of); not judged w03 (30 d 1 s), w07 (no request)
    // excluded w06 (no order date), w08 (no_sla)
    expect(counts(r)).toEqual({ status: 'fail', eligible: 5, met: 2, breached: 3, pending: 1, excluded: 2 });
    expect(r.compliance).toBe(0.4);
    expect(r.excluded_reasons).toEqual({ 'no-order-date': 1, 'tag:no_sla': 1 });
  });

  it('breaches: rejected, and undecided past 48 h', () => {
    expect(breachList(r)).toEqual([
      ['w05', min(2 * D + S), 'unanswered for 2d1s (calendar) > 2d'],
      ['w02', null, 'return rejected'],
      ['w10', null, 'return rejected'],
    ]);
  });
});

describe('refund-speed (approved returns refunded within 14 days)', () => {
  // as_of 2024-03-31 12:00
  let r: RuleResult;
  beforeAll(() => {
    r = ruleOf(audit('refund-speed.csv', '2024-03-31T12:00:00Z'), 'refund-speed');
  });

  it('counts: only approved returns; 14 d meets, 14 d 1 s breaches, refunded or not', () => {
    // met f01 (4 d), f02 (14 d); breached f03 (14 d 1 s), f05 (unrefunded 14 d 1 s), f10 (20 d)
    // pending f04 (unrefunded, exactly 14 d at as_of), f11 (6 d); excluded f08 (duplicate)
    // not judged: f06 rejected, f07 undecided, f09 no return
    expect(counts(r)).toEqual({ status: 'fail', eligible: 5, met: 2, breached: 3, pending: 2, excluded: 1 });
    expect(r.compliance).toBe(0.4);
    expect(r.excluded_reasons).toEqual({ 'tag:duplicate': 1 });
  });

  it('breaches', () => {
    expect(breachList(r)).toEqual([
      ['f10', 20 * 1440, 'refund 20d (calendar) > 14d'],
      ['f03', min(14 * D + S), 'refund 14d1s (calendar) > 14d'],
      ['f05', min(14 * D + S), 'not refunded after 14d1s (calendar) > 14d'],
    ]);
  });

  it('percentiles', () => {
    // 4d, 14d, 14d1s, 14d1s, 20d
    expect(r.p50).toBe(min(14 * D + S)); // 20160.02
    expect(r.p90).toBe(min(14 * D + S + 0.6 * (6 * D - S))); // 25344.01
    expect(r.mean).toBe(min((4 * D + 14 * D + 2 * (14 * D + S) + 20 * D) / 5)); // 19008.01
  });
});
