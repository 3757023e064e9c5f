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

/** The text columns whose folds filters read, with what each fold needs. */
export type FoldNeeds = Map<'type' | 'team' | 'tags', { letters: Set<string>; astral: boolean }>;

/** While compile() writes a query's rules: the folds they read, computed once per ticket in tickets_in. */
let collecting: FoldNeeds | null = null;

/**
 * Runs `write` (which compiles filters) with the folds of type, team and tags referred to as
 * columns of tickets_in (`type_folded`…, foldColumns), and returns what those columns need.
 * Outside it, a filter folds its values itself.
 */
export function withFoldColumns<T>(write: () => T): { result: T; folds: FoldNeeds } {
  const folds: FoldNeeds = new Map();
  const before = collecting;
  collecting = folds;
  try {
    return { result: write(), folds };
  } finally {
    collecting = before;
  }
}

/** The column of a fold (noting what it needs), or undefined when the filter folds inline. */
function foldColumn(column: 'type' | 'team' | 'tags', patterns: string[]): string | undefined {
  if (collecting === null) return undefined;
  const need = collecting.get(column) ?? { letters: new Set<string>(), astral: false };
  for (const letter of patternLetters(patterns)) need.letters.add(letter);
  const astral = unitsMatter(patterns);
  need.astral ||= astral;
  collecting.set(column, need);
  return astral ? `${column}_folded_astral` : `${column}_folded`;
}

/**
 * The fold columns for tickets_in: a value folded once per ticket rather than once per pattern
 * and rule (a fold is a regular expression). The capitals rewritten are those of every pattern
 * that reads the column: rewriting a capital JavaScript's way is never wrong, only needless.
 */
export function foldColumns(d: Dialect, folds: FoldNeeds): string[] {
  const out: string[] = [];
  for (const [column, need] of folds) {
    const folded = column === 'tags' ? d.fold('t') : d.fold(jsCapitals(d, column, need.letters));
    const of = (value: string) => (column === 'tags' ? d.mapList('tags', 't', value) : value);
    out.push(`${of(folded)} AS ${column}_folded`);
    if (need.astral) out.push(`${of(markAstral(d, folded))} AS ${column}_folded_astral`);
  }
  return out;
}

/**
 * A type or team value folded as the built-in engine folds it (policy/glob.ts fold): the capitals
 * whose lower case the engines do not share with JavaScript rewritten first (jsCapitals).
 */
function anyPattern(d: Dialect, value: 'type' | 'team', patterns: string[]): string {
  const column = foldColumn(value, patterns);
  if (column !== undefined) return patternsOf(d, column, patterns);
  const folded = d.fold(jsCapitals(d, value, patternLetters(patterns)));
  return patternsOf(d, unitsMatter(patterns) ? markAstral(d, folded) : folded, patterns);
}

function patternsOf(d: Dialect, folded: string, patterns: string[]): string {
  return `(${patterns.map((p) => patternTest(d, folded, p)).join(' OR ')})`;
}

/** Whether any tag, folded once (not once per pattern: the fold is a regular expression), matches any pattern. */
function anyTag(d: Dialect, patterns: string[]): string {
  const column = foldColumn('tags', patterns);
  if (column !== undefined) return d.anyOf(column, patternsOf(d, 'x', patterns));
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
