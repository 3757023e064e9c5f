import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBusinessClock } from '../../src/measure/business-clock.js';
import type { Schedule } from '../../src/policy/types.js';
import { DAY_MS, EVERY_DAY, H, MIN, MON_FRI, at, schedule, version, week } from './helpers.js';
import { referenceElapsed } from './oracle.js';

// Three schedules with different shapes; none has a boundary inside a DST gap or overlap.
const fixtures: Record<string, Schedule> = {
  'New York office, holidays': schedule(
    version('America/New_York', week(MON_FRI, '09:00-17:00'), {
      holidays: [{ date: '2024-07-04' }, { date: '2024-11-29', intervals: [[12 * 60, 1440]] }],
    }),
  ),
  'Berlin night desk': schedule(
    version('Europe/Berlin', week(EVERY_DAY, '00:00-06:00', '22:00-24:00'), {
      holidays: [{ date: '2024-12-31' }, { date: '2025-01-01' }, { date: '2024-03-31', intervals: [[0, 120]] }],
    }),
  ),
  'Sydney, versions': schedule(
    version('Australia/Sydney', [[[0, 1440]], [[480, 1200]], [[480, 1200]], [[480, 1200]], [[480, 1200]], [[480, 1200]], [[0, 1440]]]),
    version('Australia/Sydney', week([1, 2, 3, 4, 5, 6], '07:00-12:00', '13:00-19:00'), { valid_from: '2024-06-01' }),
  ),
};

// DST transitions of the three zones in 2024: random instants cluster around them half the time.
const transitions = [
  '2024-03-10T07:00:00Z',
  '2024-11-03T06:00:00Z', // New York
  '2024-03-31T01:00:00Z',
  '2024-10-27T01:00:00Z', // Berlin
  '2024-04-06T16:00:00Z',
  '2024-10-05T16:00:00Z', // Sydney
].map(at);
const START = at('2023-06-01T00:00:00Z');
const END = at('2025-06-01T00:00:00Z');

const instant = fc.oneof(
  fc.integer({ min: START, max: END }),
  fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -3 * DAY_MS, max: 3 * DAY_MS })).map(([t, d]) => t + d),
);
const minuteInstant = instant.map((t) => Math.floor(t / MIN) * MIN);

describe.each(Object.entries(fixtures))('%s', (_name, sched) => {
  const clock = createBusinessClock(sched);

  it('agrees with a minute-by-minute Intl reference (spans up to 3 days)', () => {
    fc.assert(
      fc.property(minuteInstant, fc.integer({ min: 0, max: 3 * 24 * 60 }), (a, minutes) => {
        const b = a + minutes * MIN;
        expect(clock.elapsed(a, b)).toBe(referenceElapsed(sched, a, b));
      }),
      // The reference asks Intl for every minute (~2,000 per span): 60 spans per schedule keep
      // this file to a few seconds of `npm run test:unit`; half of them fall near a DST change.
      { numRuns: 60 },
    );
  });

  it('business time is between 0 and calendar time', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const e = clock.elapsed(a, b);
        expect(e).toBeGreaterThanOrEqual(0);
        expect(e).toBeLessThanOrEqual(Math.max(0, b - a));
      }),
      { numRuns: 400 },
    );
  });

  it('spans add up: d(a,c) = d(a,b) + d(b,c) for a ≤ b ≤ c', () => {
    fc.assert(
      fc.property(fc.array(instant, { minLength: 3, maxLength: 3 }), (xs) => {
        const [a, b, c] = xs.sort((x, y) => x - y);
        expect(clock.elapsed(a, c)).toBe(clock.elapsed(a, b) + clock.elapsed(b, c));
      }),
      { numRuns: 400 },
    );
  });

  it('an empty span is zero and a 1 ms span is open exactly when isOpen says so', () => {
    fc.assert(
      fc.property(instant, (a) => {
        expect(clock.elapsed(a, a)).toBe(0);
        expect(clock.elapsed(a, a + 1)).toBe(clock.isOpen(a) ? 1 : 0);
      }),
      { numRuns: 400 },
    );
  });
});

describe('zero inside a closed period', () => {
  it('any span inside a New York weekend counts nothing', () => {
    const clock = createBusinessClock(fixtures['New York office, holidays']);
    // Sat 2023-06-03 00:00 EDT = 04:00Z; one hour's margin each side covers EST weeks (05:00Z).
    const firstSaturday = at('2023-06-03T04:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: H + 1, max: 47 * H }), fc.integer({ min: H + 1, max: 47 * H }), (weekIndex, x, y) => {
        const saturday = firstSaturday + weekIndex * 7 * DAY_MS;
        const [a, b] = x <= y ? [x, y] : [y, x];
        expect(clock.elapsed(saturday + a, saturday + b)).toBe(0);
        expect(clock.isOpen(saturday + a)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
