// An independent, slow reference for the business clock: walks minute by minute, asks Intl for
// each minute's local wall time and tests it against the schedule's wall intervals. It shares no
// code with src/ (neither zone.ts nor the timeline), so agreement is evidence, not tautology.
// Valid only for schedules whose boundaries never fall inside a DST gap or overlap, and for local
// holidays only (public holidays would need date-holidays again).

import type { Schedule } from '../../src/policy/types.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallOf(zone: string, utc: number): { date: string; weekday: number; minute: number } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(utc))) p[part.type] = part.value;
  const date = `${p.year}-${p.month}-${p.day}`;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return { date, weekday, minute: Number(p.hour) * 60 + Number(p.minute) };
}

/** Open minutes × 60 000 in [from, to) for minute-aligned instants. */
export function referenceElapsed(schedule: Schedule, from: number, to: number): number {
  let open = 0;
  for (let t = from; t < to; t += 60_000) {
    // Which version applies depends on the local date, which depends on the version's zone: for
    // the fixtures here all versions share one zone, so the first version's zone decides the date.
    const probe = wallOf(schedule.versions[0].timezone, t);
    let v = schedule.versions[0];
    for (const candidate of schedule.versions) {
      if (candidate.valid_from === null || candidate.valid_from <= probe.date) v = candidate;
    }
    // The same zone gives the same wall time: ask Intl once (it is most of this walk's cost).
    const wall = v.timezone === schedule.versions[0].timezone ? probe : wallOf(v.timezone, t);
    const inside = (list: [number, number][]) => list.some(([s, e]) => wall.minute >= s && wall.minute < e);
    if (!inside(v.week[wall.weekday])) continue;
    const holiday = v.holidays.filter((h) => h.date === wall.date);
    if (holiday.some((h) => !h.intervals || inside(h.intervals))) continue;
    open += 60_000;
  }
  return open;
}
