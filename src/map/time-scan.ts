// Hand-rolled scanners for the timestamp layouts of map/time.ts. Each reads one whole value by
// char codes and returns its *wall time* as "UTC ms of the written fields" (Date.UTC arithmetic,
// no Date object, no regex), or NaN. An explicit offset, when written, is left in `scan.offset`
// (ms, local − UTC; NaN when none): module scratch instead of a result object, so the per-row
// path allocates nothing. Everything here is synchronous, so the scratch cannot be interleaved.

import { dateMs } from './civil-date.js';
import { fixedIso } from './time-fixed.js';

export const scan = { offset: NaN, pos: 0 };

const DAY = 86_400_000;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Reads between `min` and `max` digits at scan.pos; -1 when fewer than `min`. */
function digits(s: string, min: number, max: number): number {
  let p = scan.pos;
  let v = 0;
  const end = Math.min(s.length, p + max);
  const start = p;
  while (p < end) {
    const c = s.charCodeAt(p);
    if (!isDigit(c)) break;
    v = v * 10 + (c - 48);
    p++;
  }
  if (p - start < min) return -1;
  scan.pos = p;
  return v;
}

function skipSpaces(s: string): void {
  while (scan.pos < s.length && s.charCodeAt(scan.pos) === 32) scan.pos++;
}

/** Two-digit years follow POSIX strptime: 00–68 → 2000–2068, 69–99 → 1969–1999. */
function fullYear(y: number, width: number): number {
  if (width === 4) return y;
  return y < 69 ? 2000 + y : 1900 + y;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_KEYS = new Map<number, number>(MONTHS.map((m, i) => [(m.charCodeAt(0) << 16) | (m.charCodeAt(1) << 8) | m.charCodeAt(2), i + 1]));

/** English three-letter month at scan.pos (any case) → 1–12, or -1. */
function monthName(s: string): number {
  const p = scan.pos;
  if (p + 3 > s.length) return -1;
  const key = ((s.charCodeAt(p) | 32) << 16) | ((s.charCodeAt(p + 1) | 32) << 8) | (s.charCodeAt(p + 2) | 32);
  const m = MONTH_KEYS.get(key);
  if (m === undefined) return -1;
  scan.pos = p + 3;
  return m;
}

const UTC_KEY = (117 << 16) | (116 << 8) | 99;
const GMT_KEY = (103 << 16) | (109 << 8) | 116;

/** `Z`, `UTC`, `GMT`, `+01:00`, `+0100`, `+01` at scan.pos → offset ms, or NaN (scan.pos unchanged). */
function zoneSuffix(s: string): number {
  const p = scan.pos;
  const c = s.charCodeAt(p);
  if (c === 90 || c === 122) {
    // Z
    scan.pos = p + 1;
    return 0;
  }
  const u = c | 32;
  if (u === 117 || u === 103) {
    // UTC / GMT, optionally followed by an offset
    const w = (u << 16) | ((s.charCodeAt(p + 1) | 32) << 8) | (s.charCodeAt(p + 2) | 32);
    if (w !== UTC_KEY && w !== GMT_KEY) return NaN;
    scan.pos = p + 3;
    const next = s.charCodeAt(scan.pos);
    if (next !== 43 && next !== 45) return 0;
  }
  const sign = s.charCodeAt(scan.pos);
  if (sign !== 43 && sign !== 45 && sign !== 0x2212) {
    scan.pos = p;
    return NaN;
  }
  scan.pos++;
  const h = digits(s, 2, 2);
  if (h < 0 || h > 14) return ((scan.pos = p), NaN);
  let m = 0;
  if (s.charCodeAt(scan.pos) === 58) scan.pos++;
  if (isDigit(s.charCodeAt(scan.pos))) {
    m = digits(s, 2, 2);
    if (m < 0 || m > 59) return ((scan.pos = p), NaN);
  }
  return (sign === 43 ? 1 : -1) * (h * 60 + m) * 60_000;
}

/**
 * The time after a date: nothing (midnight), or `[T| ]H[H]:MM[:SS[.fff]]` with optional
 * ` AM/PM` and optional offset, up to the end of the text. Returns ms of day (may be 24:00) or -1.
 */
function timeOfDay(s: string, allowT: boolean): number {
  scan.offset = NaN;
  if (scan.pos >= s.length) return 0;
  const sep = s.charCodeAt(scan.pos);
  if (sep === 84 && allowT) scan.pos++;
  else if (sep === 32) skipSpaces(s);
  else return -1;
  let h = digits(s, 1, 2);
  if (h < 0 || s.charCodeAt(scan.pos) !== 58) return -1;
  scan.pos++;
  const mi = digits(s, 2, 2);
  if (mi < 0 || mi > 59) return -1;
  let sec = 0;
  let ms = 0;
  if (s.charCodeAt(scan.pos) === 58) {
    scan.pos++;
    sec = digits(s, 2, 2);
    if (sec < 0 || sec > 59) return -1;
    const dot = s.charCodeAt(scan.pos);
    if (dot === 46 || dot === 44) {
      scan.pos++;
      // Fractions: keep milliseconds, ignore finer digits.
      let scale = 100;
      const start = scan.pos;
      while (scan.pos < s.length && isDigit(s.charCodeAt(scan.pos))) {
        ms += (s.charCodeAt(scan.pos) - 48) * scale;
        scale /= 10;
        scan.pos++;
      }
      if (scan.pos === start) return -1;
      ms = Math.floor(ms);
    }
  }
  skipSpaces(s);
  const a = s.charCodeAt(scan.pos) | 32;
  if (a === 97 || a === 112) {
    // a / p
    let q = scan.pos + 1;
    if (s.charCodeAt(q) === 46) q++;
    if ((s.charCodeAt(q) | 32) !== 109) return -1;
    q++;
    if (s.charCodeAt(q) === 46) q++;
    scan.pos = q;
    if (h < 1 || h > 12) return -1;
    h = a === 112 ? (h === 12 ? 12 : h + 12) : h === 12 ? 0 : h;
    skipSpaces(s);
  }
  if (scan.pos < s.length) {
    scan.offset = zoneSuffix(s);
    if (Number.isNaN(scan.offset)) return -1;
    skipSpaces(s);
    if (scan.pos < s.length) return -1;
  }
  if (h > 24 || (h === 24 && (mi !== 0 || sec !== 0 || ms !== 0))) return -1;
  return ((h * 60 + mi) * 60 + sec) * 1000 + ms;
}

function finish(date: number, time: number): number {
  if (Number.isNaN(date) || time < 0) return NaN;
  return date + time;
}

/** ISO 8601 (also `YYYY/MM/DD`): `2024-03-05`, `2024-03-05T14:22Z`, `2024-03-05 14:22:00.123+0100`. */
export function scanIso(s: string): number {
  const fixed = fixedIso(s);
  scan.offset = NaN;
  if (fixed !== undefined) return fixed;
  scan.pos = 0;
  const y = digits(s, 4, 4);
  const sep = s.charCodeAt(scan.pos);
  if (y < 0 || (sep !== 45 && sep !== 47)) return NaN;
  scan.pos++;
  const m = digits(s, 1, 2);
  if (m < 0 || s.charCodeAt(scan.pos) !== sep) return NaN;
  scan.pos++;
  const d = digits(s, 1, 2);
  if (d < 0) return NaN;
  return finish(dateMs(y, m, d), timeOfDay(s, true));
}

/** Slash dates with `/`, `.` or `-`, 2- or 4-digit years; `dayFirst` picks DD/MM or MM/DD. */
export function scanSlash(s: string, dayFirst: boolean): number {
  scan.pos = 0;
  scan.offset = NaN;
  const a = digits(s, 1, 2);
  const sep = s.charCodeAt(scan.pos);
  if (a < 0 || (sep !== 47 && sep !== 46 && sep !== 45)) return NaN;
  scan.pos++;
  const b = digits(s, 1, 2);
  if (b < 0 || s.charCodeAt(scan.pos) !== sep) return NaN;
  scan.pos++;
  const start = scan.pos;
  const y = digits(s, 2, 4);
  const width = scan.pos - start;
  if (y < 0 || width === 3) return NaN;
  const date = dayFirst ? dateMs(fullYear(y, width), b, a) : dateMs(fullYear(y, width), a, b);
  return finish(date, timeOfDay(s, false));
}

/** Jira: `05/Mar/24 2:22 PM` (also 4-digit years and 24-hour times). */
export function scanJira(s: string): number {
  scan.pos = 0;
  scan.offset = NaN;
  const d = digits(s, 1, 2);
  if (d < 0 || s.charCodeAt(scan.pos) !== 47) return NaN;
  scan.pos++;
  const m = monthName(s);
  if (m < 0 || s.charCodeAt(scan.pos) !== 47) return NaN;
  scan.pos++;
  const start = scan.pos;
  const y = digits(s, 2, 4);
  const width = scan.pos - start;
  if (y < 0 || width === 3) return NaN;
  return finish(dateMs(fullYear(y, width), m, d), timeOfDay(s, false));
}

/** Twitter API: `Tue Oct 31 22:10:47 +0000 2017` (the weekday is not checked). */
export function scanTwitter(s: string): number {
  scan.offset = NaN;
  if (s.length < 26 || s.charCodeAt(3) !== 32) return NaN;
  scan.pos = 4;
  const m = monthName(s);
  if (m < 0 || s.charCodeAt(scan.pos) !== 32) return NaN;
  scan.pos++;
  const d = digits(s, 1, 2);
  if (d < 0 || s.charCodeAt(scan.pos) !== 32) return NaN;
  scan.pos++;
  const h = digits(s, 2, 2);
  if (h < 0 || h > 23 || s.charCodeAt(scan.pos) !== 58) return NaN;
  scan.pos++;
  const mi = digits(s, 2, 2);
  if (mi < 0 || mi > 59 || s.charCodeAt(scan.pos) !== 58) return NaN;
  scan.pos++;
  const sec = digits(s, 2, 2);
  if (sec < 0 || sec > 59 || s.charCodeAt(scan.pos) !== 32) return NaN;
  scan.pos++;
  const offset = zoneSuffix(s);
  if (Number.isNaN(offset) || s.charCodeAt(scan.pos) !== 32) return NaN;
  scan.pos++;
  const y = digits(s, 4, 4);
  if (y < 0 || scan.pos !== s.length) return NaN;
  const date = dateMs(y, m, d);
  scan.offset = offset;
  return date + ((h * 60 + mi) * 60 + sec) * 1000;
}

/**
 * Epoch seconds or milliseconds, told apart by magnitude: below 1e11 it is seconds (1e11 s is the
 * year 5138; 1e11 ms is 1973). Returns the instant itself (offset 0).
 */
export function scanEpoch(s: string): number {
  scan.offset = 0;
  let p = 0;
  let neg = false;
  if (s.charCodeAt(0) === 45) {
    neg = true;
    p = 1;
  }
  let v = 0;
  const start = p;
  while (p < s.length && isDigit(s.charCodeAt(p))) v = v * 10 + (s.charCodeAt(p++) - 48);
  if (p === start || p - start > 16) return NaN;
  let frac = 0;
  if (p < s.length && s.charCodeAt(p) === 46) {
    p++;
    let scale = 0.1;
    while (p < s.length && isDigit(s.charCodeAt(p))) {
      frac += (s.charCodeAt(p++) - 48) * scale;
      scale /= 10;
    }
  }
  if (p !== s.length) return NaN;
  const n = v + frac;
  const ms = n < 1e11 ? Math.round(n * 1000) : Math.round(n);
  return neg ? -ms : ms;
}

/**
 * Excel serial day numbers (days since 1899-12-30, fraction = time of day), as found when Excel
 * turned a date column into numbers. Only 20000–80000 (1954–2119) is taken as a serial. Wall time.
 */
export function scanExcelSerial(s: string): number {
  scan.offset = NaN;
  const c0 = s.charCodeAt(0);
  if (!isDigit(c0) || s.length > 20) return NaN;
  const n = Number(s);
  if (!(n >= 20000 && n < 80000)) return NaN;
  return Math.round(((n - 25569) * DAY) / 1000) * 1000; // 25569 = serial of 1970-01-01; whole seconds
}
