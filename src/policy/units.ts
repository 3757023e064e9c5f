// Numbers the way people write them in a policy: durations (`3m`, `24h`, `1h30m`), percentages
// (`95%`, `0.95`), local times of day (`09:00-17:00`) and dates (`2024-12-25`).

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

// Longest spellings first so `min` is not read as `m` + junk.
const UNITS: [RegExp, number, string][] = [
  [/^(?:w|wk|wks|weeks?)$/, WEEK, 'w'],
  [/^(?:d|days?)$/, DAY, 'd'],
  [/^(?:h|hrs?|hours?)$/, HOUR, 'h'],
  [/^(?:m|mins?|minutes?)$/, MINUTE, 'm'],
  [/^(?:s|secs?|seconds?)$/, SECOND, 's'],
  [/^ms$/, 1, 'ms'],
];

const PART = /(\d+(?:\.\d+)?)\s*([a-z]+)\s*/gy;

/**
 * A duration in milliseconds. Strings are one or more `<number><unit>` parts, largest unit first,
 * each unit once (`1h30m`, `1.5h`, `7 days`); units w, d, h, m, s, ms and their spelled-out forms.
 * A bare number (or numeric string) is **minutes**, the unit reports use. Throws on anything else.
 */
export function parseDuration(text: string | number): number {
  if (typeof text === 'number') {
    if (!Number.isFinite(text) || text < 0 || !Number.isFinite(text * MINUTE)) throw new Error(`expected a duration like 24h, got ${text}`);
    return Math.round(text * MINUTE);
  }
  const s = text.trim().toLowerCase();
  if (/^\d+(?:\.\d+)?$/.test(s)) return parseDuration(Number(s));
  if (s === '') throw new Error('expected a duration like 24h, got an empty string');
  let total = 0;
  let lastRank = -1;
  PART.lastIndex = 0;
  while (PART.lastIndex < s.length) {
    const start = PART.lastIndex;
    const m = PART.exec(s);
    if (!m || m.index !== start) throw new Error(`expected a duration like 24h or 1h30m, got "${text}"`);
    const rank = UNITS.findIndex(([re]) => re.test(m[2]));
    if (rank < 0) throw new Error(`unknown unit "${m[2]}" in "${text}" (use w, d, h, m or s)`);
    if (rank <= lastRank) throw new Error(`expected units largest first, each once, like 1h30m, got "${text}"`);
    lastRank = rank;
    total += Number(m[1]) * UNITS[rank][1];
  }
  // A number too long to be one (a 400-digit window) overflows to Infinity.
  if (!Number.isFinite(total)) throw new Error(`expected a duration like 24h, got a number too large to be one`);
  return Math.round(total);
}

/**
 * `1h30m`, `24h`, `3d`, `90s`, `0s`: largest unit first. Days only from 48 hours on, so a day's
 * window reads `24h` as people say it; never weeks (`7d` reads like DESIGN's "7 calendar days").
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`not a duration: ${ms}`);
  let rest = Math.round(ms);
  let out = '';
  for (const [, size, unit] of UNITS) {
    if (unit === 'w' || (unit === 'd' && ms < 2 * DAY)) continue;
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out || '0s';
}

/**
 * A fraction 0–1. `95%` is 0.95; a bare number 0–1 is a fraction (`0.95`, and `1` is 100 %);
 * a bare number above 1 and up to 100 is percentage points (`95` is 95 %). Above 100 % throws.
 * Write `1%` for one percent: a bare `1` means all.
 */
export function parsePercent(text: string | number): number {
  let value: number;
  let points: boolean;
  if (typeof text === 'number') {
    value = text;
    points = text > 1;
  } else {
    const s = text.trim();
    const m = /^(-?\d+(?:\.\d+)?)\s*(%?)$/.exec(s);
    if (!m) throw new Error(`expected a percentage like 95%, got "${text}"`);
    value = Number(m[1]);
    points = m[2] === '%' || value > 1;
  }
  if (!Number.isFinite(value) || value < 0) throw new Error(`expected a percentage like 95%, got ${text}`);
  const fraction = points ? value / 100 : value;
  if (fraction > 1) throw new Error(`expected a percentage of at most 100%, got ${text}`);
  return Number(fraction.toPrecision(12));
}

/** `95%`, `2.5%`: the fraction written back in percentage points. */
export function formatPercent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(12))}%`;
}

const TIME = /^([01]?\d|2[0-4]):([0-5]\d)$/;

/** Minutes from midnight of `HH:MM`; `24:00` (1440) only when `end` is true. */
export function parseTimeOfDay(text: string, end: boolean): number {
  const m = TIME.exec(text.trim());
  if (!m) throw new Error(`expected a time like 09:00, got "${text.trim()}"`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes > 1440 || (minutes === 1440 && !end)) throw new Error(`"${text.trim()}" is not a time of day (24:00 only ends an interval)`);
  return minutes;
}

/** `[start, end]` minutes of `HH:MM-HH:MM`; end < start is an overnight interval (the caller splits it). */
export function parseTimeRange(text: string): [number, number] {
  const parts = text.split('-');
  if (parts.length !== 2) throw new Error(`expected hours like "09:00-17:00", got "${text}"`);
  const start = parseTimeOfDay(parts[0], false);
  const end = parseTimeOfDay(parts[1], true);
  if (start === end) throw new Error(`"${text.trim()}" is empty: start and end are the same time`);
  return [start, end];
}

export function formatTimeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function formatTimeRange([start, end]: readonly [number, number]): string {
  return `${formatTimeOfDay(start)}-${formatTimeOfDay(end)}`;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isLocalDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}
