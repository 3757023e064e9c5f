import { describe, expect, it } from 'vitest';
import { fromWall, isValidZone, localDate, offsetAt, toWall } from '../../src/zone.js';

const H = 3_600_000;

describe('zone arithmetic', () => {
  it('knows IANA zones and rejects others', () => {
    expect(isValidZone('Europe/Berlin')).toBe(true);
    expect(isValidZone('Mars/Olympus')).toBe(false);
  });

  it('gives offsets either side of New York spring-forward (2024-03-10 07:00Z)', () => {
    expect(offsetAt('America/New_York', Date.UTC(2024, 2, 10, 6, 59, 59))).toBe(-5 * H);
    expect(offsetAt('America/New_York', Date.UTC(2024, 2, 10, 7, 0, 0))).toBe(-4 * H);
  });

  it('moves a wall time inside the gap forward (02:30 → 03:30 EDT)', () => {
    const r = fromWall('America/New_York', Date.UTC(2024, 2, 10, 2, 30));
    expect(r.gap).toBe(true);
    expect(r.utc).toBe(Date.UTC(2024, 2, 10, 7, 30));
  });

  it('reads an overlapping wall time as the earlier instant (01:30 EDT on fall-back night)', () => {
    const r = fromWall('America/New_York', Date.UTC(2024, 10, 3, 1, 30));
    expect(r.overlap).toBe(true);
    expect(r.utc).toBe(Date.UTC(2024, 10, 3, 5, 30));
  });

  it('round-trips ordinary wall times, including half-hour zones', () => {
    for (const zone of ['Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
      const wall = Date.UTC(2024, 5, 15, 9, 45);
      const { utc } = fromWall(zone, wall);
      expect(toWall(zone, utc)).toBe(wall);
    }
    expect(localDate('Australia/Sydney', Date.UTC(2024, 0, 1, 13, 30))).toBe('2024-01-02');
  });

  it('answers exactly inside an hour holding a half-hour transition (Lord Howe, 2024-04-07 15:00Z)', () => {
    // Lord Howe falls back from +11:00 to +10:30 at 02:00 local = 2024-04-06T15:00Z.
    expect(offsetAt('Australia/Lord_Howe', Date.UTC(2024, 3, 6, 14, 59))).toBe(11 * H);
    expect(offsetAt('Australia/Lord_Howe', Date.UTC(2024, 3, 6, 15, 1))).toBe(10.5 * H);
  });
});
