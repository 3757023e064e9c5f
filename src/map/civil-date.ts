// Calendar arithmetic on written dates, without Date objects per value: the days of a month and
// the UTC milliseconds of a validated year-month-day (wall time, as the scanners return it).

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Wall ms of a validated date, or NaN. */
export function dateMs(year: number, month: number, day: number): number {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return Date.UTC(year, month - 1, day);
}
