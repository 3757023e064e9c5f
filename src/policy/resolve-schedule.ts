// Schedules as written → resolved ScheduleVersions: overnight hours split at midnight (each part
// on its own date's weekday), overlaps refused naming the day, holidays and public holidays
// checked, versions sorted by their first date.

import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import type { DayInterval, Schedule, ScheduleVersion } from './types.js';
import type { Issues, Path } from './issues.js';
import { DAY_INDEX, DAY_NAMES, type DayName, type HolidayInput, type ScheduleInput, type VersionInput } from './schema-schedule.js';
import { formatTimeRange } from './units.js';

type WeekInput = Partial<Record<DayName, [number, number][]>>;

const NAME_OF = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Sunday-first week of sorted intervals; `null` when something was wrong (reported). */
function resolveWeek(days: WeekInput, path: Path, issues: Issues): DayInterval[][] | null {
  const week: { iv: DayInterval; from: string }[][] = [[], [], [], [], [], [], []];
  for (const name of DAY_NAMES) {
    const day = DAY_INDEX[name];
    for (const [start, end] of days[name] ?? []) {
      const written = formatTimeRange([start, end]);
      if (end > start) {
        week[day].push({ iv: [start, end], from: written });
      } else {
        // Overnight: the part after midnight belongs to the next date (and its weekday).
        week[day].push({ iv: [start, 1440], from: `${written} (before midnight)` });
        if (end > 0) week[(day + 1) % 7].push({ iv: [0, end], from: `${written} on ${name} (after midnight)` });
      }
    }
  }
  let ok = true;
  for (let day = 0; day < 7; day++) {
    const parts = week[day].sort((a, b) => a.iv[0] - b.iv[0]);
    for (let i = 1; i < parts.length; i++) {
      if (parts[i].iv[0] < parts[i - 1].iv[1]) {
        issues.add([...path, NAME_OF[day]], `intervals overlap on ${NAME_OF[day]}: ${parts[i - 1].from} and ${parts[i].from}`);
        ok = false;
      }
    }
  }
  if (!ok) return null;
  if (week.every((d) => d.length === 0)) {
    issues.add(path, 'no opening hours: give at least one day, like mon: ["09:00-17:00"]');
    return null;
  }
  return week.map((d) => d.map((p) => p.iv));
}

function resolveHolidays(list: HolidayInput[], path: Path, issues: Issues): ScheduleVersion['holidays'] {
  const out: ScheduleVersion['holidays'] = [];
  list.forEach((h, i) => {
    if (typeof h === 'string') return void out.push({ date: h });
    const intervals: DayInterval[] = [];
    for (const [start, end] of h.hours ?? []) {
      if (end < start) issues.add([...path, i, 'hours'], 'holiday hours stay within their date (no overnight hours)');
      else intervals.push([start, end]);
    }
    out.push({ date: h.date, ...(h.hours ? { intervals: intervals.sort((a, b) => a[0] - b[0]) } : {}), ...(h.name ? { name: h.name } : {}) });
  });
  return out;
}

function findCode(codes: Record<string, string> | undefined, code: string): string | undefined {
  return Object.keys(codes ?? {}).find((c) => c.toUpperCase() === code.toUpperCase());
}

/** The region with date-holidays' own spelling of its codes; unknown codes are reported. */
function resolvePublicHolidays(region: NonNullable<ScheduleVersion['public_holidays']>, path: Path, issues: Issues) {
  // Loaded here only: date-holidays takes ~0.2 s to load and most policies name no region.
  const HolidaysClass = createRequire(import.meta.url)('date-holidays') as typeof Holidays;
  const hd = new HolidaysClass();
  const country = findCode(hd.getCountries(), region.country);
  if (!country) return void issues.add([...path, 'country'], `unknown country code "${region.country}" (expected an ISO code like DE)`);
  if (region.state === undefined) {
    if (region.region !== undefined) issues.add([...path, 'region'], 'a region needs its state');
    return { country };
  }
  const state = findCode(hd.getStates(country), region.state);
  if (!state) return void issues.add([...path, 'state'], `unknown state "${region.state}" of ${country}`);
  if (region.region === undefined) return { country, state };
  const sub = findCode(hd.getRegions(country, state), region.region);
  if (!sub) return void issues.add([...path, 'region'], `unknown region "${region.region}" of ${country}-${state}`);
  return { country, state, region: sub };
}

function resolveVersion(
  v: ScheduleInput | VersionInput,
  base: { timezone: string; holidays: ScheduleVersion['holidays']; public_holidays?: ScheduleVersion['public_holidays'] },
  validFrom: string | null,
  path: Path,
  issues: Issues,
): ScheduleVersion | null {
  const week = resolveWeek(v, path, issues);
  const own = validFrom === null ? [] : resolveHolidays(v.holidays, [...path, 'holidays'], issues);
  const publicHolidays =
    validFrom !== null && v.public_holidays ? resolvePublicHolidays(v.public_holidays, [...path, 'public_holidays'], issues) : base.public_holidays;
  if (!week) return null;
  return {
    valid_from: validFrom,
    timezone: v.timezone ?? base.timezone,
    week,
    holidays: [...base.holidays, ...own],
    ...(publicHolidays ? { public_holidays: publicHolidays } : {}),
  };
}

export function resolveSchedule(name: string, s: ScheduleInput, policyZone: string, issues: Issues): Schedule {
  const path = ['schedules', name];
  const timezone = s.timezone ?? policyZone;
  const holidays = resolveHolidays(s.holidays, [...path, 'holidays'], issues);
  const publicHolidays = s.public_holidays ? resolvePublicHolidays(s.public_holidays, [...path, 'public_holidays'], issues) : undefined;
  const inherited = { timezone, holidays, public_holidays: publicHolidays };
  const first = resolveVersion(s, inherited, null, path, issues);
  const versions: ScheduleVersion[] = first ? [first] : [];
  const seen = new Map<string, number>();
  s.versions.forEach((v, i) => {
    const at = [...path, 'versions', i];
    const before = seen.get(v.valid_from);
    if (before !== undefined) issues.add([...at, 'valid_from'], `two versions start on ${v.valid_from} (also versions[${before}])`);
    seen.set(v.valid_from, i);
    const version = resolveVersion(v, inherited, v.valid_from, at, issues);
    if (version) versions.push(version);
  });
  versions.sort((a, b) => (a.valid_from === null ? -1 : b.valid_from === null ? 1 : a.valid_from.localeCompare(b.valid_from)));
  return { name, versions };
}
