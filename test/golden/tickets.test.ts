// Golden tests for phone-wait, promise-updates, after-sales-quality and queue-hygiene.
// Figures worked out by hand (test/fixtures/golden/README.md explains each row).

import { beforeAll, describe, expect, it } from 'vitest';
import { audit, breachList, counts, D, GOLDEN, H, min, ruleOf, S } from './golden.js';
import type { RuleResult } from '../../src/report.js';

describe('phone-wait (callers wait at most 5 minutes; abandons within 5 s are short)', () => {
  let r: RuleResult;
  beforeAll(() => {
    r = ruleOf(audit('phone-wait.csv', '2024-03-04T12:00:00Z'), 'phone-wait');
  });

  it('service level = answered within 5 min ÷ (offered − short abandons)', () => {
    // Offered (judged calls): p01–p06, p09, p11–p16 = 13. Short abandons: p12 (3 s) and p13
    // (exactly 5 s: inclusive). Answered within 5 min: p01 45 s, p02 300 s, p11 0 s = 3.
    // 3 ÷ (13 − 2) = 3/11. Breached: p03 301 s; p04, p09 over the window and gone; p05, p06
    // missed/abandoned without a wait; p14 (6 s), p16 (90 s) abandoned and p15 missed (3 s: a
    // missed call is never a short abandon) within the window: not answered, so not met.
    // p07 not judged; p08 spam; p10 is an email.
    expect(counts(r)).toEqual({ status: 'fail', eligible: 11, met: 3, breached: 8, pending: 0, excluded: 3 });
    expect(r.compliance).toBe(3 / 11);
    expect(r.excluded_reasons).toEqual({ 'short-abandon': 2, 'tag:spam': 1 });
  });

  it('missed/abandoned without a wait breach with no value; with a wait they say it', () => {
    expect(breachList(r)).toEqual([
      ['p09', 10, 'missed after waiting 10m (calendar) > 5m'],
      ['p04', 7, 'abandoned after waiting 7m (calendar) > 5m'],
      ['p03', min(301 * S), 'wait 5m1s (calendar) > 5m'],
      ['p16', 1.5, 'abandoned after waiting 1m30s'],
      ['p14', 0.1, 'abandoned after waiting 6s'],
      ['p15', 0.05, 'missed after waiting 3s'],
      ['p05', null, 'missed'],
      ['p06', null, 'abandoned'],
    ]);
    expect(min(301 * S)).toBe(5.02);
    expect(r.breaches.map((b) => b.code)).toEqual(['missed-after', 'abandoned-after', 'late', 'abandoned', 'abandoned', 'missed', 'missed', 'abandoned']);
  });

  it('percentiles over the recorded waits of the eligible calls', () => {
    // 0, 3 s, 6 s, 45 s, 90 s, 300 s, 301 s, 420 s, 600 s (nine; short abandons are not in it)
    expect(r.p50).toBe(1.5); // rank 4: 90 s
    expect(r.p90).toBe(7.6); // rank 7.2: 420 s + 0.2 × 180 s = 456 s
    expect(r.mean).toBe(min(((0 + 3 + 6 + 45 + 90 + 300 + 301 + 420 + 600) * S) / 9)); // 196.1 s
    expect(r.mean).toBe(3.27);
  });

  it('short_abandon: 0s turns short abandons off: p12 and p13 count as abandoned', () => {
    const none = ruleOf(audit('phone-wait.csv', '2024-03-04T12:00:00Z', `${GOLDEN}policy-no-short-abandon.yaml`), 'phone-wait');
    // 3 ÷ 13 offered.
    expect(counts(none)).toEqual({ status: 'fail', eligible: 13, met: 3, breached: 10, pending: 0, excluded: 1 });
    expect(none.breaches.filter((b) => b.id === 'p12' || b.id === 'p13').map((b) => [b.id, b.reason])).toEqual([
      ['p13', 'abandoned after waiting 5s'],
      ['p12', 'abandoned after waiting 3s'],
    ]);
  });
});

describe('promise-updates (an agent update before a missed due time)', () => {
  // as_of 2024-03-10 12:00; created 2024-03-04 09:00, due 2024-03-06 09:00 unless said otherwise.
  let r: RuleResult;
  beforeAll(() => {
    r = ruleOf(audit('promise-updates.csv', '2024-03-10T12:00:00Z'), 'promise-updates');
  });

  it('only tickets that miss their due time are judged', () => {
    // not judged: u01 solved before due, u02 solved exactly at due, u10 no due time.
    // met: u03 (update before due), u04 (update exactly at due), u08 (open, past due, updated before it)
    // breached: u05 (solved late, no update), u09 (open 36h past due, no update)
    // pending: u07 (due after as_of), u11 (due exactly at as_of)
    // excluded: u06, u13 (only a last update, after due), u14 (duplicate)
    expect(counts(r)).toEqual({ status: 'fail', eligible: 5, met: 3, breached: 2, pending: 2, excluded: 3 });
    expect(r.compliance).toBe(0.6);
    expect(r.excluded_reasons).toEqual({ 'tag:duplicate': 1, 'update-history-unknown': 2 });
  });

  it('breaches name how late the ticket is', () => {
    expect(breachList(r)).toEqual([
      ['u09', 36 * 60, 'no agent update before the due time (36h past due)'],
      ['u05', 24 * 60, 'no agent update before the due time (24h past due)'],
    ]);
  });

  it('p50/p90/mean describe the lateness of the judged tickets', () => {
    // 24h (u03), 24h (u04), 24h (u05), 36h (u09), 48h (u08 at as_of)
    expect(r.p50).toBe(1440);
    expect(r.p90).toBe(min(36 * H + 0.6 * 12 * H)); // rank 3.6: 36h + 0.6 × 12h = 43h12m
    expect(r.mean).toBe(min(((3 * 24 + 36 + 48) * H) / 5)); // 31h12m
  });
});

describe('after-sales-quality (not reopened; repairs within 14 days)', () => {
  // as_of 2024-03-31 12:00; created 2024-03-04 09:00 unless said otherwise.
  let r: RuleResult;
  beforeAll(() => {
    r = ruleOf(audit('after-sales-quality.csv', '2024-03-31T12:00:00Z'), 'after-sales-quality');
  });

  it('counts: reopen rate and repair time; open tickets wait', () => {
    // met a01 (technical, not reopened), a02 (warranty repair, exactly 14 d), a14 (closed, not reopened)
    // breached a03 (repair 14 d 1 s), a04 (reopened twice), a05 (reopened once), a06 (open repair, 27 d 3 h)
    // pending a07 (open, not a repair), a08 (open repair, 11 d), a13 (open repair, exactly 14 d at as_of)
    // excluded a09 (no reopen count), a11 (spam), a12 (closed repair without a resolution time)
    // not judged: a10 (billing, not after-sales)
    expect(counts(r)).toEqual({ status: 'fail', eligible: 7, met: 3, breached: 4, pending: 3, excluded: 3 });
    expect(r.compliance).toBe(3 / 7);
    expect(r.excluded_reasons).toEqual({ 'no-reopen-count': 1, 'no-resolution-time': 1, 'tag:spam': 1 });
    expect(r.unit).toBe('ratio');
  });

  it('breaches: late repairs (in minutes) and reopen counts', () => {
    expect(breachList(r)).toEqual([
      ['a06', 27 * 1440 + 3 * 60, 'repair took 27d3h (calendar) > 14d'],
      ['a03', min(14 * D + S), 'repair took 14d1s (calendar) > 14d'],
      ['a04', 2, 'reopened 2 times'],
      ['a05', 1, 'reopened 1 time'],
    ]);
    expect(min(14 * D + S)).toBe(20160.02);
  });
});

describe('queue-hygiene (open tickets untouched ≤ 3 days, unassigned ≤ 24 hours)', () => {
  // as_of 2024-03-10 12:00
  let r: RuleResult;
  beforeAll(() => {
    r = ruleOf(audit('queue-hygiene.csv', '2024-03-10T12:00:00Z'), 'queue-hygiene');
  });

  it('counts: only new/open tickets are judged, at as_of', () => {
    // met q01 (1 d), q02 (untouched exactly 3 d), q04 (unassigned exactly 24 h), q11
    // breached q03 (untouched 3 d 1 s), q05 (unassigned 24 h 1 s), q09 (no update: 9 d since creation)
    // not judged: q06 pending, q07 on hold, q08 solved; excluded q10 (spam)
    expect(counts(r)).toEqual({ status: 'fail', eligible: 7, met: 4, breached: 3, pending: 0, excluded: 1 });
    expect(r.compliance).toBe(4 / 7);
    expect(r.excluded_reasons).toEqual({ 'tag:spam': 1 });
  });

  it('breaches', () => {
    expect(breachList(r)).toEqual([
      ['q09', 9 * 1440, 'untouched for 9d (calendar) > 3d'],
      ['q03', min(3 * D + S), 'untouched for 3d1s (calendar) > 3d'],
      ['q05', min(24 * H + S), 'unassigned for 24h1s (calendar) > 24h'],
    ]);
  });

  it('p50/p90/mean are how long the open tickets had been untouched (q05: 2 h, not its unassigned time)', () => {
    // 2h (q05), 6h (q11), 1d (q01), 1d (q04), 3d (q02), 3d1s (q03), 9d (q09)
    expect(r.p50).toBe(1440);
    expect(r.p90).toBe(min(3 * D + S + 0.4 * (6 * D - S))); // rank 5.4: 3d1s + 0.4 × (9d − 3d1s)
    expect(r.mean).toBe(min((2 * H + 6 * H + 2 * D + 3 * D + 3 * D + S + 9 * D) / 7)); // 3565.72
  });
});
