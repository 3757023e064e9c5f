// Which local dates a schedule version closes: its own holidays (whole days or only some hours)
// and, when configured, public holidays from date-holidays. Only holidays of type `public` close
// the office: `bank`, `school`, `optional` and `observance` days (Christmas Eve afternoon,
// Valentine's Day, …) are working days for a support desk unless listed as local holidays.

import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { PolicyError } from '../errors.js';
import type { DayInterval, ScheduleVersion } from '../policy/types.js';
import { DAY, dayOfDate, yearOf } from './business-calendar.js';

/** How a day is closed: `true` the whole day, a list for only those minutes, undefined not at all. */
export type Closure = true | DayInterval[] | undefined;

export type ClosedDays = (day: number) => Closure;

export function closedDaysOf(version: ScheduleVersion, scheduleName: string): ClosedDays {
  const local = new Map<number, true | DayInterval[]>();
  for (const h of version.holidays) {
    const day = dayOfDate(h.date);
    if (Number.isNaN(day)) {
      throw new PolicyError(`schedule ${scheduleName}: holiday date "${h.date}" is not YYYY-MM-DD`);
    }
    const before = local.get(day);
    if (!h.intervals || before === true) local.set(day, true);
    else local.set(day, [...(before ?? []), ...h.intervals]);
  }
  const publicDays = version.public_holidays ? publicHolidayDays(version.public_holidays, scheduleName) : null;
  return (day) => (publicDays?.(day) ? true : local.get(day));
}

type Region = NonNullable<ScheduleVersion['public_holidays']>;

// Loaded on first use: date-holidays takes ~0.2 s to load, in every process and worker thread,
// and most policies name no public-holiday region.
let holidaysClass: typeof Holidays | undefined;
export function loadHolidays(): typeof Holidays {
  return (holidaysClass ??= createRequire(import.meta.url)('date-holidays') as typeof Holidays);
}

// date-holidays takes ~3 ms per year and region; the answer never changes, so it is kept for the
// process (keyed by region) and filled one year at a time.
const regionDays = new Map<string, { years: Set<number>; days: Set<number>; source: Holidays }>();

function publicHolidayDays(region: Region, scheduleName: string): (day: number) => boolean {
  const key = [region.country, region.state ?? '', region.region ?? ''].join('|').toUpperCase();
  let entry = regionDays.get(key);
  if (!entry) {
    entry = { years: new Set(), days: new Set(), source: holidaySource(region, scheduleName) };
    regionDays.set(key, entry);
  }
  const { years, days, source } = entry;
  const load = (year: number) => {
    if (years.has(year)) return;
    years.add(year);
    for (const h of source.getHolidays(year)) {
      if (h.type !== 'public') continue;
      // `date` is the holiday's local date ("2024-10-03 00:00:00"); a multi-day holiday
      // ("P3D") lasts whole days, so its length rounds to days whatever DST did to the hours.
      const first = dayOfDate(h.date);
      const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY));
      for (let d = first; d < first + length; d++) days.add(d);
    }
  };
  return (day) => {
    const year = yearOf(day);
    load(year);
    load(year - 1); // a multi-day holiday late in December reaches into the next year
    return days.has(day);
  };
}

function holidaySource(region: Region, scheduleName: string): Holidays {
  const probe = new (loadHolidays())();
  const where = `schedule ${scheduleName}: public holidays`;
  const country = codeIn(probe.getCountries(), region.country);
  if (!country) throw new PolicyError(`${where}: unknown country "${region.country}"`);
  if (region.state === undefined) {
    if (region.region !== undefined) throw new PolicyError(`${where}: a region needs its state`);
    return new (loadHolidays())(country);
  }
  const state = codeIn(probe.getStates(country), region.state);
  if (!state) throw new PolicyError(`${where}: unknown state "${region.state}" of ${country}`);
  if (region.region === undefined) return new (loadHolidays())(country, state);
  const sub = codeIn(probe.getRegions(country, state), region.region);
  if (!sub) throw new PolicyError(`${where}: unknown region "${region.region}" of ${country}-${state}`);
  return new (loadHolidays())(country, state, sub);
}

/** The code as date-holidays spells it (codes are matched case-insensitively). */
function codeIn(known: Record<string, string> | undefined, code: string): string | undefined {
  const wanted = code.toUpperCase();
  return Object.keys(known ?? {}).find((k) => k.toUpperCase() === wanted);
}
