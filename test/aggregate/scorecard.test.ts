import { describe, expect, it } from 'vitest';
import { createScorecard } from '../../src/aggregate/scorecard.js';
import { ALL_FIELDS, DAY, HOUR, MIN, T0, options, policy, rule, run, ticket } from '../rules/helpers.js';
import type { Ticket } from '../../src/types.js';

const fr = rule({ measure: 'first-response', window: HOUR }, { id: 'fr' });
const sat = rule({ measure: 'csat' }, { id: 'sat' });
const off = rule({ measure: 'csat' }, { id: 'off', severity: 'off' });

// Week of Monday 2024-03-04 is 2024-W10; the next Monday is W11.
const tickets: Ticket[] = [
  ticket('e1', { channel: 'email', first_response_at: T0 + 30 * MIN, csat: 1 }), // fr met (30 min), good
  ticket('e2', { channel: 'email', first_response_at: T0 + 2 * HOUR, csat: 0 }), // fr breached (120), bad
  ticket('c1', { channel: 'chat', created_at: T0 + 7 * DAY, first_response_at: T0 + 7 * DAY + 2 * MIN }), // W11, 2 min
  ticket('n1', { created_at: T0 + 7 * DAY, first_response_at: T0 + 7 * DAY + 3 * DAY }), // no channel, 4320 min
];

describe('scorecard', () => {
  const out = run(policy([fr, sat, off]), tickets, T0 + 30 * DAY, { by: ['channel', 'week'] });

  it('omits severity off rules', () => {
    expect(out.rules.map((r) => r.id)).toEqual(['fr', 'sat']);
  });

  it('breaks down per channel and week, (none) last', () => {
    expect(out.breakdowns.channel).toEqual([
      {
        key: 'chat',
        rules: [
          { id: 'fr', eligible: 1, met: 1, compliance: 1 },
          { id: 'sat', eligible: 0, met: 0, compliance: null },
        ],
      },
      {
        key: 'email',
        rules: [
          { id: 'fr', eligible: 2, met: 1, compliance: 0.5 },
          { id: 'sat', eligible: 2, met: 1, compliance: 0.5 },
        ],
      },
      {
        key: '(none)',
        rules: [
          { id: 'fr', eligible: 1, met: 0, compliance: 0 },
          { id: 'sat', eligible: 0, met: 0, compliance: null },
        ],
      },
    ]);
    expect(out.breakdowns.week!.map((r) => [r.key, r.rules[0].eligible])).toEqual([
      ['2024-W10', 2],
      ['2024-W11', 2],
    ]);
  });

  it('keeps a weekly trend per rule', () => {
    expect(out.rules[0].trend).toEqual([
      { period: '2024-W10', eligible: 2, met: 1, compliance: 0.5 },
      { period: '2024-W11', eligible: 2, met: 1, compliance: 0.5 },
    ]);
  });

  it('bins calendar first responses per channel (upper edges inclusive)', () => {
    const d = out.distributions!.first_response!;
    expect(d.edges).toEqual([1, 3, 5, 15, 30, 60, 240, 480, 1440, 2880, 10080]);
    // email 30 → bin 4 (≤ 30), 120 → bin 6 (≤ 240); chat 2 → bin 1 (≤ 3); (none) 4320 → bin 10 (≤ 10080)
    expect(d.counts.email).toEqual([0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0]);
    expect(d.counts.chat).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(d.counts['(none)']).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
  });

  it('selects tickets by created_at in [since, until)', () => {
    const w11 = run(policy([fr]), tickets, T0 + 30 * DAY, { since: T0 + 7 * DAY, until: T0 + 7 * DAY + 1 });
    expect(w11.rules[0].eligible).toBe(2);
  });

  it('bounds breaches to maxBreaches, keeps all for the explained rule', () => {
    const many = Array.from({ length: 30 }, (_, i) => ticket(`t${String(i).padStart(2, '0')}`, { first_response_at: T0 + 2 * HOUR + i * MIN }));
    const bounded = run(policy([fr]), many, T0 + DAY, { maxBreaches: 3 }).rules[0];
    expect(bounded.breaches.map((b) => b.id)).toEqual(['t29', 't28', 't27']);
    const all = run(policy([fr]), many, T0 + DAY, { maxBreaches: 3, explain: 'fr' }).rules[0];
    expect(all.breaches).toHaveLength(30);
  });

  it('gives the same result when finished twice', () => {
    const card = createScorecard(policy([fr, sat]), options());
    for (const t of tickets) card.add(t);
    expect(card.finish(T0 + DAY, ALL_FIELDS)).toEqual(card.finish(T0 + DAY, ALL_FIELDS));
  });
});

describe('split input == whole input', () => {
  it('merging snapshots (structured clones) gives the exact whole result, past the exact-percentile limit', () => {
    const rules = [
      rule({ measure: 'first-response', window: HOUR }, { id: 'fr' }),
      rule({ measure: 'csat' }, { id: 'sat' }),
      rule({ measure: 'queue-hygiene', untouched: DAY, unassigned: HOUR }, { id: 'queue' }),
      rule({ measure: 'peak', peak_hours: [], max_csat_gap: 0.1, max_response_ratio: 2 }, { id: 'peak' }),
    ];
    const p = policy(rules);
    const all: Ticket[] = [];
    // 5,000 tickets (over the 2,000 exact limit): pseudo-random but fixed.
    let seed = 7;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 5000; i++) {
      const created = T0 + Math.floor(rand() * 20 * DAY);
      const answered = rand() < 0.9;
      all.push(
        ticket(`t${i}`, {
          created_at: created,
          channel: rand() < 0.5 ? 'email' : 'chat',
          agent: rand() < 0.8 ? `a${Math.floor(rand() * 5)}` : undefined,
          status: answered ? (rand() < 0.5 ? 'solved' : 'open') : 'open',
          updated_at: created + Math.floor(rand() * 3 * DAY),
          first_response_at: answered ? created + Math.floor(rand() * 3 * HOUR) : undefined,
          csat: rand() < 0.3 ? Math.floor(rand() * 5) / 4 : undefined,
          tags: rand() < 0.02 ? ['spam'] : [],
        }),
      );
    }
    const opts = options({ by: ['agent', 'channel', 'week', 'month'], maxBreaches: 5 });
    const whole = createScorecard(p, opts);
    for (const t of all) whole.add(t);
    const asOf = T0 + 25 * DAY;
    const expected = whole.finish(asOf, ALL_FIELDS);

    for (const cut of [1, 1700, 2500, 4999]) {
      const left = createScorecard(p, opts);
      const right = createScorecard(p, opts);
      all.forEach((t, i) => (i < cut ? left : right).add(t));
      // Merge in both orders.
      const a = createScorecard(p, opts);
      a.merge(structuredClone(left.snapshot()));
      a.merge(structuredClone(right.snapshot()));
      const b = createScorecard(p, opts);
      b.merge(right.snapshot());
      b.merge(left.snapshot());
      expect(a.finish(asOf, ALL_FIELDS)).toEqual(expected);
      expect(JSON.stringify(b.finish(asOf, ALL_FIELDS))).toBe(JSON.stringify(expected));
    }
    expect(expected.rules[0].eligible).toBeGreaterThan(2000);
  });
});

describe('a slotted rule counts per slot', () => {
  // The peak rule keeps one state per local hour of the week. T0 is Monday 09:00 UTC: hour of the
  // week 24 + 9 = 33; an hour later, 34. Tickets alternate between the two slots, so every ticket
  // counts in another slot than the one before it.
  const peakRule = rule({ measure: 'peak', peak_hours: [], max_csat_gap: 0.1, max_response_ratio: 2 }, { id: 'peak' });
  const csats = [undefined, 1, 0, undefined, 1, 0, undefined, 1, 0, undefined];
  const at = (i: number) => ticket(`p${i}`, { created_at: T0 + (i % 2) * HOUR, csat: csats[i] });

  it('keeps each slot’s volume, outcomes and codes, also when read between tickets', () => {
    const card = createScorecard(policy([peakRule]), options());
    for (let i = 0; i < 5; i++) card.add(at(i));
    // After p0–p4: slot 33 has p0 (unrated), p2 (bad), p4 (good); slot 34 has p1 (good), p3 (unrated).
    const early = card.snapshot().rules[0];
    expect([early['33'].extra, early['33'].met, early['33'].breached]).toEqual([{ volume: 3, 'na:unrated': 1, 'breached:bad-rating': 1 }, 1, 1]);
    expect([early['34'].extra, early['34'].met, early['34'].breached]).toEqual([{ volume: 2, 'na:unrated': 1 }, 1, 0]);
    for (let i = 5; i < 10; i++) card.add(at(i));
    // p5–p9 add to slot 33: p6 (unrated), p8 (bad); to slot 34: p5 (bad), p7 (good), p9 (unrated).
    const done = card.release().rules[0];
    expect(Object.keys(done).sort()).toEqual(['33', '34']);
    const counts = (key: string) => ({ ...done[key].extra, met: done[key].met, breached: done[key].breached });
    expect(counts('33')).toEqual({ volume: 5, 'na:unrated': 2, 'breached:bad-rating': 2, met: 1, breached: 2 });
    expect(counts('34')).toEqual({ volume: 5, 'na:unrated': 2, 'breached:bad-rating': 1, met: 2, breached: 1 });
  });
});
