// Subject phrases in SQL, exactly as policy/glob.ts matches them (wordsOf + phraseMatcher): the
// subject lower-cased with JavaScript's toLowerCase, cut into words at every character that is
// not a letter or digit (\p{L}\p{N}), and a phrase's words (each a word glob: `*` any run, `?` one
// UTF-16 unit, within one word) matching consecutive words.
//
// The rows carry the subject once normalised (`subject_words`): its words joined by single
// spaces, with a space at either end, so a phrase is a substring test (` payment issue `) or a
// regular expression (` refund[^ ]* `). What the engines would do differently is settled here:
// - Letters and digits are written out as the code point ranges of this JavaScript's own \p{L}
//   and \p{N}, not the engine's Unicode tables (which are older: ClickHouse 18.16's, DuckDB's).
// - Lower case: DuckDB's lower() and ClickHouse's lowerUTF8 give JavaScript's lower case or leave
//   the character as it is (checked for every code point; lowerUTF8 of 18.16 leaves some 600
//   alone, ẞ, K (Kelvin), Cherokee, Georgian Mtavruli among them), except İ, which JavaScript
//   lower-cases to i + U+0307 (so a word ends after the i) and DuckDB to i. So İ is rewritten
//   first, and so is every other capital whose JavaScript lower case is a letter the policy's
//   phrases spell out: the rest can only meet a `?` or `*`, which match it in either case.
// - Σ lower-cases to ς at the end of a word and σ elsewhere in JavaScript, to σ in SQL: a phrase
//   that spells σ or ς is not expressed (the rule reports unsupported).
// - `?` is one UTF-16 unit: a character outside the BMP is two. Such a character is written as
//   `#` and itself (two characters; `#` is never part of a word), in the subject and the phrases.

import { wordsOf } from '../policy/glob.js';
import type { Dialect } from './dialect.js';

let wordClass: string | undefined;

/**
 * The code points of \p{L}\p{N} as a regular expression class body (`0-9A-Za-zªµ…`), the
 * characters themselves (none is a metacharacter): a third of the size of `\x{…}` escapes, which
 * counts on ClickHouse, where every part of the query repeats the tickets' subquery.
 */
function wordRanges(): string {
  if (wordClass !== undefined) return wordClass;
  const word = /[\p{L}\p{N}]/u;
  const parts: string[] = [];
  const ch = (c: number) => String.fromCodePoint(c);
  let start = -1;
  for (let c = 0; c <= 0x110000; c++) {
    const isWord = c <= 0x10ffff && (c < 0xd800 || c > 0xdfff) && word.test(String.fromCodePoint(c));
    if (isWord && start < 0) start = c;
    else if (!isWord && start >= 0) {
      parts.push(start === c - 1 ? ch(start) : `${ch(start)}-${ch(c - 1)}`);
      start = -1;
    }
  }
  wordClass = parts.join('');
  return wordClass;
}

/** Why subject phrases cannot be matched exactly in SQL, or undefined. */
export function phrasesUnsupported(phrases: readonly string[]): string | undefined {
  const sigma = phrases.find((p) => /[σς]/u.test(p.toLowerCase()));
  if (sigma !== undefined) return `the subject phrase "${sigma}" spells σ or ς (JavaScript lower-cases a final Σ to ς, SQL to σ)`;
  return undefined;
}

const WILD = /[*?]/;

/** The letters phrases spell out (their words' characters other than `*` and `?`). */
function literalLetters(phrases: readonly string[]): Set<string> {
  const letters = new Set<string>();
  for (const p of phrases) for (const w of wordsOf(p, true)) for (const ch of w) if (ch !== '*' && ch !== '?') letters.add(ch);
  return letters;
}

/** Every capital outside ASCII by its JavaScript lower case (when that differs), made once. */
let capitalsByLower: Map<string, string[]> | undefined;

/** Capitals outside ASCII whose JavaScript lower case is one of `letters`, each with it. */
function capitalsOf(letters: Set<string>): [string, string][] {
  if (letters.size === 0) return [];
  if (capitalsByLower === undefined) {
    capitalsByLower = new Map();
    for (let c = 0x80; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      const lower = ch.toLowerCase();
      if (lower === ch) continue;
      const list = capitalsByLower.get(lower);
      if (list) list.push(ch);
      else capitalsByLower.set(lower, [ch]);
    }
  }
  const pairs: [string, string][] = [];
  for (const [lower, capitals] of capitalsByLower) if (letters.has(lower)) for (const ch of capitals) pairs.push([ch, lower]);
  // In code point order, as the text is rewritten capital by capital.
  return pairs.sort((a, b) => a[0].codePointAt(0)! - b[0].codePointAt(0)!);
}

/**
 * `text` with the capitals whose lower case the engines do not share with JavaScript, where it
 * can matter, written as JavaScript lower-cases them: İ (i and a combining dot there, i in
 * DuckDB), and every capital outside ASCII whose JavaScript lower case is one of `letters` (the
 * letters patterns spell out; ClickHouse 18.16's lowerUTF8 leaves some alone, e.g. ẞ, K).
 */
export function jsCapitals(d: Dialect, text: string, letters: Set<string>): string {
  let out = text;
  for (const [capital, lower] of [['İ', 'i\u0307'], ...capitalsOf(letters)]) out = `replace(${out}, ${d.str(capital)}, ${d.str(lower)})`;
  return out;
}

/** Characters outside the BMP written as `#` and the character, so that one `?` (or `_`) is one UTF-16 unit. */
export function markAstral(d: Dialect, text: string): string {
  return d.regexReplace(text, '([\\x{10000}-\\x{10ffff}])', '#\\1');
}

/** The letters of patterns (word globs of type, team, tags) other than `*` and `?`. */
export function patternLetters(patterns: readonly string[]): Set<string> {
  const letters = new Set<string>();
  for (const p of patterns) for (const ch of p.toLowerCase()) if (ch !== '*' && ch !== '?') letters.add(ch);
  return letters;
}

/**
 * `subject_words` for the tickets that the phrases are tested on: NULL without a subject, else
 * ` word word … ` (two spaces at an end where the subject starts or ends with a non-word).
 */
export function subjectWordsSql(d: Dialect, phrases: readonly string[]): string {
  const words = markAstral(d, d.regexReplace(d.lower(jsCapitals(d, 'subject', literalLetters(phrases))), `[^${wordRanges()}]+`, ' '));
  if (d.name === 'clickhouse') return `concat(' ', ${words}, ' ')`;
  // An ASCII subject (as many bytes as characters), the usual one: its letters and digits are
  // [0-9A-Za-z], no capital needs rewriting and nothing is outside the BMP, so a small class does
  // what the whole of \p{L}\p{N} does, many times faster.
  const ascii = d.regexReplace(d.lower('subject'), '[^0-9a-z]+', ' ');
  return `' ' || CASE WHEN strlen(subject) = length(subject) THEN ${ascii} ELSE ${words} END || ' '`;
}

/** A word glob of a phrase as a regular expression over `subject_words` (no metacharacter is a letter or digit). */
function wordRegex(word: string): string {
  // A word is never empty: `*` alone is at least one character (the ends may hold two spaces).
  if (/^\*+$/.test(word)) return '[^ ]+';
  let out = '';
  for (const ch of word) {
    if (ch === '*') out += '[^ ]*';
    else if (ch === '?') out += '[^ ]';
    else out += mark(ch);
  }
  return out;
}

/** A character as `subject_words` holds it: `#` before one outside the BMP. */
export function mark(ch: string): string {
  return ch.length === 2 ? `#${ch}` : ch;
}

/** Whether a ticket's subject holds the phrase (phraseMatcher), over `subject_words`. */
export function phraseTest(d: Dialect, phrase: string): string {
  const words = wordsOf(phrase, true).map((w) => w.replace(/\*+/g, '*'));
  if (words.length === 0) return 'subject_words IS NOT NULL';
  const literal = (w: string) => [...w].map(mark).join('');
  if (!words.some((w) => WILD.test(w))) return d.contains('subject_words', d.str(` ${words.map(literal).join(' ')} `));
  // Only the last word ends in `*` (` refund*`): the rest of that word always runs to a space, so
  // a substring test is the regular expression's answer, without one.
  const last = words.at(-1)!;
  if (!words.slice(0, -1).some((w) => WILD.test(w)) && /^[^*?]+\*$/.test(last)) {
    return d.contains('subject_words', d.str(` ${[...words.slice(0, -1), last.slice(0, -1)].map(literal).join(' ')}`));
  }
  return d.regexMatch('subject_words', d.str(` ${words.map(wordRegex).join(' ')} `));
}

/** Every subject phrase of a rule (its applies_to and any filter among its parameters). */
export function rulePhrases(rule: object): string[] {
  const found: string[] = [];
  const walk = (value: unknown) => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(walk);
    for (const [key, v] of Object.entries(value)) {
      if (key === 'subject' && Array.isArray(v)) found.push(...v.filter((x): x is string => typeof x === 'string'));
      else walk(v);
    }
  };
  walk(rule);
  return found;
}
