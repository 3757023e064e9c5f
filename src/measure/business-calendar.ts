// Local calendar dates as day numbers (days since 1970-01-01, the date's own label, no zone):
// the business clock keys its per-day cache, holidays and schedule versions by them, so the hot
// path compares integers instead of strings or Date objects.

import type { DayInterval } from '../policy/types.js';

export const MINUTE = 60_000;
export const DAY = 86_400_000;

/** Day number of a local date `YYYY-MM-DD` (NaN when malformed). */
export function dayOfDate(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return NaN;
  return Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY;
}

/** Weekday of a day number, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Calendar year of a day number. */
export function yearOf(day: number): number {
  return new Date(day * DAY).getUTCFullYear();
}

/** `[start, end)` minute intervals sorted and merged (touching intervals join). */
export function mergeIntervals(intervals: readonly DayInterval[]): DayInterval[] {
  const sorted = intervals.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: DayInterval[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** The parts of `open` not covered by `closed` (both in minutes of one local day). */
export function subtractIntervals(open: readonly DayInterval[], closed: readonly DayInterval[]): DayInterval[] {
  const cuts = mergeIntervals(closed);
  const out: DayInterval[] = [];
  for (const [s0, e] of mergeIntervals(open)) {
    let s = s0;
    for (const [cs, ce] of cuts) {
      if (ce <= s || cs >= e) continue;
      if (cs > s) out.push([s, cs]);
      s = Math.max(s, ce);
      if (s >= e) break;
    }
    if (s < e) out.push([s, e]);
  }
  return out;
}
