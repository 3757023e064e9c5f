// Calendar keys of an instant in the policy's time zone: ISO week (`2024-W09`), month
// (`2024-03`) and hour of the week (0 = Sunday 00:00 … 167). Weeks and months are cached per
// local day: tickets cluster on few days, and building the strings is the costly part.

import { toWall } from '../zone.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Days remembered; past it the memory starts afresh (dates spread over centuries must not grow it). */
const DAYS_KEPT = 4096;

export class Periods {
  private readonly days = new Map<number, { week: string; month: string }>();
  // The last day asked about: consecutive tickets are mostly from the same day.
  private lastDay = NaN;
  private lastKeys = { week: '', month: '' };
  constructor(private readonly zone: string) {}

  private day(ms: number): { week: string; month: string } {
    const wall = toWall(this.zone, ms);
    const dayNumber = Math.floor(wall / DAY);
    if (dayNumber === this.lastDay) return this.lastKeys;
    let keys = this.days.get(dayNumber);
    if (!keys) {
      keys = { week: isoWeek(dayNumber), month: new Date(dayNumber * DAY).toISOString().slice(0, 7) };
      if (this.days.size >= DAYS_KEPT) this.days.clear();
      this.days.set(dayNumber, keys);
    }
    this.lastDay = dayNumber;
    this.lastKeys = keys;
    return keys;
  }

  week(ms: number): string {
    return this.day(ms).week;
  }

  month(ms: number): string {
    return this.day(ms).month;
  }

  hourOfWeek(ms: number): number {
    const wall = toWall(this.zone, ms);
    const dayNumber = Math.floor(wall / DAY);
    // 1970-01-01 was a Thursday (4).
    const weekday = (((dayNumber + 4) % 7) + 7) % 7;
    return weekday * 24 + Math.floor((wall - dayNumber * DAY) / HOUR);
  }
}

/** ISO 8601 week of a day number (days since 1970-01-01): the week of that week's Thursday. */
export function isoWeek(dayNumber: number): string {
  const weekday = (((dayNumber + 4) % 7) + 7) % 7 || 7; // Monday 1 … Sunday 7
  const thursday = dayNumber - weekday + 4;
  const year = new Date(thursday * DAY).getUTCFullYear();
  const jan1 = Math.floor(Date.UTC(year, 0, 1) / DAY);
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
