// Canonical values from vendor words (docs/mapping.md "Values"). A reader is made once per bound
// column; each distinct cell text is resolved once (preset `values` map first, then the built-in
// vocabulary) and cached, so per row it is one Map lookup. An unknown value is reported once per
// distinct value and column, not per row, and leaves the field absent (`other` for channel).

import type { Channel } from '../types.js';
import { numberScan, parseNumber } from './numbers.js';
import { cellText } from '../findings.js';
import type { ProblemSink } from './problems.js';
import { AUTHOR_WORDS, BOOLEAN_WORDS, CHANNEL_WORDS, CSAT_WORDS, PRIORITY_WORDS, RETURN_WORDS, SLA_WORDS, STATUS_WORDS } from './values-vocab.js';

export type ValueKind = 'channel' | 'status' | 'priority' | 'boolean' | 'return_decision' | 'author_role' | 'vendor_sla' | 'csat' | 'nps';

/** A satisfaction rating on the 0–1 scale with its good/not-good verdict. */
export interface Rating {
  csat: number;
  good: boolean;
}

export type CsatScale = 'good-bad' | '1-5' | '0-10';

/** Lower case, `-` / `_` / runs of white space as one space: `On-hold` → `on hold`. */
export function vocabularyKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

const GOOD: Rating = { csat: 1, good: true };
const BAD: Rating = { csat: 0, good: false };

/**
 * Satisfaction: Good/Bad words (Good → 1, Bad → 0); `1-5` → (n − 1) / 4, good when n ≥ 4;
 * `0-10` → n / 10, good when n ≥ 9 (the top two boxes, like 4–5 of 5). Without a scale, words
 * read as Good/Bad and numbers as 1–5 (docs/mapping.md "Values"). `null`: not rated (Offered, Not offered).
 */
export function resolveRating(key: string, scale: CsatScale | undefined): Rating | null | undefined {
  const word = lookup(CSAT_WORDS, key);
  if (word) return word === 'good' ? GOOD : word === 'bad' ? BAD : null;
  if (scale === 'good-bad') return undefined;
  const n = parseNumber(key);
  if (numberScan.grouped) return undefined;
  if (scale === '0-10') return n >= 0 && n <= 10 ? { csat: n / 10, good: n >= 9 } : undefined;
  return n >= 1 && n <= 5 ? { csat: (n - 1) / 4, good: n >= 4 } : undefined;
}

/** Likelihood to recommend, a whole number 0–10. */
function resolveNps(key: string): number | undefined {
  const n = parseNumber(key);
  return n >= 0 && n <= 10 && Number.isInteger(n) && !numberScan.grouped ? n : undefined;
}

function resolverFor(kind: ValueKind, scale?: CsatScale): (key: string) => unknown {
  switch (kind) {
    case 'channel':
      return (k) => lookup(CHANNEL_WORDS, k);
    case 'status':
      return (k) => lookup(STATUS_WORDS, k);
    case 'priority':
      return (k) => lookup(PRIORITY_WORDS, k);
    case 'boolean':
      return (k) => lookup(BOOLEAN_WORDS, k);
    case 'return_decision':
      return (k) => lookup(RETURN_WORDS, k);
    case 'author_role':
      return (k) => lookup(AUTHOR_WORDS, k);
    case 'vendor_sla':
      return (k) => lookup(SLA_WORDS, k);
    case 'csat':
      return (k) => resolveRating(k, scale);
    case 'nps':
      return resolveNps;
  }
}

const UNKNOWN = Symbol('unknown');
const NOT_RATED = Symbol('not-rated');
const CACHE_LIMIT = 4096;

/**
 * Distinct unknown values of one column reported (and remembered) one by one. Past it one more
 * problem says so and the rest are still read (as `other` for a channel) but no longer listed:
 * a file with a new unknown value on every row (2 million of them) must not grow memory with
 * them. A hundred examples say what the column holds; the report lists 1,000 problems per file.
 */
export const MAX_UNKNOWN_VALUES = 100;

export class ValueReader<T> {
  private readonly cache = new Map<string, T | typeof UNKNOWN | typeof NOT_RATED>();
  private readonly reported = new Set<string>();
  private overflowed = false;
  private readonly resolve: (key: string) => unknown;

  constructor(
    readonly kind: ValueKind,
    private readonly vendor?: Record<string, string>,
    scale?: CsatScale,
  ) {
    this.resolve = resolverFor(kind, scale);
  }

  /** The canonical value of a non-empty cell, or undefined (unknown: reported once; or not rated). */
  read(text: string, line: number, column: string, sink: ProblemSink): T | undefined {
    let v = this.cache.get(text);
    if (v === undefined) {
      v = this.resolveText(text);
      if (this.cache.size < CACHE_LIMIT) this.cache.set(text, v);
      if (v === UNKNOWN && !this.overflowed && !this.reported.has(text)) this.reportUnknown(text, line, column, sink);
    }
    if (v === UNKNOWN) return this.kind === 'channel' ? ('other' satisfies Channel as T) : undefined;
    return v === NOT_RATED ? undefined : v;
  }

  private reportUnknown(text: string, line: number, column: string, sink: ProblemSink): void {
    const more = { code: 'unknown-value', kind: this.kind, beyond: MAX_UNKNOWN_VALUES } as const;
    const cap = { group: this.kind, limit: MAX_UNKNOWN_VALUES, more };
    if (this.reported.size < MAX_UNKNOWN_VALUES) {
      this.reported.add(text);
      sink.add({ code: 'unknown-value', line, column, kind: this.kind, text: cellText(text) }, `${this.kind}\u0000${text}`, cap);
      return;
    }
    this.overflowed = true;
    this.reported.clear();
    sink.add({ ...more, line, column }, undefined, { ...cap, overflow: true });
  }

  private resolveText(text: string): T | typeof UNKNOWN | typeof NOT_RATED {
    const lower = text.trim().toLowerCase();
    const key = vocabularyKey(lower);
    let mapped: string | undefined;
    if (this.vendor) mapped = lookup(this.vendor, lower) ?? lookup(this.vendor, key);
    const r = this.resolve(mapped !== undefined ? vocabularyKey(mapped) : key);
    if (r === null) return NOT_RATED;
    return r === undefined ? UNKNOWN : (r as T);
  }
}

/**
 * Tags: lower-case, split on `separator` (default: white space or comma), each trimmed, empties
 * and repeats dropped. Per row: one pass and one slice per tag (no array of parts in between).
 */
export function splitTags(text: string, separator?: string): string[] {
  const out: string[] = [];
  const s = text.toLowerCase();
  if (!separator) return splitOnSpace(out, s);
  if (separator.length !== 1) {
    for (const part of s.split(separator)) keep(out, part.trim());
    return out;
  }
  const sep = separator.charCodeAt(0);
  let start = 0;
  for (let p = 0; p <= s.length; p++) {
    if (p < s.length && s.charCodeAt(p) !== sep) continue;
    if (p > start) {
      const first = s.charCodeAt(start);
      const last = s.charCodeAt(p - 1);
      // Only a part that may start or end with white space is trimmed (a new string when it is).
      keep(out, first > 32 && first < 127 && last > 32 && last < 127 ? s.slice(start, p) : s.slice(start, p).trim());
    }
    start = p + 1;
  }
  return out;
}

/** Split on white space or commas (space, comma, tab, line breaks). */
function splitOnSpace(out: string[], s: string): string[] {
  let start = -1;
  for (let p = 0; p <= s.length; p++) {
    const c = p < s.length ? s.charCodeAt(p) : 32;
    const sep = c === 32 || c === 44 || c === 9 || c === 10 || c === 13;
    if (sep) {
      if (start >= 0) {
        keep(out, s.slice(start, p));
        start = -1;
      }
    } else if (start < 0) start = p;
  }
  return out;
}

function keep(out: string[], tag: string): string[] {
  if (tag !== '' && !out.includes(tag)) out.push(tag);
  return out;
}
