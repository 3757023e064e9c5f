// A rule's `applies_to` as a SQL condition, matching policy/filter.ts: exact canonical values for
// channel, priority and status; type, team and tags folded (policy/glob.ts fold) and compared
// with the pattern's words or globs; subject phrases over the rows' `subject_words`
// (sql/subject.ts), which the compiler adds to the tickets when a rule needs them.

import { fold } from '../policy/glob.js';
import type { Filter } from '../policy/types.js';
import type { Dialect } from './dialect.js';
import { jsCapitals, mark, markAstral, patternLetters, phrasesUnsupported, phraseTest } from './subject.js';

/** Why the filter cannot be written in SQL exactly, or undefined. */
export function filterUnsupported(f: Filter): string | undefined {
  return f.subject?.length ? phrasesUnsupported(f.subject) : undefined;
}

/** A pattern's test of a folded value, as valueMatcher builds it: equality, else LIKE. */
function patternTest(d: Dialect, folded: string, pattern: string): string {
  const p = [...fold(pattern).replace(/\*+/g, '*')].map(mark).join('');
  if (!/[*?]/.test(p)) return `${folded} = ${d.str(p)}`;
  const like = p
    .replace(/[\\%_]/g, (c) => `\\${c}`)
    .replace(/\*/g, '%')
    .replace(/\?/g, '_');
  return d.like(folded, d.str(like));
}

/**
 * Whether `?` or a character outside the BMP is in the patterns: then the values are marked as
 * the patterns are (markAstral), so that `?` is one UTF-16 unit as in the built-in matcher. Else a
 * character outside the BMP can only meet a `*`, which matches it either way.
 */
function unitsMatter(patterns: readonly string[]): boolean {
  return patterns.some((p) => /[?\u{10000}-\u{10ffff}]/u.test(p));
}

/**
 * A type or team value folded as the built-in engine folds it (policy/glob.ts fold): the capitals
 * whose lower case the engines do not share with JavaScript rewritten first (jsCapitals).
 */
function anyPattern(d: Dialect, value: string, patterns: string[]): string {
  const folded = d.fold(jsCapitals(d, value, patternLetters(patterns)));
  return patternsOf(d, unitsMatter(patterns) ? markAstral(d, folded) : folded, patterns);
}

function patternsOf(d: Dialect, folded: string, patterns: string[]): string {
  return `(${patterns.map((p) => patternTest(d, folded, p)).join(' OR ')})`;
}

/** Whether any tag, folded once (not once per pattern: the fold is a regular expression), matches any pattern. */
function anyTag(d: Dialect, patterns: string[]): string {
  // Tags are stored lower-cased by JavaScript (map/values.ts splitTags): no capital is left to rewrite.
  const folded = d.fold('t');
  return d.anyOf(d.mapList('tags', 't', unitsMatter(patterns) ? markAstral(d, folded) : folded), patternsOf(d, 'x', patterns));
}

function oneOf(column: string, values: readonly string[] | undefined, d: Dialect): string | undefined {
  if (!values?.length) return undefined;
  return `${column} IN (${[...new Set(values)].map((v) => d.str(v)).join(', ')})`;
}

/** The filter as a condition (`1 = 1` when it is empty); callers check filterUnsupported first. */
export function filterSql(f: Filter, d: Dialect): string {
  const tests: string[] = [];
  const push = (t: string | undefined) => t && tests.push(t);
  push(oneOf('channel', f.channel, d));
  push(oneOf('priority', f.priority, d));
  push(oneOf('status', f.status, d));
  if (f.team?.length) tests.push(`(team IS NOT NULL AND ${anyPattern(d, 'team', f.team)})`);
  for (const p of f.tags?.all ?? []) tests.push(anyTag(d, [p]));
  if (f.tags?.none?.length) tests.push(`NOT (${anyTag(d, f.tags.none)})`);
  const text: string[] = [];
  if (f.type?.length) text.push(`(type IS NOT NULL AND ${anyPattern(d, 'type', f.type)})`);
  if (f.tags?.any?.length) text.push(anyTag(d, f.tags.any));
  if (f.subject?.length) text.push(`(subject_words IS NOT NULL AND (${[...new Set(f.subject)].map((p) => phraseTest(d, p)).join(' OR ')}))`);
  if (f.match === 'any' && text.length > 1) tests.push(`(${text.join(' OR ')})`);
  else tests.push(...text);
  return tests.length === 0 ? '1 = 1' : tests.join('\n      AND ');
}
