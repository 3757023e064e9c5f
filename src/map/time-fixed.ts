// The fast path for `YYYY-MM-DD HH:MM:SS`, the timestamp shape most exports write on every row:
// fixed positions, no scanning, the day's start cached. time-scan.ts falls back to the general
// scanner for anything else; a property test holds the two to the same answers.

import { dateMs } from './civil-date.js';

/** Digit at `p`, or -1. */
function digitAt(s: string, p: number): number {
  const c = s.charCodeAt(p) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

// Start of each recent day, direct-mapped: a row's dates (created, updated, solved, due) differ.
const DAYS_CACHED = 64;
const cachedDay = new Int32Array(DAYS_CACHED).fill(-1);
const cachedDayMs = new Float64Array(DAYS_CACHED);

/**
 * `YYYY-MM-DD HH:MM:SS` (or with `T`), the shape most exports write on every row, read at fixed
 * positions with the day's start cached (rows come day by day): the general scanner below gives
 * the same result for it, at several times the cost. Undefined when `s` is not in that shape.
 */
export function fixedIso(s: string): number | undefined {
  if (s.length !== 19 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  const t = s.charCodeAt(10);
  if (t !== 32 && t !== 84) return undefined;
  const y0 = digitAt(s, 0),
    y1 = digitAt(s, 1),
    y2 = digitAt(s, 2),
    y3 = digitAt(s, 3);
  const m0 = digitAt(s, 5),
    m1 = digitAt(s, 6),
    d0 = digitAt(s, 8),
    d1 = digitAt(s, 9);
  const h0 = digitAt(s, 11),
    h1 = digitAt(s, 12),
    i0 = digitAt(s, 14),
    i1 = digitAt(s, 15);
  const s0 = digitAt(s, 17),
    s1 = digitAt(s, 18);
  // digitAt gives -1 for anything else: one negative makes the OR negative.
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1 | h0 | h1 | i0 | i1 | s0 | s1) < 0) return undefined;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  const h = h0 * 10 + h1;
  const mi = i0 * 10 + i1;
  const sec = s0 * 10 + s1;
  if (mi > 59 || sec > 59 || h > 24 || (h === 24 && (mi !== 0 || sec !== 0))) return NaN;
  const day = (y * 100 + m) * 100 + d;
  const slot = day % DAYS_CACHED;
  if (cachedDay[slot] !== day) {
    cachedDay[slot] = day;
    cachedDayMs[slot] = dateMs(y, m, d);
  }
  const start = cachedDayMs[slot];
  return Number.isNaN(start) ? NaN : start + ((h * 60 + mi) * 60 + sec) * 1000;
}
