// `diff --history FILE --against 7d`: the run a span before the newest one (or before a given
// report), found in the history by as_of, compared like two reports.

import { UsageError } from './errors.js';
import type { HistoryEntry } from './history.js';
import { parseDuration } from './policy/units.js';
import type { RunFigures } from './compare.js';

/** `7d`, `2w`, `24h`: a span with its unit (a bare number is refused: minutes would surprise). */
export function parseSpan(text: string): number {
  if (!/^\s*\d/.test(text) || /^\s*\d+(\.\d+)?\s*$/.test(text)) throw new UsageError(`--against takes a span like 7d, 2w or 24h (got "${text}").`);
  try {
    return parseDuration(text);
  } catch {
    throw new UsageError(`--against takes a span like 7d, 2w or 24h (got "${text}").`);
  }
}

export function entryFigures(e: HistoryEntry): RunFigures {
  return { summary: { score: e.score }, rules: e.rules };
}

/**
 * The latest run as of `newer − span` or earlier (the run "a week ago" of a weekly or daily
 * cron); a UsageError naming the runs there are when none is that old.
 */
export function runBefore(entries: HistoryEntry[], newer: string, span: number, shown: string, spanText: string): HistoryEntry {
  const limit = Date.parse(newer) - span;
  let found: HistoryEntry | undefined;
  for (const e of entries) {
    if (e.as_of === null) continue;
    const t = Date.parse(e.as_of);
    if (t <= limit && (found === undefined || t >= Date.parse(found.as_of!))) found = e;
  }
  if (found) return found;
  const dated = entries
    .filter((e) => e.as_of !== null)
    .map((e) => e.as_of!)
    .sort();
  const have = dated.length ? `its runs are as of ${dated[0]} to ${dated[dated.length - 1]}` : 'it has no dated run';
  throw new UsageError(`no run in ${shown} is ${spanText} or more before ${newer} (as of ${new Date(limit).toISOString()} or earlier): ${have}.`);
}
