// Record ids as exports write them. Two kinds of damage are common: Excel shows long numeric ids
// in scientific notation (`1.03006E+13`: the digits are gone, so it is reported and kept as
// written, where it may then collide as a duplicate), and pandas writes integer ids of a column
// with gaps as floats (`3.0`), which must still match the `3` they refer to.

import { createHash } from 'node:crypto';

/**
 * Longest id kept as written. Ids are remembered for the whole audit (duplicates) and listed in
 * breaches; real ones are numbers, keys like PROJ-123 or e-mail message ids (under 200
 * characters). A longer one (900 kB ids were seen in hostile files) is kept as its first
 * characters and a digest of the whole, so memory does not grow with id bytes.
 */
export const MAX_ID_LENGTH = 256;
const KEPT_PREFIX = 64;

/** `first 64 characters…#` + 16 hex digits of SHA-256 over the whole id: distinct ids stay distinct. */
export function shortenedId(id: string): string {
  return `${id.slice(0, KEPT_PREFIX)}…#${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `1.03006E+13`, `1E+13`, `9.2e12`: a number in Excel's scientific display. */
export function isScientificId(s: string): boolean {
  const n = s.length;
  if (n < 4 || !isDigit(s.charCodeAt(0))) return false;
  let p = 1;
  if (s.charCodeAt(p) === 46) {
    p++;
    while (p < n && isDigit(s.charCodeAt(p))) p++;
  }
  const e = s.charCodeAt(p) | 32;
  if (e !== 101) return false;
  p++;
  const sign = s.charCodeAt(p);
  if (sign === 43 || sign === 45) p++;
  const start = p;
  while (p < n && isDigit(s.charCodeAt(p))) p++;
  return p === n && p > start;
}

/** `3.0` → `3` (an integer id saved as a float); anything else unchanged. */
export function canonicalId(s: string): string {
  const n = s.length;
  if (n < 3 || s.charCodeAt(n - 1) !== 48 || s.charCodeAt(n - 2) !== 46) return s;
  for (let p = 0; p < n - 2; p++) if (!isDigit(s.charCodeAt(p))) return s;
  return s.slice(0, n - 2);
}

/**
 * `1,55,157` or `103,006,000`: a numeric id shown with a spreadsheet's digit grouping (Western
 * groups of three, or Indian lakh/crore groups of two), and saved as displayed. Returns the digits,
 * or undefined when the text is not such a number. A first group of 1–3 digits, then groups of
 * 2 or 3, the last of 3.
 */
export function groupedIdDigits(s: string): string | undefined {
  if (s.indexOf(',') < 0) return undefined;
  const groups = s.split(',');
  if (groups.length < 2) return undefined;
  for (let g = 0; g < groups.length; g++) {
    const part = groups[g];
    const ok = g === 0 ? part.length >= 1 && part.length <= 3 : g === groups.length - 1 ? part.length === 3 : part.length === 2 || part.length === 3;
    if (!ok) return undefined;
    for (let p = 0; p < part.length; p++) if (!isDigit(part.charCodeAt(p))) return undefined;
  }
  return groups.join('');
}
