// Durations for people ("31h12m", "2d3h"), as breach reasons, notes and the tables show them:
// formatDuration takes milliseconds (findings' values), humanMinutes the report's minutes.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS: [number, string][] = [
  [DAY, 'd'],
  [HOUR, 'h'],
  [MINUTE, 'm'],
  [SECOND, 's'],
];

/** A duration in at most `maxUnits` significant units; hours up to two days. */
export function durationParts(ms: number, maxUnits: number): string {
  let rest = Math.max(0, Math.round(ms));
  if (rest < SECOND) return `${rest}ms`;
  let out = '';
  let used = 0;
  // Up to two days read better in hours ("31h12m"); beyond, in days ("2d3h").
  const units = rest >= 2 * DAY ? UNITS : UNITS.slice(1);
  for (const [size, unit] of units) {
    if (used === maxUnits) break;
    const n = Math.floor(rest / size);
    if (n === 0 && used === 0) continue;
    rest -= n * size;
    used++;
    if (n > 0) out += `${n}${unit}`;
  }
  return out || '0s';
}

/** `31h12m`, `2d3h`, `3m`, `45s`: two significant units; hours up to two days. */
export function formatDuration(ms: number): string {
  return durationParts(ms, 2);
}

/** `3m`, `31h12m`, `2d3h`, `45s`; `0s` below half a second; `–` when there is no number. */
export function humanMinutes(min: number | null | undefined): string {
  if (min === null || min === undefined || !Number.isFinite(min)) return '–';
  const ms = Math.round(Math.abs(min) * MINUTE);
  if (ms < 500) return '0s';
  // Whole seconds: report minutes are rounded to the hundredth, so milliseconds are noise.
  return (min < 0 ? '-' : '') + formatDuration(Math.round(ms / 1000) * 1000);
}
