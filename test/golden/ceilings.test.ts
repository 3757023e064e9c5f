// Golden tests for the share-under-a-ceiling rules: billing-clarity (15 %) and
// premises-complaints (2 %). Compliance = 1 − rate against target = 1 − ceiling; the warn level
// is 1 − 2 × ceiling. Figures worked out by hand.

import { beforeAll, describe, expect, it } from 'vitest';
import { audit, breachList, counts, ruleOf } from './golden.js';
import type { RuleResult } from '../../src/report.js';

describe('billing-clarity (billing disputes and invoice questions under 15 %)', () => {
  let r: RuleResult;
  beforeAll(() => {
    r = ruleOf(audit('billing-clarity.csv', '2024-03-04T12:00:00Z'), 'billing-clarity');
  });

  it('3 of 13 eligible match: rate 23 % over the 15 % ceiling, compliance 10/13 = 76.9 % → warn (≥ 70 %)', () => {
    expect(counts(r)).toEqual({ status: 'warn', eligible: 13, met: 10, breached: 3, pending: 0, excluded: 1 });
    expect(r.ceiling).toBe(0.15);
    expect(r.rate).toBeCloseTo(3 / 13, 12);
    expect(r.compliance).toBeCloseTo(10 / 13, 12);
    expect(r.target).toBeCloseTo(0.85, 12);
    expect(r.warn).toBeCloseTo(0.7, 12);
    expect(r.excluded_reasons).toEqual({ 'tag:spam': 1 }); // b14: a billing type, but spam
  });

  it('matches by type, subject word or tag; "Billable" is not the word "bill"', () => {
    expect(breachList(r)).toEqual([
      ['b01', null, 'counts against the ceiling'], // type Billing inquiry
      ['b02', null, 'counts against the ceiling'], // subject "… my invoice"
      ['b03', null, 'counts against the ceiling'], // tag double-charged
    ]);
    expect(r.breaches.map((b) => b.code)).toEqual(['matched', 'matched', 'matched']);
  });
});

describe('premises-complaints (premises and cleanliness complaints under 2 %)', () => {
  let r: RuleResult;
  beforeAll(() => {
    r = ruleOf(audit('premises-complaints.csv', '2024-03-04T12:00:00Z'), 'premises-complaints');
  });

  it('2 of 11 eligible match: rate 18 % over the 2 % ceiling, compliance 9/11 → fail (< 96 %)', () => {
    expect(counts(r)).toEqual({ status: 'fail', eligible: 11, met: 9, breached: 2, pending: 0, excluded: 1 });
    expect(r.ceiling).toBe(0.02);
    expect(r.rate).toBeCloseTo(2 / 11, 12);
    expect(r.compliance).toBeCloseTo(9 / 11, 12);
    expect(r.target).toBeCloseTo(0.98, 12);
    expect(r.warn).toBeCloseTo(0.96, 12);
    expect(r.excluded_reasons).toEqual({ 'tag:no_sla': 1 }); // h03: premises;no_sla
  });

  it('matches by type and subject word; "Clean install" is not a cleanliness complaint', () => {
    expect(breachList(r)).toEqual([
      ['h01', null, 'counts against the ceiling'], // type Premises
      ['h02', null, 'counts against the ceiling'], // subject "Dirty fitting rooms"
    ]);
  });
});
