import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/policy/load.js';

const schedule = (yaml: string) => parsePolicy(`extends: none\nschedules:\n  s:\n${yaml}`, 'p.yaml').schedules.s;

describe('schedules resolve to Sunday-first weeks of minute intervals', () => {
  it('splits overnight hours at midnight, the second part on the next weekday', () => {
    const s = schedule('    mon: ["22:00-06:00"]\n    sun: ["20:00-02:00"]');
    const week = s.versions[0].week;
    // mon 22:00 → 24:00 on Monday (1), 00:00 → 06:00 on Tuesday (2); Sunday's part wraps to Monday.
    expect(week[1]).toEqual([
      [0, 120],
      [1320, 1440],
    ]);
    expect(week[2]).toEqual([[0, 360]]);
    expect(week[0]).toEqual([[1200, 1440]]);
  });

  it('accepts 24:00 as an end and several intervals a day, sorted', () => {
    const week = schedule('    sat: ["18:00-24:00", "08:00-12:00"]').versions[0].week;
    expect(week[6]).toEqual([
      [480, 720],
      [1080, 1440],
    ]);
  });

  it('an interval ending at 00:00 is the evening part only', () => {
    expect(schedule('    fri: ["20:00-00:00"]').versions[0].week[5]).toEqual([[1200, 1440]]);
  });

  it('holidays whole and partial, public holidays with date-holidays codes', () => {
    const v = schedule(
      '    mon: ["09:00-17:00"]\n    holidays: ["2024-12-25", {date: "2024-12-24", hours: ["12:00-24:00"], name: Eve}]\n    public_holidays: {country: de, state: by}',
    ).versions[0];
    expect(v.holidays).toEqual([{ date: '2024-12-25' }, { date: '2024-12-24', intervals: [[720, 1440]], name: 'Eve' }]);
    expect(v.public_holidays).toEqual({ country: 'DE', state: 'BY' });
    expect(v.timezone).toBe('UTC');
  });

  it('versions by date: sorted, inheriting zone and holidays, with their own week', () => {
    const s = schedule(
      [
        '    timezone: Europe/Berlin',
        '    mon: ["09:00-17:00"]',
        '    holidays: ["2024-12-25"]',
        '    versions:',
        '      - {valid_from: "2025-06-01", mon: ["10:00-18:00"], holidays: ["2025-06-09"]}',
        '      - {valid_from: "2025-01-01", timezone: Europe/London, tue: ["08:00-16:00"]}',
      ].join('\n'),
    );
    expect(s.versions.map((v) => v.valid_from)).toEqual([null, '2025-01-01', '2025-06-01']);
    expect(s.versions[1]).toMatchObject({ timezone: 'Europe/London', holidays: [{ date: '2024-12-25' }] });
    expect(s.versions[1].week[1]).toEqual([]);
    expect(s.versions[1].week[2]).toEqual([[480, 960]]);
    expect(s.versions[2]).toMatchObject({ timezone: 'Europe/Berlin', holidays: [{ date: '2024-12-25' }, { date: '2025-06-09' }] });
    expect(s.versions[2].week[1]).toEqual([[600, 1080]]);
  });
});
