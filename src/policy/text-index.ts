// Subject phrases and tag patterns of every compiled filter, matched all at once per ticket.
// Rules ask about the same ticket one after another; the first question about a subject (or a tag
// list) goes over its words once, and each word is looked up in a table of the patterns that can
// start there (a trie of first words: exact words end at a node, `word*` covers a node's whole
// subtree, other globs are tried at every word). The answers are bits per pattern, kept for that
// one subject, not a memory per subject: real subjects are nearly all different (`Order 48213,
// "where is it?"`), and a memory of them only churned. Nothing is allocated per ticket: words are
// lower-cased into one reused buffer.
//
// The words and folds are exactly glob.ts's `wordsOf` and `fold` (toLowerCase, then split on what is
// not a letter or digit, or runs of white space, `_` and `-` read as one space): characters are
// classed and lower-cased from the same regular expressions and toLowerCase, a block of 256 at a
// time on first use; a text with a character whose lower case depends on its neighbours (Σ) or is
// not one character (İ), or outside the BMP, goes through wordsOf/fold themselves.
// test/policy/text-index.test.ts checks this against phraseMatcher and valueMatcher on random text.

import { fold, globChars, wordsOf } from './glob.js';

const WORD = 1;
const FOLD_SPACE = 2;
const SPECIAL = 4;

/** Per BMP character: its lower case and class bits (of the lower case), filled a block at a time. */
const LOWER = new Uint16Array(65536);
const CLASS = new Uint8Array(65536);
const READY = new Uint8Array(256);

function prepare(block: number): void {
  const word = /[\p{L}\p{N}]/u;
  const space = /[\s_-]/;
  for (let c = block << 8; c < (block + 1) << 8; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    // U+03A3 Σ lower-cases to ς at the end of a word and σ elsewhere: only toLowerCase on the whole text knows.
    if (lower.length !== 1 || c === 0x3a3 || (c >= 0xd800 && c <= 0xdfff)) {
      CLASS[c] = SPECIAL;
      continue;
    }
    const l = lower.charCodeAt(0);
    LOWER[c] = l;
    CLASS[c] = (word.test(lower) ? WORD : 0) | (space.test(lower) ? FOLD_SPACE : 0);
  }
  READY[block] = 1;
}
prepare(0);

/** A pattern word (or a whole folded tag pattern): exact, a prefix (`word*`), or a glob. */
interface Part {
  kind: 0 | 1 | 2;
  /** Exact: the word; prefix: the word without its `*`; glob: the pattern. */
  text: string;
}
const EXACT = 0;
const PREFIX = 1;
const GLOB = 2;

/** As valueMatcher reads a (folded) pattern. */
function partOf(pattern: string): Part {
  const p = fold(pattern).replace(/\*+/g, '*');
  const wild = p.search(/[*?]/);
  if (wild < 0) return { kind: EXACT, text: p };
  if (wild === p.length - 1 && p.endsWith('*')) return { kind: PREFIX, text: p.slice(0, -1) };
  return { kind: GLOB, text: p };
}

/** The text being matched: lower-cased characters, and where each word (or tag) starts and ends. */
let chars = new Uint16Array(1024);
let starts = new Int32Array(64);
let ends = new Int32Array(64);

function room(size: number): void {
  if (size <= chars.length) return;
  const grown = new Uint16Array(Math.max(size, chars.length * 2));
  grown.set(chars);
  chars = grown;
}

function addWord(count: number, from: number, to: number): number {
  if (count === starts.length) {
    const s = new Int32Array(count * 2);
    const e = new Int32Array(count * 2);
    s.set(starts);
    e.set(ends);
    starts = s;
    ends = e;
  }
  starts[count] = from;
  ends[count] = to;
  return count + 1;
}

/** Copies `text` into `chars` at `at`; returns its end. */
function copyText(text: string, at: number): number {
  room(at + text.length);
  for (let i = 0; i < text.length; i++) chars[at + i] = text.charCodeAt(i);
  return at + text.length;
}

/** The words of a subject (wordsOf) into chars/starts/ends; returns how many. */
function subjectWords(subject: string): number {
  room(subject.length);
  let count = 0;
  let k = 0;
  let word = -1;
  for (let i = 0; i < subject.length; i++) {
    const c = subject.charCodeAt(i);
    if (c >= 256 && READY[c >> 8] === 0) prepare(c >> 8);
    const cls = CLASS[c];
    if ((cls & SPECIAL) !== 0) return slowSubjectWords(subject);
    if ((cls & WORD) !== 0) {
      if (word < 0) word = k;
      chars[k++] = LOWER[c];
    } else if (word >= 0) {
      count = addWord(count, word, k);
      word = -1;
    }
  }
  if (word >= 0) count = addWord(count, word, k);
  return count;
}

function slowSubjectWords(subject: string): number {
  let count = 0;
  let k = 0;
  for (const w of wordsOf(subject)) {
    const end = copyText(w, k);
    count = addWord(count, k, end);
    k = end;
  }
  return count;
}

/** fold(tag) into chars from `at`; returns its end. */
function foldTag(tag: string, at: number): number {
  room(at + tag.length);
  let k = at;
  let space = false;
  for (let i = 0; i < tag.length; i++) {
    const c = tag.charCodeAt(i);
    if (c >= 256 && READY[c >> 8] === 0) prepare(c >> 8);
    const cls = CLASS[c];
    if ((cls & SPECIAL) !== 0) return copyText(fold(tag), at);
    if ((cls & FOLD_SPACE) !== 0) {
      space = k > at;
      continue;
    }
    if (space) {
      chars[k++] = 32;
      space = false;
    }
    chars[k++] = LOWER[c];
  }
  return k;
}

function sameChars(text: string, from: number, to: number): boolean {
  if (to - from !== text.length) return false;
  for (let i = 0; i < text.length; i++) if (chars[from + i] !== text.charCodeAt(i)) return false;
  return true;
}

function partMatches(part: Part, from: number, to: number): boolean {
  const text = part.text;
  if (part.kind === EXACT) return sameChars(text, from, to);
  if (part.kind === PREFIX) {
    if (to - from < text.length) return false;
    for (let i = 0; i < text.length; i++) if (chars[from + i] !== text.charCodeAt(i)) return false;
    return true;
  }
  return globChars(text, chars, from, to);
}

/**
 * A table of patterns by their first part: a trie over the characters of exact and prefix first
 * parts (ASCII children in an array, others in a map), and the globs, tried everywhere.
 */
class FirstParts {
  private ascii = new Int32Array(128);
  private readonly other = new Map<number, number>();
  /** Per node: 1 when a prefix pattern ends there, 2 when an exact one does (both: 3). */
  private ends = new Uint8Array(16);
  private exact: number[][] = [[]];
  private prefix: number[][] = [[]];
  private globs: { id: number; part: Part }[] = [];
  private nodes = 1;

  add(part: Part, id: number): void {
    if (part.kind === GLOB) {
      this.globs.push({ id, part });
      return;
    }
    let node = 0;
    for (let i = 0; i < part.text.length; i++) node = this.child(node, part.text.charCodeAt(i));
    (part.kind === EXACT ? this.exact : this.prefix)[node].push(id);
    this.ends[node] |= part.kind === EXACT ? 2 : 1;
  }

  /** Calls `hit` with every pattern whose first part matches chars[from, to). */
  find(from: number, to: number, hit: (id: number) => void): void {
    const ascii = this.ascii;
    const ends = this.ends;
    let node = 0;
    for (let i = from; ; i++) {
      if ((ends[node] & 1) !== 0) {
        const prefix = this.prefix[node];
        for (let k = 0; k < prefix.length; k++) hit(prefix[k]);
      }
      if (i === to) {
        if ((ends[node] & 2) !== 0) {
          const exact = this.exact[node];
          for (let k = 0; k < exact.length; k++) hit(exact[k]);
        }
        break;
      }
      const c = chars[i];
      node = c < 128 ? ascii[node * 128 + c] : (this.other.get(node * 65536 + c) ?? 0);
      if (node === 0) break;
    }
    const globs = this.globs;
    for (let k = 0; k < globs.length; k++) if (globChars(globs[k].part.text, chars, from, to)) hit(globs[k].id);
  }

  /** The node after `node` on character `c`, made when there is none. */
  private child(node: number, c: number): number {
    let next = c < 128 ? this.ascii[node * 128 + c] : (this.other.get(node * 65536 + c) ?? 0);
    if (next !== 0) return next;
    next = this.nodes++;
    this.exact.push([]);
    this.prefix.push([]);
    if (next >= this.ends.length) {
      const ends = new Uint8Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    if (next * 128 + 128 > this.ascii.length) {
      const grown = new Int32Array(this.ascii.length * 2);
      grown.set(this.ascii);
      this.ascii = grown;
    }
    if (c < 128) this.ascii[node * 128 + c] = next;
    else this.other.set(node * 65536 + c, next);
    return next;
  }
}

/** Every subject phrase of the compiled filters. */
const phrases: Part[][] = [];
const phraseIdOf = new Map<string, number>();
const phraseTable = new FirstParts();
/** Per phrase: 1 when the last subject asked about has it. */
let phraseHits = new Uint8Array(16);
/** Phrases without a word (they match every subject, as phraseMatcher's do). */
const everywhere: number[] = [];
let lastSubject: string | undefined;

/** Ids of subject phrases (glob.ts phraseMatcher), for subjectHas. */
export function phraseIds(patterns: readonly string[]): Int32Array {
  return Int32Array.from(patterns, (pattern) => {
    let id = phraseIdOf.get(pattern);
    if (id !== undefined) return id;
    id = phrases.length;
    const parts = wordsOf(pattern, true).map(partOf);
    phrases.push(parts);
    phraseIdOf.set(pattern, id);
    if (parts.length === 0) everywhere.push(id);
    else phraseTable.add(parts[0], id);
    if (phraseHits.length < phrases.length) phraseHits = new Uint8Array(phrases.length * 2);
    lastSubject = undefined;
    return id;
  });
}

let words = 0;
function phraseAt(id: number, at: number): boolean {
  const parts = phrases[id];
  if (at + parts.length > words) return false;
  for (let k = 1; k < parts.length; k++) if (!partMatches(parts[k], starts[at + k], ends[at + k])) return false;
  return true;
}
let wordAt = 0;
const notePhrase = (id: number): void => {
  if (phraseHits[id] === 0 && phraseAt(id, wordAt)) phraseHits[id] = 1;
};

/** Whether `subject` holds any of the phrases `ids` (phraseIds). */
export function subjectHas(ids: Int32Array, subject: string): boolean {
  if (subject !== lastSubject) {
    phraseHits.fill(0);
    words = subjectWords(subject);
    for (wordAt = 0; wordAt < words; wordAt++) phraseTable.find(starts[wordAt], ends[wordAt], notePhrase);
    for (let k = 0; k < everywhere.length; k++) phraseHits[everywhere[k]] = 1;
    lastSubject = subject;
  }
  for (let k = 0; k < ids.length; k++) if (phraseHits[ids[k]] === 1) return true;
  return false;
}

/** Every tag pattern of the compiled filters (valueMatcher on one tag). */
const tagTable = new FirstParts();
const tagIdOf = new Map<string, number>();
let tagHits = new Uint8Array(16);
let lastTags: readonly string[] | undefined;
let lastTagCount = -1;
const noteTag = (id: number): void => {
  tagHits[id] = 1;
};

/** Ids of tag patterns, for tagsHave. */
export function tagIds(patterns: readonly string[]): Int32Array {
  return Int32Array.from(patterns, (pattern) => {
    let id = tagIdOf.get(pattern);
    if (id !== undefined) return id;
    id = tagIdOf.size;
    tagIdOf.set(pattern, id);
    tagTable.add(partOf(pattern), id);
    if (tagHits.length <= id) tagHits = new Uint8Array((id + 1) * 2);
    lastTags = undefined;
    return id;
  });
}

/**
 * Whether any of `tags` matches any of the patterns `ids` (tagIds). The answers for a list are
 * kept until another list is asked about: a ticket's tags are not changed while it is judged.
 */
export function tagsHave(ids: Int32Array, tags: readonly string[]): boolean {
  if (tags.length === 0) return false;
  if (tags !== lastTags || tags.length !== lastTagCount) {
    tagHits.fill(0);
    for (let i = 0; i < tags.length; i++) {
      const end = foldTag(tags[i], 0);
      tagTable.find(0, end, noteTag);
    }
    lastTags = tags;
    lastTagCount = tags.length;
  }
  for (let k = 0; k < ids.length; k++) if (tagHits[ids[k]] === 1) return true;
  return false;
}
