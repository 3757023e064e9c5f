// A clock measures elapsed time between two instants: the calendar clock counts every
// millisecond, a business clock (measure/business-clock.ts) only the schedule's open time.

import type { Instant } from '../types.js';

export interface Clock {
  /** Milliseconds between `from` and `to` that count on this clock (0 when `to <= from`). */
  elapsed(from: Instant, to: Instant): number;
}

export const calendarClock: Clock = {
  elapsed: (from, to) => (to > from ? to - from : 0),
};
