import { describe, expect, it } from 'vitest';
import { PolicyError } from '../../src/errors.js';
import { createBusinessClock } from '../../src/measure/business-clock.js';
import { EVERY_DAY, H, MON_FRI, at, schedule, version, week } from './helpers.js';

const office = createBusinessClock(schedule(version('Europe/Berlin', week(MON_FRI, '09:00-17:00'))));

describe('weekly hours', () => {
  it('a ticket created on Saturday and answered Monday 10:00 waited 1 business hour', () => {
    // Nothing is open Sat/Sun; Monday opens 09:00, so 09:00–10:00 = 1h.
    expect(office.elapsed(at('2024-06-15T10:00:00+02:00'), at('2024-06-17T10:00:00+02:00'))).toBe(1 * H);
  });

  it('a span over a weekend counts Friday 16–17 and Monday 09–10', () => {
    expect(office.elapsed(at('2024-06-14T16:00:00+02:00'), at('2024-06-17T10:00:00+02:00'))).toBe(2 * H);
  });

  it('a whole week is 5 × 8h and a weekend is zero', () => {
    expect(office.elapsed(at('2024-06-17T00:00:00+02:00'), at('2024-06-24T00:00:00+02:00'))).toBe(40 * H);
    expect(office.elapsed(at('2024-06-15T00:00:00+02:00'), at('2024-06-17T00:00:00+02:00'))).toBe(0);
  });

  it('empty and reversed spans are zero; bounds are [start, end)', () => {
    const nine = at('2024-06-17T09:00:00+02:00');
    expect(office.elapsed(nine, nine)).toBe(0);
    expect(office.elapsed(nine + H, nine)).toBe(0);
    expect(office.elapsed(NaN, nine)).toBe(0);
    expect(office.isOpen(nine)).toBe(true);
    expect(office.isOpen(nine - 1)).toBe(false);
    expect(office.isOpen(at('2024-06-17T17:00:00+02:00'))).toBe(false);
  });

  it('an interval ending 24:00 runs to midnight and no further', () => {
    // Monday only, 18:00–24:00 = 6h; Monday 23:00 → Tuesday 01:00 counts only 23:00–24:00.
    const evening = createBusinessClock(schedule(version('Europe/Berlin', week([1], '18:00-24:00'))));
    expect(evening.elapsed(at('2024-01-15T00:00:00+01:00'), at('2024-01-17T00:00:00+01:00'))).toBe(6 * H);
    expect(evening.elapsed(at('2024-01-15T23:00:00+01:00'), at('2024-01-16T01:00:00+01:00'))).toBe(1 * H);
    expect(evening.isOpen(at('2024-01-15T23:59:59.999+01:00'))).toBe(true);
    expect(evening.isOpen(at('2024-01-16T00:00:00+01:00'))).toBe(false);
  });

  it('spans of years are exact: 2024 (leap year, 262 weekdays) in UTC', () => {
    // 2024 starts on a Monday and has 366 days = 52 weeks + 2 days (Mon, Tue): 52·5 + 2 = 262.
    const utc = createBusinessClock(schedule(version('UTC', week(MON_FRI, '09:00-17:00'))));
    expect(utc.elapsed(at('2024-01-01T00:00:00Z'), at('2025-01-01T00:00:00Z'))).toBe(262 * 8 * H);
  });
});

describe('holidays', () => {
  const nightDesk = (holidays: { date: string }[]) =>
    createBusinessClock(schedule(version('Europe/Berlin', week(EVERY_DAY, '00:00-06:00', '22:00-24:00'), { holidays })));

  it('a holiday on Jan 1 removes the part of the New Year night after midnight, not the part before', () => {
    // Dec 31 12:00 → Jan 2 12:00: Dec 31 22–24 = 2h; Jan 1 00–06 and 22–24 closed; Jan 2 00–06 = 6h.
    const c = nightDesk([{ date: '2025-01-01' }]);
    expect(c.elapsed(at('2024-12-31T12:00:00+01:00'), at('2025-01-02T12:00:00+01:00'))).toBe(8 * H);
  });

  it('a holiday on Dec 31 removes the evening part only; the night goes on after midnight', () => {
    // Dec 31 22–24 closed; Jan 1 00–06 = 6h.
    const c = nightDesk([{ date: '2024-12-31' }]);
    expect(c.elapsed(at('2024-12-31T12:00:00+01:00'), at('2025-01-01T12:00:00+01:00'))).toBe(6 * H);
  });

  it('a partial holiday closes only its hours (Dec 24 from 12:00)', () => {
    // 09:00–17:00 minus 12:00–24:00 = 09:00–12:00 = 3h.
    const c = createBusinessClock(
      schedule(
        version('Europe/Berlin', week(MON_FRI, '09:00-17:00'), {
          holidays: [{ date: '2024-12-24', intervals: [[12 * 60, 24 * 60]], name: 'Christmas Eve' }],
        }),
      ),
    );
    expect(c.elapsed(at('2024-12-24T00:00:00+01:00'), at('2024-12-25T00:00:00+01:00'))).toBe(3 * H);
    expect(c.isOpen(at('2024-12-24T11:59:00+01:00'))).toBe(true);
    expect(c.isOpen(at('2024-12-24T12:00:00+01:00'))).toBe(false);
  });

  it('a whole-day entry wins over a partial one on the same date', () => {
    const c = createBusinessClock(
      schedule(
        version('Europe/Berlin', week(MON_FRI, '09:00-17:00'), {
          holidays: [{ date: '2024-12-23', intervals: [[9 * 60, 10 * 60]] }, { date: '2024-12-23' }],
        }),
      ),
    );
    expect(c.elapsed(at('2024-12-23T00:00:00+01:00'), at('2024-12-24T00:00:00+01:00'))).toBe(0);
  });
});

describe('public holidays via date-holidays (type public only)', () => {
  const bavaria = createBusinessClock(schedule(version('Europe/Berlin', week(MON_FRI, '09:00-17:00'), { public_holidays: { country: 'DE', state: 'BY' } })));

  it('DE-BY 2024-10-03 (German Unity Day, Thursday) is closed; the day before is not', () => {
    expect(bavaria.elapsed(at('2024-10-03T00:00:00+02:00'), at('2024-10-04T00:00:00+02:00'))).toBe(0);
    expect(bavaria.elapsed(at('2024-10-02T00:00:00+02:00'), at('2024-10-03T00:00:00+02:00'))).toBe(8 * H);
    // Week Mon 30 Sep – Fri 4 Oct: 4 working days.
    expect(bavaria.elapsed(at('2024-09-30T00:00:00+02:00'), at('2024-10-07T00:00:00+02:00'))).toBe(32 * H);
  });

  it('bank and observance days stay open: 2024-12-24 (bank, from 14:00) and 2024-11-20 (school)', () => {
    expect(bavaria.elapsed(at('2024-12-24T00:00:00+01:00'), at('2024-12-25T00:00:00+01:00'))).toBe(8 * H);
    expect(bavaria.elapsed(at('2024-11-20T00:00:00+01:00'), at('2024-11-21T00:00:00+01:00'))).toBe(8 * H);
  });

  it('Christmas 2024 and New Year 2025 in Bavaria: Dec 23–Jan 3 has 7 working days', () => {
    // Weekdays: Dec 23, 24, 25*, 26*, 27, 30, 31, Jan 1*, 2, 3 (* public) → 7 × 8h.
    expect(bavaria.elapsed(at('2024-12-23T00:00:00+01:00'), at('2025-01-04T00:00:00+01:00'))).toBe(56 * H);
  });

  it('an unknown country, state or region is a policy error', () => {
    const bad = (public_holidays: { country: string; state?: string; region?: string }) => () =>
      createBusinessClock(schedule(version('Europe/Berlin', week(MON_FRI, '09:00-17:00'), { public_holidays })));
    expect(bad({ country: 'XX' })).toThrow(PolicyError);
    expect(bad({ country: 'DE', state: 'ZZ' })).toThrow(PolicyError);
    expect(bad({ country: 'DE', state: 'BY', region: 'NOPE' })).toThrow(PolicyError);
    expect(bad({ country: 'de', state: 'by' })).not.toThrow();
  });
});

describe('schedule versions', () => {
  // Until 2024-05-31: 09–17 (8h); from Saturday 2024-06-01: 08–18 (10h).
  const changed = createBusinessClock(
    schedule(version('Europe/Berlin', week(MON_FRI, '09:00-17:00')), version('Europe/Berlin', week(MON_FRI, '08:00-18:00'), { valid_from: '2024-06-01' })),
  );

  it('each date uses the version in force on it', () => {
    expect(changed.elapsed(at('2024-05-31T00:00:00+02:00'), at('2024-06-01T00:00:00+02:00'))).toBe(8 * H);
    expect(changed.elapsed(at('2024-06-03T00:00:00+02:00'), at('2024-06-04T00:00:00+02:00'))).toBe(10 * H);
    // Fri 31 May (8h) + Mon 3 Jun (10h).
    expect(changed.elapsed(at('2024-05-31T00:00:00+02:00'), at('2024-06-04T00:00:00+02:00'))).toBe(18 * H);
    expect(changed.isOpen(at('2024-05-31T08:30:00+02:00'))).toBe(false);
    expect(changed.isOpen(at('2024-06-03T08:30:00+02:00'))).toBe(true);
  });

  it('a version may change the time zone: New York hours from 2024-06-03', () => {
    const moved = createBusinessClock(
      schedule(version('Europe/Berlin', week(MON_FRI, '09:00-17:00')), version('America/New_York', week(MON_FRI, '09:00-17:00'), { valid_from: '2024-06-03' })),
    );
    // Fri 31 May 09–17 CEST = 07:00–15:00Z; Mon 3 Jun 09–17 EDT = 13:00–21:00Z.
    expect(moved.elapsed(at('2024-05-31T00:00:00Z'), at('2024-06-04T00:00:00Z'))).toBe(16 * H);
    expect(moved.isOpen(at('2024-06-03T08:00:00Z'))).toBe(false);
    expect(moved.isOpen(at('2024-06-03T20:59:00Z'))).toBe(true);
  });

  it('a malformed date or unknown zone is a policy error', () => {
    expect(() => createBusinessClock(schedule(version('Mars/Olympus', week(MON_FRI, '09:00-17:00'))))).toThrow(PolicyError);
    expect(() => createBusinessClock(schedule(version('UTC', week(MON_FRI, '09:00-17:00'), { holidays: [{ date: '24-12-2024' }] })))).toThrow(PolicyError);
  });
});
