// `--as-of`, `--since` and `--until` values: dates are local days in the policy's time zone, and
// relative values (`7d`, `4w`) count back from `as_of`, which may only be known after reading.

import { UsageError } from './errors.js';
import { fromWall } from './zone.js';

const DAY = 86_400_000;

/**
 * Date.UTC for any year: Date.UTC reads years 0–99 as 1900–1999 (`0001-01-01` became 1901 and
 * was refused as "not a real date").
 */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(Date.UTC(2000, month, day, hour, minute, second));
  d.setUTCFullYear(year, month, day);
  return d.getTime();
}

export type When = { kind: 'instant'; at: number } | { kind: 'relative'; days: number };

/** Parse an `--as-of` instant: ISO timestamp (offset optional, read in `zone`) or a date (end of that day). */
export function parseAsOf(text: string, zone: string): number {
  const when = parseWhen(text, zone, '--as-of', 'end');
  if (when.kind !== 'instant') throw new UsageError(`--as-of takes a date or timestamp, not a relative span ("${text}").`);
  return when.at;
}

/**
 * `2024-03-01` (start of that local day for --since; for --until, the selection ends at the start of
 * the day after, so `--until 2024-03-31` includes March 31), `2024-03-01T12:00` / with offset, or
 * `30d` / `4w` before as_of.
 */
export function parseWhen(text: string, zone: string, flag: string, edge: 'start' | 'end'): When {
  const t = text.trim();
  const rel = /^(\d{1,5})\s*([dw])$/i.exec(t);
  if (rel) return { kind: 'relative', days: Number(rel[1]) * (rel[2].toLowerCase() === 'w' ? 7 : 1) };
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (date) {
    const wall = utc(+date[1], +date[2] - 1, +date[3]) + (edge === 'end' ? DAY : 0);
    if (Number.isNaN(wall) || new Date(wall - (edge === 'end' ? DAY : 0)).toISOString().slice(0, 10) !== t) {
      throw new UsageError(`${flag}: "${text}" is not a real date (expected YYYY-MM-DD).`);
    }
    return { kind: 'instant', at: fromWall(zone, wall).utc };
  }
  const stamp = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (stamp) {
    const wall = utc(+stamp[1], +stamp[2] - 1, +stamp[3], +stamp[4], +stamp[5], +(stamp[6] ?? 0));
    if (Number.isNaN(wall)) throw new UsageError(`${flag}: "${text}" is not a valid timestamp.`);
    const off = stamp[7];
    if (!off) return { kind: 'instant', at: fromWall(zone, wall).utc };
    if (off === 'Z') return { kind: 'instant', at: wall };
    const sign = off[0] === '-' ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    return { kind: 'instant', at: wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000 };
  }
  throw new UsageError(`${flag}: cannot read "${text}"; use a date (2024-03-01), a timestamp (2024-03-01T09:00) or a span before as_of (7d, 4w).`);
}

/** Resolve a `When` to an instant once as_of is known. */
export function resolveWhen(when: When | undefined, asOf: number): number | undefined {
  if (!when) return undefined;
  return when.kind === 'instant' ? when.at : asOf - when.days * DAY;
}
