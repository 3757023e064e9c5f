import { describe, expect, it } from 'vitest';
import { ALL_FIELDS, DAY, HOUR, MIN, SEC, T0, judge, rule, ticket } from './helpers.js';

describe('phone-wait', () => {
  const r = rule({ measure: 'phone-wait', window: 5 * MIN }, { id: 'phone-wait' });
  it('judges wait_seconds inclusively; a missed call without a wait is breached', () => {
    // 300 s = 5 min → met; 301 s → breached; missed without wait → breached `missed`;
    // a call with no wait and no flag → not judged. 1 of 3 → 0.333.
    const res = judge(
      r,
      [
        ticket('on', { channel: 'phone', wait_seconds: 300 }),
        ticket('over', { channel: 'phone', wait_seconds: 301 }),
        ticket('miss', { channel: 'phone', missed: true }),
        ticket('none', { channel: 'phone' }),
      ],
      T0 + DAY,
    );
    expect([res.met, res.breached, res.eligible]).toEqual([1, 2, 3]);
    expect(res.breaches.map((b) => [b.id, b.code])).toEqual([
      ['over', 'late'],
      ['miss', 'missed'],
    ]);
    expect(res.breaches[0].value).toBe(5.02); // 301 s = 5.0167 min
    expect(res.p50).toBe(5.01); // (300 + 301) ÷ 2 s = 300.5 s = 5.0083 min
  });
  it('is no_data without wait_seconds', () => {
    const available = new Set([...ALL_FIELDS].filter((f) => f !== 'wait_seconds'));
    expect(judge(r, [ticket('a', { wait_seconds: 1 })], T0, {}, available)).toMatchObject({ status: 'no_data', missing: ['wait_seconds'] });
  });
});

describe('next-reply', () => {
  const r = rule({ measure: 'next-reply', window: HOUR });
  it('takes the slowest answered wait; an open unanswered message waits for as_of', () => {
    const res = judge(
      r,
      [
        // waits 10 min and 60 min → worst 60 min ≤ 60 → met
        ticket('ok', { status: 'solved', reply_pairs: [T0, T0 + 10 * MIN, T0 + HOUR, T0 + 2 * HOUR] }),
        // waits 61 min → breached
        ticket('slow', { status: 'solved', reply_pairs: [T0, T0 + 61 * MIN] }),
        // open, last message unanswered since T0 + 1h; as_of T0 + 3h → 2h > 1h → breached `unanswered`
        ticket('open', { status: 'open', reply_pairs: [T0, T0 + MIN, T0 + HOUR, NaN] }),
        // solved with a trailing unanswered message (e.g. "thanks"): ignored → met on the 1 min wait
        ticket('thanks', { status: 'solved', reply_pairs: [T0, T0 + MIN, T0 + HOUR, NaN] }),
      ],
      T0 + 3 * HOUR,
    );
    expect([res.met, res.breached]).toEqual([2, 2]);
    expect(res.breaches.map((b) => [b.id, b.code, b.value])).toEqual([
      ['open', 'unanswered', 120],
      ['slow', 'late', 61],
    ]);
  });
});

describe('update-gap', () => {
  const r = rule({ measure: 'update-gap', window: DAY });
  it('judges gaps between agent updates, and the open silence at as_of', () => {
    const res = judge(
      r,
      [
        ticket('tight', { status: 'solved', agent_update_times: [T0, T0 + DAY, T0 + 2 * DAY] }), // gaps 24h, 24h → met
        ticket('gap', { status: 'solved', agent_update_times: [T0, T0 + DAY + SEC] }), // 24h1s → breached
        ticket('silent', { status: 'open', agent_update_times: [T0] }), // as_of T0 + 2d: 48h silent → breached `silent`
        ticket('fresh', { status: 'open', agent_update_times: [T0 + 2 * DAY - HOUR] }), // 1h silent → pending
      ],
      T0 + 2 * DAY,
    );
    expect([res.met, res.breached, res.pending]).toEqual([1, 2, 1]);
    expect(res.breaches.map((b) => b.code)).toEqual(['silent', 'late']);
  });
});

describe('resolution', () => {
  it('measures created → solved, falls back to the vendor full-resolution column, defers open ones', () => {
    const r = rule({ measure: 'resolution', which: 'full', window: 2 * DAY });
    const res = judge(
      r,
      [
        ticket('a', { status: 'solved', solved_at: T0 + 2 * DAY }), // exactly 2d → met
        ticket('b', { status: 'solved', resolution_minutes: 3000 }), // 50h > 48h → breached (vendor column)
        ticket('c', { status: 'open' }), // as_of T0 + 3d → breached `unresolved`
      ],
      T0 + 3 * DAY,
    );
    expect([res.met, res.breached]).toEqual([1, 2]);
    expect(res.breaches.map((b) => [b.id, b.code])).toEqual([
      ['c', 'unresolved'],
      ['b', 'late'],
    ]);
    expect(res.note).toContain('resolution_minutes');
  });
});

describe('refund-speed', () => {
  const r = rule({ measure: 'refund-speed', window: 14 * DAY }, { id: 'refund-speed' });
  it('times approved returns from request to refund; unrefunded wait for as_of', () => {
    const res = judge(
      r,
      [
        ticket('fast', { return_requested_at: T0, return_decision: 'approved', refunded_at: T0 + 14 * DAY }), // met
        ticket('slow', { return_requested_at: T0, return_decision: 'approved', refunded_at: T0 + 15 * DAY }), // breached
        ticket('owed', { return_requested_at: T0, return_decision: 'approved' }), // as_of T0 + 20d → unrefunded
        ticket('young', { return_requested_at: T0 + 10 * DAY, return_decision: 'approved' }), // 10d → pending
        ticket('rejected', { return_requested_at: T0, return_decision: 'rejected' }), // not part of it
      ],
      T0 + 20 * DAY,
    );
    expect([res.met, res.breached, res.pending]).toEqual([1, 2, 1]);
    expect(res.breaches.map((b) => [b.id, b.code, b.value])).toEqual([
      ['owed', 'unrefunded', 28800],
      ['slow', 'late', 21600],
    ]);
  });
});

describe('presales', () => {
  it('counts missed pre-sales chats as breached', () => {
    const r = rule({ measure: 'presales', window: 10 * MIN }, { id: 'presales-advice' });
    const res = judge(
      r,
      [
        ticket('quick', { channel: 'chat', first_response_at: T0 + 10 * MIN }), // met
        ticket('missed', { channel: 'chat', missed: true, status: 'closed' }), // breached `missed`
        ticket('closed', { channel: 'chat', status: 'closed' }), // excluded closed-without-reply
      ],
      T0 + DAY,
    );
    expect([res.met, res.breached, res.excluded]).toEqual([1, 1, 1]);
    expect(res.breaches[0].code).toBe('missed');
  });
});
