import { describe, expect, it } from 'vitest';
import { makeTimestampParser, settleTimestampFormat, shapeOf } from '../../src/map/time.js';

const H = 3_600_000;
const M = 60_000;
// 2024-03-05 00:00 UTC: 1970→2024 is 54 years with 13 leap days (1972…2020) = 19723 days;
// + 31 (Jan) + 29 (Feb, leap) + 4 = 19787 days × 86 400 000 ms.
const MAR5 = 1_709_596_800_000;

const utc = (format: Parameters<typeof makeTimestampParser>[0]['format'], dateOrder?: 'DMY' | 'MDY') => makeTimestampParser({ format, zone: 'UTC', dateOrder });

describe('ISO 8601', () => {
  const p = utc('iso');
  it('reads offsets, fractions, T or space, date-only', () => {
    expect(MAR5).toBe(19787 * 86_400_000);
    expect(p('2024-03-05T14:22:00Z')).toBe(MAR5 + 14 * H + 22 * M);
    expect(p('2024-03-05 14:22')).toBe(MAR5 + 14 * H + 22 * M);
    // +01:00 means local is one hour ahead of UTC: 14:22 local = 13:22 UTC.
    expect(p('2024-03-05T14:22:00+01:00')).toBe(MAR5 + 13 * H + 22 * M);
    expect(p('2024-03-05T14:22:00.123+0100')).toBe(MAR5 + 13 * H + 22 * M + 123);
    expect(p('2024-03-05T14:22:00-05:30')).toBe(MAR5 + 19 * H + 52 * M);
    expect(p('2024-03-05T14:22:00.5Z')).toBe(MAR5 + 14 * H + 22 * M + 500);
    expect(p('2024-03-05')).toBe(MAR5);
    expect(p('  2024-03-05 14:22:00 UTC ')).toBe(MAR5 + 14 * H + 22 * M);
  });
  it('allows 24:00:00 only as the end of a day', () => {
    expect(p('2024-03-05T24:00:00Z')).toBe(MAR5 + 24 * H);
    expect(p('2024-03-05T24:00:01Z')).toBeNaN();
    expect(p('2024-03-05T25:00:00Z')).toBeNaN();
  });
  it('rejects impossible dates and junk', () => {
    expect(p('2023-02-29')).toBeNaN(); // 2023 is not a leap year
    expect(p('2024-02-29')).toBe(MAR5 - 5 * 86_400_000); // 29 Feb is 5 days before 5 Mar
    expect(p('2024-13-01')).toBeNaN();
    expect(p('2024-04-31')).toBeNaN();
    expect(p('2024-03-05T14:60')).toBeNaN();
    expect(p('2024-03-05X')).toBeNaN();
    expect(p('yesterday')).toBeNaN();
    expect(p('')).toBeNaN();
  });
  it('reads a wall time in the given zone', () => {
    // Berlin is UTC+1 in March before the last Sunday: 14:22 local = 13:22 UTC.
    const berlin = makeTimestampParser({ format: 'iso', zone: 'Europe/Berlin' });
    expect(berlin('2024-03-05 14:22')).toBe(MAR5 + 13 * H + 22 * M);
    // In July Berlin is UTC+2.
    expect(berlin('2024-07-01 12:00')).toBe(Date.UTC(2024, 6, 1, 10));
    // An explicit offset wins over the zone.
    expect(berlin('2024-03-05T14:22Z')).toBe(MAR5 + 14 * H + 22 * M);
  });
});

describe('slash dates', () => {
  it('reads day first with /, . and - and two-digit years', () => {
    const p = utc('dmy');
    expect(p('05/03/2024 14:22')).toBe(MAR5 + 14 * H + 22 * M);
    expect(p('05.03.2024 14:22:10')).toBe(MAR5 + 14 * H + 22 * M + 10_000);
    expect(p('5-3-24')).toBe(MAR5); // 24 → 2024 (00–68 → 20xx)
    expect(p('05/03/69')).toBe(Date.UTC(1969, 2, 5)); // 69 → 1969
    expect(p('31/02/2024')).toBeNaN();
    expect(p('05/13/2024')).toBeNaN(); // no 13th month
  });
  it('reads month first with AM/PM', () => {
    const p = utc('mdy');
    expect(p('03/05/2024 2:22 PM')).toBe(MAR5 + 14 * H + 22 * M);
    expect(p('3/5/24 12:05:09 am')).toBe(MAR5 + 5 * M + 9000); // 12 AM is midnight
    expect(p('3/5/2024 12:00 PM')).toBe(MAR5 + 12 * H); // 12 PM is noon
    expect(p('3/5/2024 13:00 PM')).toBeNaN();
  });
  it('lets an explicit date order override the layout default', () => {
    expect(utc('dmy', 'MDY')('03/05/2024')).toBe(MAR5);
  });
});

describe('Jira, Twitter, epoch', () => {
  it('reads Jira dates', () => {
    expect(utc('jira')('05/Mar/24 2:22 PM')).toBe(MAR5 + 14 * H + 22 * M);
    expect(utc('jira')('5/mar/2024 14:22')).toBe(MAR5 + 14 * H + 22 * M);
    expect(utc('jira')('05/Mrz/24 2:22 PM')).toBeNaN();
  });
  it('reads Twitter API dates', () => {
    // 2017-10-31: 1970→2017 = 47 years, 12 leap days (1972…2016) = 17167 days; + 303 days before 31 Oct = 17470.
    expect(utc('twitter')('Tue Oct 31 22:10:47 +0000 2017')).toBe(17470 * 86_400_000 + 22 * H + 10 * M + 47_000);
    expect(utc('twitter')('Tue Oct 31 22:10:47 +0100 2017')).toBe(17470 * 86_400_000 + 21 * H + 10 * M + 47_000);
    expect(utc('twitter')('Tue Oct 32 22:10:47 +0000 2017')).toBeNaN();
  });
  it('tells epoch seconds from milliseconds by magnitude', () => {
    expect(utc('epoch')('1709648520')).toBe(MAR5 + 14 * H + 22 * M);
    expect(utc('epoch')('1709648520000')).toBe(MAR5 + 14 * H + 22 * M);
    expect(utc('epoch')('1709648520.25')).toBe(MAR5 + 14 * H + 22 * M + 250);
    expect(utc('epoch')('17096x')).toBeNaN();
  });
});

describe('DST', () => {
  it('moves a wall time in the spring-forward gap forward and says so', () => {
    let gaps = 0;
    const p = makeTimestampParser({ format: 'iso', zone: 'America/New_York', onGap: () => gaps++ });
    // 2024-03-10 02:30 does not exist in New York; read with EST (−5) → 07:30Z = 03:30 EDT.
    expect(p('2024-03-10 02:30')).toBe(Date.UTC(2024, 2, 10, 7, 30));
    expect(gaps).toBe(1);
    // Either side of the gap: 01:59 EST = 06:59Z, 03:00 EDT = 07:00Z.
    expect(p('2024-03-10 01:59')).toBe(Date.UTC(2024, 2, 10, 6, 59));
    expect(p('2024-03-10 03:00')).toBe(Date.UTC(2024, 2, 10, 7, 0));
    expect(gaps).toBe(1);
  });
  it('reads a wall time in the fall-back overlap as the earlier instant', () => {
    let overlaps = 0;
    const p = makeTimestampParser({ format: 'iso', zone: 'America/New_York', onOverlap: () => overlaps++ });
    // 2024-11-03 01:30 happens at 05:30Z (EDT) and 06:30Z (EST): the earlier one.
    expect(p('2024-11-03 01:30')).toBe(Date.UTC(2024, 10, 3, 5, 30));
    expect(overlaps).toBe(1);
    expect(p('2024-11-03 02:30')).toBe(Date.UTC(2024, 10, 3, 7, 30)); // after the overlap: EST
  });
});

describe('settling auto', () => {
  it('recognises layouts by shape', () => {
    expect(shapeOf('2024-03-05 14:22')).toBe('iso');
    expect(shapeOf('Tue Oct 31 22:10:47 +0000 2017')).toBe('twitter');
    expect(shapeOf('05/Mar/24 2:22 PM')).toBe('jira');
    expect(shapeOf('1709648520')).toBe('epoch');
    expect(shapeOf('05/03/2024')).toBe('slash');
    expect(shapeOf('25/03/2024')).toBe('dmy');
    expect(shapeOf('03/25/2024')).toBe('mdy');
    expect(shapeOf('hello')).toBeNull();
  });
  it('settles the day order from the first value with a part over 12, or the given order', () => {
    expect(settleTimestampFormat(['', '05/03/2024', '25/03/2024'])).toEqual({ format: 'dmy', dateOrder: 'DMY' });
    expect(settleTimestampFormat(['05/03/2024', '03/25/2024 1:00 PM'])).toEqual({ format: 'mdy', dateOrder: 'MDY' });
    expect(settleTimestampFormat(['05/03/2024'], 'MDY')).toEqual({ format: 'mdy', dateOrder: 'MDY' });
    expect(settleTimestampFormat(['05/03/2024', '01/02/2024'])).toHaveProperty('error');
    expect(settleTimestampFormat(['2024-03-05T10:00Z'])).toEqual({ format: 'iso' });
    expect(settleTimestampFormat(['n/a', 'soon'])).toHaveProperty('error');
  });
  it('settles once: a parser made with auto keeps the first layout', () => {
    const p = utc('auto');
    expect(p('2024-03-05')).toBe(MAR5);
    expect(p('05/03/2024')).toBeNaN();
  });
});

describe('cost', () => {
  it('parses 200k ISO timestamps without constructing a Date', () => {
    const RealDate = globalThis.Date;
    let constructed = 0;
    const Counting = new Proxy(RealDate, {
      construct(target, args) {
        constructed++;
        return Reflect.construct(target, args);
      },
    });
    const values: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      const minute = i % 60;
      const hour = Math.floor(i / 60) % 24;
      const day = 1 + (Math.floor(i / 1440) % 28);
      values.push(`2024-02-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
    }
    const iso = makeTimestampParser({ format: 'iso', zone: 'UTC' });
    const berlin = makeTimestampParser({ format: 'iso', zone: 'Europe/Berlin' });
    const wall = values.map((v) => v.slice(0, 19));
    globalThis.Date = Counting as DateConstructor;
    let sum = 0;
    let berlinDates = 0;
    try {
      for (const v of values) sum += iso(v);
      expect(constructed).toBe(0);
      // Wall times need the zone: Intl is asked once per distinct hour (cache), never per value.
      for (const v of wall) sum += berlin(v);
      berlinDates = constructed;
    } finally {
      globalThis.Date = RealDate;
    }
    expect(Number.isFinite(sum)).toBe(true);
    // 28 days × 24 hours = 672 distinct wall hours; a few Intl calls each at most.
    expect(berlinDates).toBeLessThan(672 * 8);
    expect(berlinDates).toBeLessThan(values.length / 20);
  });
});
