import { describe, expect, it } from 'vitest';
import { createScorecard, type ScorecardOptions } from '../../src/aggregate/scorecard.js';
import type { Ticket } from '../../src/types.js';
import { ALL_FIELDS, DAY, HOUR, T0, nineToFive, options, policy, rule } from '../rules/helpers.js';

// Deferred outcomes (waiting for as_of) are settled while reading when as_of is the data's latest
// time or given up front; the result must be the very one deciding everything at finish gives.

function tickets(n: number): Ticket[] {
  let seed = 11;
  const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const all: Ticket[] = [];
  for (let i = 0; i < n; i++) {
    // Roughly in creation order, as exports are, with some disorder.
    const created = T0 + Math.floor((i / n) * 60 * DAY + rand() * 2 * DAY);
    const answered = rand() < 0.8;
    all.push({
      id: `t${i}`,
      created_at: created,
      tags: [],
      file: 0,
      line: i + 2,
      channel: rand() < 0.5 ? 'email' : 'chat',
      agent: rand() < 0.7 ? `a${Math.floor(rand() * 5)}` : undefined,
      status: answered && rand() < 0.5 ? 'solved' : 'open',
      updated_at: created + Math.floor(rand() * 4 * DAY),
      first_response_at: answered ? created + Math.floor(rand() * 3 * HOUR) : undefined,
      // Weekend and night creations tie on the business clock: the late breach order must hold.
      due_at: rand() < 0.3 ? created + Math.floor(rand() * 3 * DAY) : undefined,
      agent_update_times: rand() < 0.5 ? [created + HOUR] : undefined,
    });
  }
  return all;
}

const rules = (clock: 'calendar' | 'business') => [
  rule({ measure: 'first-response', window: HOUR }, { id: 'fr', clock, schedule: clock === 'business' ? 'bh' : undefined }),
  rule({ measure: 'queue-hygiene', untouched: DAY, unassigned: 2 * HOUR }, { id: 'queue', clock, schedule: clock === 'business' ? 'bh' : undefined }),
  rule({ measure: 'promise-updates' }, { id: 'promise' }),
];

/** `floor`: raised on every part before it reads (as parallel ranges do with a time read elsewhere). */
function finish(all: Ticket[], clock: 'calendar' | 'business', asOf: number, extra: Partial<ScorecardOptions>, parts = 1, floor = -Infinity): string {
  const p = policy(rules(clock));
  const opts = options({ by: ['agent', 'week'], maxBreaches: 5, clocks: { bh: nineToFive }, ...extra });
  const main = createScorecard(p, opts);
  const size = Math.ceil(all.length / parts);
  for (let k = 0; k < parts; k++) {
    const part = parts === 1 ? main : createScorecard(p, opts);
    part.raiseFloor(floor);
    for (const t of all.slice(k * size, (k + 1) * size)) {
      // As the reader does: as_of is at or after every creation time read so far.
      if (extra.asOfFromData) part.raiseFloor(t.created_at);
      part.add(t);
    }
    if (parts > 1) main.merge(structuredClone(part.snapshot()));
  }
  return JSON.stringify(main.finish(asOf, ALL_FIELDS));
}

describe('settling deferred outcomes early', () => {
  const all = tickets(20_000);
  const latest = Math.max(...all.map((t) => Math.max(t.created_at, t.updated_at ?? 0, t.first_response_at ?? 0)));

  for (const clock of ['calendar', 'business'] as const) {
    it(`as_of from the data: the same result as deciding at finish (${clock} clock), also split and merged`, () => {
      const expected = finish(all, clock, latest, {});
      expect(finish(all, clock, latest, { asOfFromData: true })).toBe(expected);
      expect(finish(all, clock, latest, { asOfFromData: true }, 3)).toBe(expected);
    });

    it(`a floor raised before reading, up to as_of, changes no result (${clock} clock), also split and merged`, () => {
      const expected = finish(all, clock, latest, {});
      for (const floor of [T0 + 20 * DAY, latest - DAY, latest]) {
        expect(finish(all, clock, latest, { asOfFromData: true }, 1, floor)).toBe(expected);
        expect(finish(all, clock, latest, { asOfFromData: true }, 3, floor)).toBe(expected);
      }
    });

    it(`as_of given up front: the same result as deciding at finish (${clock} clock)`, () => {
      const asOf = T0 + 40 * DAY;
      expect(finish(all, clock, asOf, { asOf })).toBe(finish(all, clock, asOf, {}));
    });
  }

  it('keeps the pool of undecided tickets small while reading', () => {
    const card = createScorecard(policy(rules('calendar')), options({ asOfFromData: true }));
    // The reader raises the floor as it reads (here: each ticket's creation, which as_of follows).
    for (const t of all) {
      card.raiseFloor(t.created_at);
      card.add(t);
    }
    // 20,000 tickets over 60 days; only those still inside their window at the floor remain.
    expect(card.snapshot().deferred.length).toBeLessThan(4500);
    const plain = createScorecard(policy(rules('calendar')), options());
    for (const t of all) plain.add(t);
    expect(card.finish(latest, ALL_FIELDS)).toEqual(plain.finish(latest, ALL_FIELDS));
  });

  it('with the floor raised to a later time of the data, a part does not pool a whole window of tickets', () => {
    // What a parallel range gains from a floor read elsewhere in the file: 10,000 open tickets
    // over the 7 days of a 7-day window all wait in the pool of a part that knows only its own
    // times; with the file's latest time (weeks later) they settle as they are swept, and only a
    // sweep's worth (4,096 pooled entries trigger one) can be waiting at any time.
    const weekRules = [rule({ measure: 'queue-hygiene', untouched: 7 * DAY, unassigned: 7 * DAY }, { id: 'queue' })];
    const week: Ticket[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: `w${i}`,
      created_at: T0 + Math.floor((i / 10_000) * 7 * DAY),
      tags: [],
      file: 0,
      line: i + 2,
      status: 'open',
      agent: 'a1',
    }));
    const end = T0 + 30 * DAY;
    const unraised = createScorecard(policy(weekRules), options({ asOfFromData: true }));
    const raised = createScorecard(policy(weekRules), options({ asOfFromData: true }));
    raised.raiseFloor(end);
    for (const t of week) {
      unraised.add(t);
      raised.add(t);
    }
    expect(unraised.snapshot().deferred.length).toBe(10_000);
    expect(raised.snapshot().deferred.length).toBeLessThan(4096);
    const finished = (part: typeof raised) => {
      const whole = createScorecard(policy(weekRules), options({ asOfFromData: true }));
      whole.merge(structuredClone(part.snapshot()));
      return whole.finish(end, ALL_FIELDS);
    };
    expect(finished(raised)).toEqual(finished(unraised));
  });

  it('raising the floor does nothing unless as_of is to come from the data', () => {
    const card = createScorecard(policy(rules('calendar')), options());
    card.raiseFloor(latest);
    expect(card.snapshot().floor).toBe(-Infinity);
  });
});
