// One local day of a schedule as open UTC segments. This is where wall time meets DST: each
// interval boundary goes through `fromWall`, so a spring-forward night is an hour shorter and a
// fall-back night an hour longer, to the second.

import { PolicyError } from '../errors.js';
import type { Schedule } from '../policy/types.js';
import { fromWall, isValidZone, offsetAt } from '../zone.js';
import { DAY, MINUTE, dayOfDate, subtractIntervals, weekdayOf } from './business-calendar.js';
import { closedDaysOf, type ClosedDays } from './holidays.js';

export interface CompiledVersion {
  /** First day number it applies to (-Infinity for the first, "always" version). */
  fromDay: number;
  zone: string;
  week: Schedule['versions'][number]['week'];
  closed: ClosedDays;
}

export interface BusinessDay {
  /** The instant of the day's local midnight. */
  midnight: number;
  /** Open segments `[start, end)` as UTC ms, flat pairs, sorted, disjoint and not touching. */
  segments: number[];
}

export function compileVersions(schedule: Schedule): CompiledVersion[] {
  if (schedule.versions.length === 0) throw new PolicyError(`schedule ${schedule.name}: no versions`);
  return schedule.versions.map((v) => {
    if (!isValidZone(v.timezone)) {
      throw new PolicyError(`schedule ${schedule.name}: unknown time zone "${v.timezone}"`);
    }
    const fromDay = v.valid_from === null ? -Infinity : dayOfDate(v.valid_from);
    if (Number.isNaN(fromDay)) {
      throw new PolicyError(`schedule ${schedule.name}: valid_from "${v.valid_from}" is not YYYY-MM-DD`);
    }
    return { fromDay, zone: v.timezone, week: v.week, closed: closedDaysOf(v, schedule.name) };
  });
}

/** The version in force on `day`: the last one whose valid_from is on or before it (else the first). */
export function versionOn(versions: readonly CompiledVersion[], day: number): CompiledVersion {
  for (let i = versions.length - 1; i > 0; i--) if (versions[i].fromDay <= day) return versions[i];
  return versions[0];
}

export function businessDay(versions: readonly CompiledVersion[], day: number): BusinessDay {
  const version = versionOn(versions, day);
  const wallMidnight = day * DAY;
  const toUtc = wallToUtc(version.zone, wallMidnight);
  const closure = version.closed(day);
  const open = closure === true ? [] : subtractIntervals(version.week[weekdayOf(day)] ?? [], closure ?? []);
  const pairs: [number, number][] = [];
  for (const [start, end] of open) {
    const from = toUtc(wallMidnight + start * MINUTE);
    const to = toUtc(wallMidnight + end * MINUTE);
    if (to > from) pairs.push([from, to]);
  }
  // A boundary in a DST gap moves forward with it, so an interval may come out empty (02:30–03:00
  // on a spring-forward night) or out of order with its neighbour: sort and merge, each ms once.
  pairs.sort((a, b) => a[0] - b[0]);
  const segments: number[] = [];
  for (const [from, to] of pairs) {
    const last = segments.length - 1;
    if (last > 0 && from <= segments[last]) segments[last] = Math.max(segments[last], to);
    else segments.push(from, to);
  }
  return { midnight: toUtc(wallMidnight), segments };
}

/**
 * Wall time → instant for one local day. Most days have one offset from midnight to midnight: then
 * it is a subtraction. A day holding a transition (or starting in a gap/overlap) asks `fromWall`
 * for every boundary: gap moves forward by the gap's length, overlap picks the earlier instant.
 */
function wallToUtc(zone: string, wallMidnight: number): (wall: number) => number {
  const midnight = fromWall(zone, wallMidnight);
  const offset = wallMidnight - midnight.utc;
  const steady = !midnight.gap && !midnight.overlap && offsetAt(zone, wallMidnight + DAY - offset) === offset;
  return steady ? (wall) => wall - offset : (wall) => fromWall(zone, wall).utc;
}
