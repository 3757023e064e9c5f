import { describe, expect, it } from 'vitest';
import { HOUR, MIN, judge, rule, ticket } from './helpers.js';

// Monday 2024-03-04 (UTC). Peak hours configured: Monday 10:00–12:00 (day 1).
const mon = (h: number) => Date.UTC(2024, 2, 4, h, 0);

describe('peak-friendliness (expectation 5)', () => {
  const base = { measure: 'peak' as const, peak_hours: [{ days: [1], from: 10, to: 12 }], max_csat_gap: 0.1, max_response_ratio: 2 };
  it('judges peak CSAT against the target and compares with off-peak', () => {
    const tickets = [
      // peak: 4 rated, 3 good → 0.75; first responses 10, 30 min → median 20 min
      ticket('p1', { created_at: mon(10), csat: 1, first_response_at: mon(10) + 10 * MIN }),
      ticket('p2', { created_at: mon(10), csat: 1, first_response_at: mon(10) + 30 * MIN }),
      ticket('p3', { created_at: mon(11), csat: 1 }),
      ticket('p4', { created_at: mon(11), csat: 0 }),
      // off-peak: 2 rated, both good → 1.0; first responses 5, 15 min → median 10 min
      ticket('o1', { created_at: mon(8), csat: 1, first_response_at: mon(8) + 5 * MIN }),
      ticket('o2', { created_at: mon(15), csat: 1, first_response_at: mon(15) + 15 * MIN }),
    ];
    // CSAT gap 1.0 − 0.75 = 0.25 > 0.1 → fail, though 0.75 ≥ warn 0.7
    const res = judge(rule(base, { target: 0.8, warn: 0.7 }), tickets, mon(20));
    expect([res.met, res.breached, res.compliance]).toEqual([3, 1, 0.75]);
    expect(res.status).toBe('fail');
    expect(res.note).toContain('gap');
    expect(res.breaches.map((b) => b.id)).toEqual(['p4']);
    // response ratio 20 ÷ 10 = 2 ≤ 2 → no slow-at-peak; with a gap allowance of 0.3 → warn
    const lenient = judge(rule({ ...base, max_csat_gap: 0.3 }, { target: 0.8, warn: 0.7 }), tickets, mon(20));
    expect(lenient.status).toBe('warn');
    const strict = judge(rule({ ...base, max_csat_gap: 0.3, max_response_ratio: 1.5 }, { target: 0.8, warn: 0.7 }), tickets, mon(20));
    expect(strict.status).toBe('fail');
    expect(strict.note).toContain('slower');
  });
  it('picks the 42 busiest hours of the week when none are configured', () => {
    // 3 tickets at Monday 10:00 and one at each of 50 other hours: Monday 10:00 is peak;
    // of the 50 single-ticket hours the 41 earliest are peak too (ties to the earlier hour).
    const tickets = [0, 1, 2].map((i) => ticket(`busy${i}`, { created_at: mon(10), csat: i === 0 ? 0 : 1 }));
    for (let h = 0; h < 50; h++) tickets.push(ticket(`q${h}`, { created_at: Date.UTC(2024, 2, 5, 0, 0) + h * HOUR, csat: 1 }));
    const res = judge(rule({ ...base, peak_hours: [] }, { target: 0.8, warn: 0.7 }), tickets, mon(0) + 7 * 24 * HOUR);
    // peak: 3 busy (2 good) + 41 single good → 43 good of 44 rated
    expect([res.met, res.eligible]).toEqual([43, 44]);
    expect(res.note).toContain('42 busiest hours');
  });
});
