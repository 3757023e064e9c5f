// Golden test for requester-wait (Zendesk's definition: time in New, Open and On-hold until
// solved, from the export's column). Figures worked out by hand (test/fixtures/golden/README.md).

import { beforeAll, describe, expect, it } from 'vitest';
import { audit, breachList, counts, GOLDEN, ruleOf, type GoldenReport } from './golden.js';

const POLICY = `${GOLDEN}policy-requester-wait.yaml`;

describe('requester-wait (24 hours calendar, 8 business hours)', () => {
  let report: GoldenReport;
  beforeAll(() => {
    report = audit('requester-wait.csv', '2024-03-10T00:00:00Z', POLICY);
  });

  it('calendar: solved tickets judged by the column; open ones pending until already over', () => {
    // met w01 600 m, w02 1440 m (exactly 24 h), w08 0; breached w03 1441 m, w05 open but already
    // 2000 m (it can only grow); pending w04 (open, 100 m so far), w07 (pending, no figure yet);
    // excluded w06 (solved, no figure), w09 spam. 3 of 5 = 60 % < 80 % warn: fail.
    const r = ruleOf(report, 'requester-wait');
    expect(counts(r)).toEqual({ status: 'fail', eligible: 5, met: 3, breached: 2, pending: 2, excluded: 2 });
    expect(r.excluded_reasons).toEqual({ 'no-requester-wait': 1, 'tag:spam': 1 });
    expect(breachList(r)).toEqual([
      ['w05', 2000, 'requester wait 33h20m (calendar) > 24h'],
      ['w03', 1441, 'requester wait 24h1m (calendar) > 24h'],
    ]);
    // 0, 600, 1440, 1441, 2000 minutes
    expect([r.p50, r.p90, r.mean]).toEqual([1440, 1776.4, 1096.2]); // p90 rank 3.6: 1441 + 0.6 × 559; mean 5481 / 5
    expect(r.note).toBeUndefined();
  });

  it("business: the export's business-hours column", () => {
    // met w01 300 m, w02 480 m (exactly 8 h), w08 0; breached w03 481 m, w05 500 m (open);
    // pending w04 (open, no business figure) and w07; excluded w06 and w09 (spam, and no
    // business figure: it would have been excluded anyway, so it counts under its tag).
    const r = ruleOf(report, 'requester-wait-business');
    expect(counts(r)).toEqual({ status: 'fail', eligible: 5, met: 3, breached: 2, pending: 2, excluded: 2 });
    expect(breachList(r)).toEqual([
      ['w05', 500, 'requester wait 8h20m (business) > 8h'],
      ['w03', 481, 'requester wait 8h1m (business) > 8h'],
    ]);
  });

  it('an export without the column is no_data naming it (no export carries a status history to compute it from)', () => {
    const r = ruleOf(audit('phone-wait.csv', '2024-03-10T00:00:00Z', POLICY), 'requester-wait');
    expect(r.status).toBe('no_data');
    expect(r.missing).toEqual(['requester_wait_minutes']);
    expect(ruleOf(audit('phone-wait.csv', '2024-03-10T00:00:00Z', POLICY), 'requester-wait-business').missing).toEqual(['requester_wait_business_minutes']);
  });
});
