// Words for the titles the built-in rules make from their numbers ("answered within 24 hours"):
// each measure's module holds its built-in rules' title templates (definition.ts `titles`).

import type { Clock } from '../policy/types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNIT_WORDS: [size: number, one: string, many: string][] = [
  [DAY, 'day', 'days'],
  [HOUR, 'hour', 'hours'],
  [MINUTE, 'minute', 'minutes'],
  [1000, 'second', 'seconds'],
];

/** `24 hours`, `48 hours`, `3 days`, `1 hour 30 minutes`, `one week` (exactly seven days, as people say it). */
export function durationWords(ms: number): string {
  if (ms === 7 * DAY) return 'one week';
  let rest = Math.round(ms);
  const parts: string[] = [];
  for (const [size, one, many] of UNIT_WORDS) {
    // Days only from 72 hours on: "24 hours" and "48 hours", as people say them and the built-in titles do.
    if (size === DAY && ms < 3 * DAY) continue;
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n} ${n === 1 ? one : many}`);
    rest -= n * size;
  }
  return parts.length ? parts.join(' ') : '0 seconds';
}

/** A window as a title says it: on a business clock, the time counts only in opening hours. */
export function windowWords(rule: { clock: Clock }, ms: number): string {
  return rule.clock === 'business' ? `${durationWords(ms)} of business time` : durationWords(ms);
}
