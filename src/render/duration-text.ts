// Durations for people, in the same style as the reasons the rules write ("31h12m", "2d3h"):
// report durations are minutes, the formatter of src/rules/reasons.ts takes milliseconds.

import { formatDuration } from '../rules/reasons.js';

const MINUTE = 60_000;

/** `3m`, `31h12m`, `2d3h`, `45s`; `0s` below half a second; `–` when there is no number. */
export function humanMinutes(min: number | null | undefined): string {
  if (min === null || min === undefined || !Number.isFinite(min)) return '–';
  const ms = Math.round(Math.abs(min) * MINUTE);
  if (ms < 500) return '0s';
  // Whole seconds: report minutes are rounded to the hundredth, so milliseconds are noise.
  return (min < 0 ? '-' : '') + formatDuration(Math.round(ms / 1000) * 1000);
}
