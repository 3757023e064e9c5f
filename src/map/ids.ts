// Record ids as exports write them. Two kinds of damage are common: Excel shows long numeric ids
// in scientific notation (`1.03006E+13`: the digits are gone, so it is reported and kept as
// written, where it may then collide as a duplicate), and pandas writes integer ids of a column
// with gaps as floats (`3.0`), which must still match the `3` they refer to.

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
