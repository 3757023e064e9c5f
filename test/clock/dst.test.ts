import { describe, expect, it } from 'vitest';
import { createBusinessClock } from '../../src/measure/business-clock.js';
import { EVERY_DAY, H, MIN, MON_FRI, at, schedule, version, week } from './helpers.js';

const allDay = (zone: string) => createBusinessClock(schedule(version(zone, week(EVERY_DAY, '00:00-24:00'))));
const office = (zone: string) => createBusinessClock(schedule(version(zone, week(MON_FRI, '09:00-17:00'))));
const nights = (zone: string) => createBusinessClock(schedule(version(zone, week(EVERY_DAY, '00:00-06:00', '22:00-24:00'))));

describe('24h schedule across DST nights: local midnight to midnight', () => {
  it('America/New_York: 2024-03-10 has 23h, 2024-11-03 has 25h', () => {
    const c = allDay('America/New_York');
    // Spring forward 02:00 EST → 03:00 EDT: midnight EST (05:00Z) to midnight EDT (04:00Z next day).
    expect(c.elapsed(at('2024-03-10T00:00:00-05:00'), at('2024-03-11T00:00:00-04:00'))).toBe(23 * H);
    // Fall back 02:00 EDT → 01:00 EST: midnight EDT (04:00Z) to midnight EST (05:00Z next day).
    expect(c.elapsed(at('2024-11-03T00:00:00-04:00'), at('2024-11-04T00:00:00-05:00'))).toBe(25 * H);
  });

  it('Europe/Berlin: 2024-03-31 has 23h, 2024-10-27 has 25h', () => {
    const c = allDay('Europe/Berlin');
    expect(c.elapsed(at('2024-03-31T00:00:00+01:00'), at('2024-04-01T00:00:00+02:00'))).toBe(23 * H);
    expect(c.elapsed(at('2024-10-27T00:00:00+02:00'), at('2024-10-28T00:00:00+01:00'))).toBe(25 * H);
  });

  it('Australia/Sydney: 2024-04-07 (fall back) has 25h, 2024-10-06 (spring forward) has 23h', () => {
    const c = allDay('Australia/Sydney');
    // 03:00 AEDT (+11) → 02:00 AEST (+10) on 7 April; 02:00 AEST → 03:00 AEDT on 6 October.
    expect(c.elapsed(at('2024-04-07T00:00:00+11:00'), at('2024-04-08T00:00:00+10:00'))).toBe(25 * H);
    expect(c.elapsed(at('2024-10-06T00:00:00+10:00'), at('2024-10-07T00:00:00+11:00'))).toBe(23 * H);
  });

  it('a 24h schedule equals the calendar over any span, DST or not', () => {
    const c = allDay('Australia/Sydney');
    const a = at('2024-04-05T13:17:00Z');
    const b = at('2024-04-09T02:00:30Z');
    expect(c.elapsed(a, b)).toBe(b - a);
  });
});

describe('09:00–17:00 is not affected by the DST night', () => {
  it('New York: Friday noon to Monday noon over the spring-forward weekend is 5h + 3h', () => {
    // Fri 2024-03-08 12:00 EST → 17:00 = 5h; Mon 2024-03-11 09:00 EDT → 12:00 = 3h. Calendar span 71h.
    const c = office('America/New_York');
    expect(c.elapsed(at('2024-03-08T12:00:00-05:00'), at('2024-03-11T12:00:00-04:00'))).toBe(8 * H);
  });

  it('Berlin: the Monday after each transition still has 8h', () => {
    const c = office('Europe/Berlin');
    expect(c.elapsed(at('2024-04-01T00:00:00+02:00'), at('2024-04-02T00:00:00+02:00'))).toBe(8 * H);
    expect(c.elapsed(at('2024-10-28T00:00:00+01:00'), at('2024-10-29T00:00:00+01:00'))).toBe(8 * H);
    // Opening is at 09:00 local on both sides of the change: 07:00Z in summer, 08:00Z in winter.
    expect(c.isOpen(at('2024-10-28T07:30:00Z'))).toBe(false);
    expect(c.isOpen(at('2024-10-28T08:00:00Z'))).toBe(true);
  });

  it('Sydney: a whole week over the October change is 5 × 8h', () => {
    const c = office('Australia/Sydney');
    expect(c.elapsed(at('2024-09-30T00:00:00+10:00'), at('2024-10-07T00:00:00+11:00'))).toBe(40 * H);
  });
});

describe('overnight 22:00–06:00 across a DST night', () => {
  it('New York spring forward: Sat 22:00 EST → Sun 06:00 EDT is 7h', () => {
    // 22:00 EST = 03:00Z, 06:00 EDT = 10:00Z. The window 20:00–08:00 catches the whole night.
    const c = nights('America/New_York');
    expect(c.elapsed(at('2024-03-09T20:00:00-05:00'), at('2024-03-10T08:00:00-04:00'))).toBe(7 * H);
  });

  it('New York fall back: Sat 22:00 EDT → Sun 06:00 EST is 9h', () => {
    // 22:00 EDT = 02:00Z, 06:00 EST = 11:00Z.
    const c = nights('America/New_York');
    expect(c.elapsed(at('2024-11-02T20:00:00-04:00'), at('2024-11-03T08:00:00-05:00'))).toBe(9 * H);
  });

  it('Berlin fall back and Sydney spring forward', () => {
    // Berlin: 22:00 CEST (20:00Z) → 06:00 CET (05:00Z) = 9h.
    expect(nights('Europe/Berlin').elapsed(at('2024-10-26T12:00:00+02:00'), at('2024-10-27T12:00:00+01:00'))).toBe(9 * H);
    // Sydney: 22:00 AEST (12:00Z) → 06:00 AEDT (19:00Z) = 7h.
    expect(nights('Australia/Sydney').elapsed(at('2024-10-05T12:00:00+10:00'), at('2024-10-06T12:00:00+11:00'))).toBe(7 * H);
  });
});

describe('interval boundaries inside a gap or an overlap (fromWall: gap forward, overlap earlier)', () => {
  it('a start in the spring-forward gap moves forward by the gap: 02:30–04:00 counts 30 min', () => {
    // New York 2024-03-10 (Sunday): 02:30 does not exist and reads as 03:30 EDT; 04:00 EDT. 30 min.
    const c = createBusinessClock(schedule(version('America/New_York', week([0], '02:30-04:00'))));
    expect(c.elapsed(at('2024-03-10T00:00:00-05:00'), at('2024-03-11T00:00:00-04:00'))).toBe(30 * MIN);
    expect(c.isOpen(at('2024-03-10T03:15:00-04:00'))).toBe(false);
    expect(c.isOpen(at('2024-03-10T03:30:00-04:00'))).toBe(true);
    // A normal Sunday has the full 1h30.
    expect(c.elapsed(at('2024-03-17T00:00:00-04:00'), at('2024-03-18T00:00:00-04:00'))).toBe(90 * MIN);
  });

  it('an interval wholly inside the gap becomes empty when it would end before its moved start', () => {
    // 02:30–03:00: start → 03:30 EDT, end 03:00 EDT: nothing left.
    const c = createBusinessClock(schedule(version('America/New_York', week([0], '02:30-03:00'))));
    expect(c.elapsed(at('2024-03-10T00:00:00-05:00'), at('2024-03-11T00:00:00-04:00'))).toBe(0);
  });

  it('contiguous intervals split in the gap still add up to the real night (00:00–06:00 = 5h)', () => {
    const c = createBusinessClock(schedule(version('America/New_York', week([0], '00:00-02:30', '02:30-06:00'))));
    expect(c.elapsed(at('2024-03-10T00:00:00-05:00'), at('2024-03-11T00:00:00-04:00'))).toBe(5 * H);
  });

  it('a boundary in the fall-back overlap takes the earlier instant: 01:30–03:00 counts 2h30', () => {
    // 01:30 EDT (05:30Z) → 03:00 EST (08:00Z).
    const c = createBusinessClock(schedule(version('America/New_York', week([0], '01:30-03:00'))));
    expect(c.elapsed(at('2024-11-03T00:00:00-04:00'), at('2024-11-04T00:00:00-05:00'))).toBe(150 * MIN);
  });
});
