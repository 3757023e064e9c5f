// The business clock (docs/business-hours.md): counts only time inside a schedule's open hours, in the
// schedule's time zone, minus holidays, DST-correct to the millisecond. See docs/business-hours.md.

import type { Instant } from '../types.js';
import type { Schedule } from '../policy/types.js';
import type { Clock } from './clock.js';
import { DAY, dayOfDate } from './business-calendar.js';
import { businessDay, compileVersions } from './business-day.js';
import { BusinessTimeline } from './business-timeline.js';

export interface BusinessClock extends Clock {
  /** Milliseconds of open time in `[from, to)`; 0 when `to <= from`. */
  elapsed(from: Instant, to: Instant): number;
  /** True when the schedule is open at instant `at` (intervals are `[start, end)`). */
  isOpen(at: Instant): boolean;
  /** The open intervals overlapping `[from, to)` as flat `[start, end)` UTC pairs, in order (the SQL schedule table). */
  openIntervals(from: Instant, to: Instant): number[];
}

// Instants are clamped into these years: a timestamp read with the wrong unit (seconds as ms, a
// year 55000) must not make the clock lay out millions of days. Real support data sits well inside.
const FIRST_DAY = dayOfDate('1900-01-01');
const END_DAY = dayOfDate('2200-01-01');
const EARLIEST = (FIRST_DAY + 3) * DAY;
const LATEST = (END_DAY - 4) * DAY;

function clamp(t: number): number {
  return t < EARLIEST ? EARLIEST : t > LATEST ? LATEST : t;
}

/** Throws PolicyError for an unknown time zone, a malformed date or an unknown holiday region. */
export function createBusinessClock(schedule: Schedule): BusinessClock {
  const versions = compileVersions(schedule);
  const timeline = new BusinessTimeline((day) => businessDay(versions, day), FIRST_DAY, END_DAY);
  return {
    elapsed(from, to) {
      // Also 0 when either is NaN, like the calendar clock.
      if (!(to > from)) return 0;
      const a = clamp(from);
      const b = clamp(to);
      timeline.cover(a);
      timeline.cover(b);
      return timeline.openBefore(b) - timeline.openBefore(a);
    },
    openIntervals(from, to) {
      if (!(to > from)) return [];
      const a = clamp(from);
      const b = clamp(to);
      timeline.cover(a);
      timeline.cover(b);
      return timeline.segmentsOverlapping(a, b);
    },
    isOpen(at) {
      if (Number.isNaN(at)) return false;
      const t = clamp(at);
      timeline.cover(t);
      return timeline.isOpenAt(t);
    },
  };
}
