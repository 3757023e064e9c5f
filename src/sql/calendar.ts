// The calendar the SQL needs, emitted by the clocks the default engine uses, for a range of
// instants: the policy zone's UTC offsets (for the ISO week of a ticket in the trend) and each
// schedule's open intervals in UTC (business time is the summed overlap with them). DST and
// holidays come out exactly as the default engine counts them, because it is the same code.

import { createBusinessClock } from '../measure/business-clock.js';
import type { Policy } from '../policy/types.js';
import { offsetAt } from '../zone.js';

const DAY = 86_400_000;

/** A run of instants `[start, end)` with one UTC offset (ms). */
export interface OffsetStep {
  start: number;
  end: number;
  offset: number;
}

/**
 * The zone's offsets over `[from, to)`, as maximal runs. Offsets are sampled per day and a change
 * within a day is found to the millisecond by bisection (zones change offset at most once a day).
 */
export function offsetSteps(zone: string, from: number, to: number): OffsetStep[] {
  const steps: OffsetStep[] = [];
  let start = from;
  let offset = offsetAt(zone, from);
  for (let day = from; day < to; day += DAY) {
    const here = offsetAt(zone, day);
    if (here !== offset) {
      steps.push({ start, end: day, offset });
      start = day;
      offset = here;
    }
    const next = Math.min(day + DAY, to);
    const after = offsetAt(zone, next - 1);
    if (after === offset) continue;
    let lo = day;
    let hi = next - 1;
    // offsetAt(lo) === offset, offsetAt(hi) !== offset: find the first instant of the new offset.
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(zone, mid) === offset) lo = mid;
      else hi = mid;
    }
    steps.push({ start, end: hi, offset });
    start = hi;
    offset = after;
  }
  steps.push({ start, end: to, offset });
  return steps;
}

/** A schedule's open intervals overlapping `[from, to)`, flat `[start, end)` pairs. */
export function scheduleIntervals(policy: Policy, schedule: string, from: number, to: number): number[] {
  return createBusinessClock(policy.schedules[schedule]).openIntervals(from, to);
}

/** The names of the schedules the policy's evaluated business-clock rules use, in policy order. */
export function schedulesUsed(policy: Policy): string[] {
  const names: string[] = [];
  for (const r of policy.rules) {
    if (r.severity === 'off' || r.clock !== 'business' || r.schedule === undefined) continue;
    if (!names.includes(r.schedule)) names.push(r.schedule);
  }
  return names;
}

/** `2024-03-01` → its first instant in UTC; the range of `sql --from/--to`. */
export function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}
