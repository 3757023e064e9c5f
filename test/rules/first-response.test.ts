import { describe, expect, it } from 'vitest';
import { ALL_FIELDS, DAY, HOUR, SEC, T0, judge, nineToFive, policy, rule, run, ticket } from './helpers.js';

const emailRule = rule({ measure: 'first-response', window: 24 * HOUR }, { id: 'email-first-response' });
const asOf = T0 + 24 * HOUR;

// Nine tickets, as_of = T0 + 24h, window 24h:
//  a  answered after exactly 24h          → met (inclusive window)
//  b  answered after 24h + 1s             → breached `late`
//  c  answered after 1h                   → met
//  d  open, unanswered, created T0        → pending (as_of − created = 24h, not > 24h)
//  e  solved without any agent reply      → excluded `closed-without-reply`
//  f  tagged spam                         → excluded `tag:spam`
//  g  outbound (agent started it)         → excluded `outbound`
//  h  no timestamps, vendor column 30 min → met, from the vendor column
//  i  only a bot answered (assembly leaves no first_response_at, 0 agent replies), open,
//     created T0 − 2d                     → breached `unanswered`, 3d = 4320 min at as_of
const tickets = [
  ticket('a', { first_response_at: T0 + 24 * HOUR }),
  ticket('b', { first_response_at: T0 + 24 * HOUR + SEC }),
  ticket('c', { first_response_at: T0 + HOUR }),
  ticket('d', { status: 'open' }),
  ticket('e', { status: 'solved', solved_at: T0 + HOUR, agent_replies: 0 }),
  ticket('f', { tags: ['spam'], first_response_at: T0 + 99 * HOUR }),
  ticket('g', { outbound: true, first_response_at: T0 + 99 * HOUR }),
  ticket('h', { first_response_minutes: 30 }),
  ticket('i', { created_at: T0 - 2 * DAY, status: 'open', agent_replies: 0 }),
];

describe('first-response', () => {
  const r = judge(emailRule, tickets, asOf);

  it('counts met, breached, pending and excluded as docs/scoring.md says', () => {
    expect([r.met, r.breached, r.pending, r.excluded, r.eligible]).toEqual([3, 2, 1, 3, 5]);
    expect(r.excluded_reasons).toEqual({ 'closed-without-reply': 1, outbound: 1, 'tag:spam': 1 });
    // 3 ÷ 5 = 0.6 < warn 0.8 → fail
    expect(r.compliance).toBe(0.6);
    expect(r.status).toBe('fail');
    expect(r.unit).toBe('minutes');
    expect(r.window_minutes).toBe(1440);
  });

  it('computes percentiles and mean in minutes from the eligible values', () => {
    // values: h 30, c 60, a 1440, b 1440.0167, i 4320 (minutes)
    // p50 = 1440; mean = 437,401,000 ms ÷ 5 = 87,480,200 ms = 1458.003 min → 1458
    // p90: rank 0.9 × 4 = 3.6 → b + 0.6 × (i − b) = 86,401,000 + 103,679,400 ms = 3168.0067 min
    expect(r.p50).toBe(1440);
    expect(r.mean).toBe(1458);
    expect(r.p90).toBe(3168.01);
  });

  it('keeps the worst breaches first with codes and reasons', () => {
    expect(r.breaches.map((b) => [b.id, b.code, b.value])).toEqual([
      ['i', 'unanswered', 4320],
      ['b', 'late', 1440.02],
    ]);
    expect(r.breaches[0].reason).toBe('unanswered for 3d (calendar) > 24h');
    expect(r.breaches[1].reason).toBe('first response 24h1s (calendar) > 24h');
  });

  it('says when a vendor duration column was used', () => {
    expect(r.note).toContain('first_response_minutes');
  });

  it('turns a pending ticket into a breach once as_of passes the window', () => {
    const later = judge(emailRule, [ticket('d', { status: 'open' })], asOf + SEC);
    expect([later.pending, later.breached]).toEqual([0, 1]);
    expect(later.breaches[0].code).toBe('unanswered');
  });

  it('picks the window by priority override and weights the target', () => {
    const withOverride = rule(
      { measure: 'first-response', window: 24 * HOUR },
      { overrides: [{ when: { priority: ['urgent'] }, window: HOUR, target: 0.95 }] },
    );
    // urgent answered in 2h > 1h → breached; normal answered in 2h ≤ 24h → met
    // target = (1 × 0.95 + 1 × 0.9) ÷ 2 = 0.925
    const res = judge(
      withOverride,
      [ticket('u', { priority: 'urgent', first_response_at: T0 + 2 * HOUR }), ticket('n', { priority: 'normal', first_response_at: T0 + 2 * HOUR })],
      asOf,
    );
    expect([res.met, res.breached]).toEqual([1, 1]);
    expect(res.target).toBeCloseTo(0.925, 12);
    expect(res.breaches[0].id).toBe('u');
  });

  it('measures on the business clock and its vendor column', () => {
    const business = rule({ measure: 'first-response', window: 4 * HOUR }, { clock: 'business', schedule: 'office' });
    const mon16 = Date.UTC(2024, 2, 4, 16, 0);
    const res = judge(
      business,
      [
        // 16:00 → next day 10:00: 1h + 1h = 2h of business time (18h calendar) → met
        ticket('x', { created_at: mon16, first_response_at: mon16 + 18 * HOUR }),
        // business minutes column 300 = 5h > 4h → breached
        ticket('y', { first_response_business_minutes: 300 }),
        // only the calendar column: it answered, but not measurable on this clock → excluded
        ticket('z', { first_response_minutes: 10, status: 'solved' }),
      ],
      asOf,
      { clocks: { office: nineToFive } },
    );
    expect([res.met, res.breached]).toEqual([1, 1]);
    expect(res.excluded_reasons).toEqual({ 'no-response-time': 1 });
    expect(res.p50).toBe(210); // (120 + 300) ÷ 2
    expect(res.note).toContain('first_response_business_minutes');
  });

  it('reports no_data naming the missing fields', () => {
    const available = new Set([...ALL_FIELDS].filter((f) => f !== 'first_response_at' && f !== 'first_response_minutes'));
    const res = judge(emailRule, tickets, asOf, {}, available);
    expect(res.status).toBe('no_data');
    expect(res.missing).toEqual(['first_response_at', 'first_response_minutes']);
  });

  it('reports no_data when nothing is eligible, and insufficient below the minimum sample', () => {
    expect(judge(emailRule, [ticket('d', { status: 'open' })], asOf).status).toBe('no_data');
    // a, b, c: 3 eligible < min_sample 5 → insufficient, whatever the compliance
    const p = policy([emailRule], { gate: { min_score: 0, fail_on: 'error', min_sample: 5 } });
    const res = run(p, tickets.slice(0, 3), asOf).rules[0];
    expect(res.status).toBe('insufficient');
    expect(res.eligible).toBe(3);
  });
});
