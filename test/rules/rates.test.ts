import { describe, expect, it } from 'vitest';
import { ALL_FIELDS, DAY, T0, judge, rule, ticket } from './helpers.js';

const asOf = T0 + DAY;

describe('csat (satisfaction)', () => {
  const r = rule({ measure: 'csat' }, { id: 'satisfaction', target: 0.8, warn: 0.7 });
  it('is good ÷ rated: csat_good first, else a score ≥ 0.75 (4 of 5)', () => {
    const res = judge(
      r,
      [
        ticket('g1', { csat: 1, csat_good: true }),
        ticket('g2', { csat: 0.75 }), // 4 of 5 → good
        ticket('g3', { csat: 1 }),
        ticket('b1', { csat: 0.5 }), // 3 of 5 → bad
        ticket('u', {}), // unrated: not in the sample
      ],
      asOf,
    );
    // 3 ÷ 4 = 0.75: below target 0.8, at least warn 0.7 → warn
    expect([res.met, res.breached, res.eligible]).toEqual([3, 1, 4]);
    expect(res.compliance).toBe(0.75);
    expect(res.status).toBe('warn');
    expect(res.breaches[0]).toMatchObject({ id: 'b1', code: 'bad-rating', value: 0.5 });
    expect(res.p50).toBeNull();
  });
});

describe('nps', () => {
  it('reports the promoters share as compliance and the NPS in the note', () => {
    // promoters 10, 9; passive 8; detractors 6, 0 → compliance 2 ÷ 5 = 0.4; NPS = (2 − 2) ÷ 5 = 0
    const res = judge(
      rule({ measure: 'nps' }),
      [10, 9, 8, 6, 0].map((n, i) => ticket(`n${i}`, { nps: n })),
      asOf,
    );
    expect(res.compliance).toBe(0.4);
    expect(res.breaches.map((b) => b.code).sort()).toEqual(['detractor', 'detractor', 'passive']);
    expect(res.note).toContain('NPS 0');
  });
});

describe('reopen-rate', () => {
  it('is the share of solved tickets never reopened, against 1 − ceiling', () => {
    const r = rule({ measure: 'reopen-rate', ceiling: 0.1 });
    const res = judge(
      r,
      [
        ...Array.from({ length: 8 }, (_, i) => ticket(`ok${i}`, { status: 'solved', reopens: 0 })),
        ticket('re', { status: 'solved', reopens: 2 }),
        ticket('reopen-now-open', { status: 'open', reopens: 1 }),
        ticket('open', { status: 'open', reopens: 0 }), // not solved yet: pending
      ],
      asOf,
    );
    // 8 met of 10 → compliance 0.8, rate 0.2, target 0.9 → below warn 0.8? equal → warn
    expect([res.met, res.breached, res.pending]).toEqual([8, 2, 1]);
    expect(res.target).toBe(0.9);
    expect(res.rate).toBe(0.2);
    expect(res.ceiling).toBe(0.1);
    expect(res.status).toBe('warn');
    expect(res.breaches[0]).toMatchObject({ id: 're', code: 'reopened', value: 2 });
    expect(res.breaches[0].reason).toBe('reopened 2 times');
  });
});

describe('a share exactly at its ceiling', () => {
  it('passes, whatever the floating-point form of 1 − ceiling (18 %: 41 of 50 is 0.82)', () => {
    const r = rule({ measure: 'share', match: { tags: { any: ['billing'] } }, ceiling: 0.18 }, { warn: 0.64 });
    const tickets = Array.from({ length: 50 }, (_, i) => ticket(`t${i}`, { tags: i < 9 ? ['billing'] : [] }));
    const res = judge(r, tickets, asOf);
    expect([res.met, res.breached, res.rate]).toEqual([41, 9, 0.18]);
    expect(res.target).toBe(0.82);
    expect(res.status).toBe('pass');
  });
});

describe('one-touch', () => {
  it('meets when a solved ticket needed at most one agent reply', () => {
    const res = judge(
      rule({ measure: 'one-touch' }),
      [
        ticket('one', { status: 'solved', agent_replies: 1 }),
        ticket('zero', { status: 'closed', agent_replies: 0 }),
        ticket('three', { status: 'solved', agent_replies: 3 }),
        ticket('open', { status: 'open', agent_replies: 5 }),
      ],
      asOf,
    );
    expect([res.met, res.breached, res.pending]).toEqual([2, 1, 1]);
    expect(res.breaches[0].code).toBe('multi-touch');
  });
});

describe('missed-rate', () => {
  it('counts missed and abandoned chats against the ceiling', () => {
    const r = rule({ measure: 'missed-rate', ceiling: 0.05 }, { warn: 0.5 });
    const res = judge(r, [ticket('a', { missed: false }), ticket('b', {}), ticket('m', { missed: true }), ticket('x', { abandoned: true })], asOf);
    // 2 of 4 answered: compliance 0.5, rate 0.5; target 0.95, warn min(0.5, 0.95) = 0.5 → warn
    expect([res.met, res.breached, res.rate, res.target, res.status]).toEqual([2, 2, 0.5, 0.95, 'warn']);
  });
  it('needs either the missed or the abandoned column', () => {
    const available = new Set([...ALL_FIELDS].filter((f) => f !== 'missed' && f !== 'abandoned'));
    const res = judge(rule({ measure: 'missed-rate', ceiling: 0.05 }), [ticket('a')], asOf, {}, available);
    expect(res.missing).toEqual(['missed', 'abandoned']);
  });
});

describe('share (billing clarity)', () => {
  it('is 1 − the share matching the filter', () => {
    const r = rule(
      { measure: 'share', ceiling: 0.25, match: { type: ['billing*'], tags: { any: ['invoice'] }, match: 'any' } },
      { id: 'billing-clarity', warn: 0.5 },
    );
    const res = judge(
      r,
      [
        ticket('t1', { type: 'Billing dispute' }),
        ticket('t2', { tags: ['invoice'] }),
        ticket('t3', { type: 'question' }),
        ticket('t4', {}),
        ticket('t5', { tags: ['spam'], type: 'billing' }), // excluded, not counted
      ],
      asOf,
    );
    // 2 of 4 match → rate 0.5 > ceiling 0.25; compliance 0.5 ≥ warn 0.5 → warn
    expect([res.eligible, res.breached, res.rate, res.target, res.status]).toEqual([4, 2, 0.5, 0.75, 'warn']);
    expect(res.excluded_reasons).toEqual({ 'tag:spam': 1 });
  });
  it('names the filter fields the inputs lack', () => {
    const r = rule({ measure: 'share', ceiling: 0.25, match: { type: ['billing*'], subject: ['invoice'], match: 'any' } });
    const available = new Set([...ALL_FIELDS].filter((f) => f !== 'type' && f !== 'subject'));
    expect(judge(r, [ticket('a')], asOf, {}, available).missing).toEqual(['type', 'subject']);
  });
});
