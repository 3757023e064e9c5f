// Small builders for schedule fixtures. Instants are written as ISO strings with an explicit
// offset, so the expected figures do not depend on the zone arithmetic under test.

import type { DayInterval, Schedule, ScheduleVersion } from '../../src/policy/types.js';

export const MIN = 60_000;
export const H = 3_600_000;
export const DAY_MS = 86_400_000;

export const MON_FRI = [1, 2, 3, 4, 5];
export const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

/** Minutes of a `HH:MM` wall time (24:00 allowed). */
export function hm(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return h * 60 + m;
}

/** A week with the same intervals (`'09:00-17:00'`, already split at midnight) on the given days. */
export function week(days: number[], ...intervals: string[]): DayInterval[][] {
  const parsed = intervals.map((i) => i.split('-').map(hm) as DayInterval);
  return Array.from({ length: 7 }, (_, d) => (days.includes(d) ? parsed.map((p) => [...p] as DayInterval) : []));
}

export function version(timezone: string, weekly: DayInterval[][], extra: Partial<ScheduleVersion> = {}): ScheduleVersion {
  return { valid_from: null, timezone, week: weekly, holidays: [], ...extra };
}

export function schedule(...versions: ScheduleVersion[]): Schedule {
  return { name: 'test', versions };
}

export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad fixture instant ${iso}`);
  return ms;
};
