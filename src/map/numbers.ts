// Numbers as help-desk exports and spreadsheets write them: `12`, `4.0` (pandas), `1,5` (decimal
// comma), `1,234.5` / `1.234,5` (grouping), `1,55,157` (Indian grouping, Excel in en-IN). Read by
// char codes; whether grouping separators were seen is left in `numberScan.grouped`, so the
// mapper can report the Excel/locale damage without a second look.

export const numberScan = { grouped: false };

const COMMA = 44;
const DOT = 46;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Group sizes between grouping separators must look like digit grouping: first group 1–3 digits,
 * the last one exactly 3, the ones between 2 (Indian) or 3.
 */
function validGroups(s: string, from: number, to: number, sep: number): boolean {
  let groups = 0;
  let len = 0;
  for (let p = from; p < to; p++) {
    const c = s.charCodeAt(p);
    if (c === sep) {
      if (groups === 0 ? len < 1 || len > 3 : len < 2 || len > 3) return false;
      groups++;
      len = 0;
    } else len++;
  }
  return groups === 0 || len === 3;
}

/**
 * The number written in `s` (already trimmed), or NaN. A single separator is a decimal point,
 * except a comma (or dot) followed by exactly three digits when it is the only separator kind and
 * it repeats, or a comma followed by exactly three digits: that is grouping (`1,555` is 1555).
 */
export function parseNumber(s: string): number {
  numberScan.grouped = false;
  const n = s.length;
  let p = 0;
  let neg = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 45 || c0 === 43) {
    neg = c0 === 45;
    p = 1;
  }
  if (p >= n) return NaN;
  let commas = 0;
  let dots = 0;
  let lastSep = -1;
  for (let q = p; q < n; q++) {
    const c = s.charCodeAt(q);
    if (c === COMMA) commas++;
    else if (c === DOT) dots++;
    else if (!isDigit(c)) return NaN;
    else continue;
    lastSep = q;
  }
  // Which separator is the decimal one (its index, or -1) and which one groups (char code or 0).
  let decimalAt = -1;
  let groupSep = 0;
  if (commas && dots) {
    decimalAt = lastSep;
    groupSep = s.charCodeAt(lastSep) === COMMA ? DOT : COMMA;
    if ((groupSep === COMMA ? commas : dots) < 1 || (groupSep === COMMA ? dots : commas) !== 1) return NaN;
  } else if (commas + dots === 1) {
    const sep = s.charCodeAt(lastSep);
    // `0,125` is a decimal comma: nobody groups a leading zero.
    const leadingZero = lastSep - p === 1 && s.charCodeAt(p) === 48;
    if (sep === COMMA && n - lastSep - 1 === 3 && lastSep > p && !leadingZero) groupSep = COMMA;
    else decimalAt = lastSep;
  } else if (commas + dots > 1) {
    groupSep = commas ? COMMA : DOT;
  }
  const intEnd = decimalAt >= 0 ? decimalAt : n;
  if (groupSep !== 0) {
    if (!validGroups(s, p, intEnd, groupSep)) return NaN;
    numberScan.grouped = true;
  }
  let v = 0;
  let digits = 0;
  for (let q = p; q < intEnd; q++) {
    const c = s.charCodeAt(q);
    if (c !== groupSep) {
      v = v * 10 + (c - 48);
      digits++;
    }
  }
  let scale = 0.1;
  for (let q = intEnd + 1; q < n; q++) {
    v += (s.charCodeAt(q) - 48) * scale;
    scale /= 10;
    digits++;
  }
  if (digits === 0) return NaN;
  return neg ? -v : v;
}
