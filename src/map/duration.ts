// Vendor duration columns → minutes. `hms` reads `HH:MM:SS` or `HH:MM` with hours past 24
// (Freshdesk writes `123:45:10`); the numeric units accept decimal points or commas
// (map/numbers.ts). A value shaped like `H:MM[:SS]` is read as hours:minutes[:seconds] whatever
// the unit, since no number of seconds or minutes is written with colons.

import type { DurationUnit } from './preset.js';
import { numberScan, parseNumber } from './numbers.js';

const PER_MINUTE: Record<Exclude<DurationUnit, 'hms'>, number> = { seconds: 1 / 60, minutes: 1, hours: 60 };

/** `[-]H+:MM[:SS[.fff]]` → minutes, NaN when it is not that shape. */
export function parseClockDuration(s: string): number {
  numberScan.grouped = false;
  let p = 0;
  const neg = s.charCodeAt(0) === 45;
  if (neg) p = 1;
  const parts = [0, 0, 0];
  let part = 0;
  let digits = 0;
  let fraction = 0;
  let scale = 0.1;
  let inFraction = false;
  for (; p < s.length; p++) {
    const c = s.charCodeAt(p);
    if (c >= 48 && c <= 57) {
      if (inFraction) {
        fraction += (c - 48) * scale;
        scale /= 10;
      } else parts[part] = parts[part] * 10 + (c - 48);
      digits++;
    } else if (c === 58 && !inFraction) {
      if (digits === 0 || part === 2) return NaN;
      part++;
      digits = 0;
    } else if ((c === 46 || c === 44) && part === 2 && digits > 0 && !inFraction) {
      inFraction = true;
    } else return NaN;
  }
  if (part === 0 || digits === 0) return NaN;
  // Minutes and seconds are clock digits (< 60, two of them); hours may run past 24.
  if (parts[1] > 59 || parts[2] > 59) return NaN;
  const minutes = parts[0] * 60 + parts[1] + (parts[2] + fraction) / 60;
  return neg ? -minutes : minutes;
}

export function makeDurationParser(unit: DurationUnit): (text: string) => number {
  const factor = unit === 'hms' ? NaN : PER_MINUTE[unit];
  return (text: string): number => {
    const s = text.trim();
    if (s === '') return NaN;
    if (s.indexOf(':') >= 0) return parseClockDuration(s);
    if (unit === 'hms') return NaN;
    return parseNumber(s) * factor;
  };
}
