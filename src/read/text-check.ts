// Bytes the reader cannot turn into the text they were meant to be, found where they are so that
// each becomes a problem with its record's line (never a silent U+FFFD):
// - UNDECODABLE: in UTF-8, a byte sequence that is not UTF-8 (decoded as U+FFFD, as the WHATWG
//   decoder and Node's Buffer do: one U+FFFD per maximal invalid part); in a single-byte encoding,
//   a byte the code page has no character for (charsets.ts).
// - UTF8_TEXT: in a single-byte encoding, a sequence that reads as UTF-8 text: the Latin-1 letters
//   and signs (`C2`/`C3` + a continuation byte: `é` as `Ã©`) or any 3- or 4-byte sequence (`’` as
//   `â€™`, `€` as `â‚¬`). Such a line was written in UTF-8 in a file read as Windows-1252: it is
//   read as the code page says (`Ã©`), and reported. Other 2-byte sequences are left alone: a
//   capital letter or `ß` before a curly quote (`Spaß“` is DF 93) is ordinary Windows-1252 text.
//
// The checks run on each chunk before the tokenizer sees it, with offsets counted as the tokenizer
// counts a record's end, so a record that ends at offset E holds exactly the trouble found before E.
// A valid UTF-8 chunk (nearly all of them) costs one call to Buffer's `isUtf8` (simdutf, several
// GB/s); only a chunk that fails it is walked byte by byte.

import { isUtf8 } from 'node:buffer';
import { codePage, undecodableByte, type SingleByteEncoding } from './charsets.js';

export const UNDECODABLE = 1;
export const UTF8_TEXT = 2;

/** Trouble found in the bytes a parser is given, in order, taken record by record. */
export abstract class TextCheck {
  /** Offset of the first trouble not yet taken; Infinity when there is none (one comparison per record). */
  next = Infinity;
  /** Bytes checked so far (the offset of the next chunk's first byte). */
  protected seen = 0;
  private readonly offsets: number[] = [];
  private readonly kinds: number[] = [];
  private taken = 0;
  /** Up to 3 bytes at the end of the last chunk that may start a sequence the next chunk ends. */
  protected carry = Buffer.alloc(4);
  protected carried = 0;

  /** Looks at the next chunk of input (before the parser does). */
  abstract scan(chunk: Buffer): void;

  /** The input ended: a sequence cut by the end is trouble too. */
  abstract end(): void;

  /** The kinds of trouble (bits) found before `offset` (a record's end), which are then taken. */
  takeBefore(offset: number): number {
    let kinds = 0;
    while (this.taken < this.offsets.length && this.offsets[this.taken] < offset) kinds |= this.kinds[this.taken++];
    if (this.taken === this.offsets.length) {
      this.offsets.length = 0;
      this.kinds.length = 0;
      this.taken = 0;
      this.next = Infinity;
    } else this.next = this.offsets[this.taken];
    return kinds;
  }

  protected add(offset: number, kind: number): void {
    if (this.offsets.length === this.taken) this.next = offset;
    this.offsets.push(offset);
    this.kinds.push(kind);
  }

  /** The carried bytes followed by `chunk` (a copy, only when something is carried), and where that starts. */
  protected joined(chunk: Buffer): { bytes: Buffer; base: number } {
    const base = this.seen - this.carried;
    this.seen += chunk.length;
    if (this.carried === 0) return { bytes: chunk, base };
    const bytes = Buffer.concat([this.carry.subarray(0, this.carried), chunk]);
    this.carried = 0;
    return { bytes, base };
  }

  protected keep(bytes: Buffer, from: number): void {
    this.carried = bytes.length - from;
    bytes.copy(this.carry, 0, from);
  }
}

/** Input that should be UTF-8. */
export class Utf8Check extends TextCheck {
  scan(chunk: Buffer): void {
    const { bytes, base } = this.joined(chunk);
    const cut = incompleteTail(bytes);
    if (!isUtf8(cut === bytes.length ? bytes : bytes.subarray(0, cut))) {
      for (const at of invalidUtf8(bytes, cut)) this.add(base + at, UNDECODABLE);
    }
    if (cut < bytes.length) this.keep(bytes, cut);
  }

  end(): void {
    if (this.carried > 0) this.add(this.seen - this.carried, UNDECODABLE);
    this.carried = 0;
  }
}

/** Input in a single-byte code page: bytes it has no character for, and lines written in UTF-8. */
export class SingleByteCheck extends TextCheck {
  private readonly page: Uint16Array;

  constructor(encoding: SingleByteEncoding) {
    super();
    this.page = codePage(encoding);
  }

  scan(chunk: Buffer): void {
    const { bytes, base } = this.joined(chunk);
    const page = this.page;
    const n = bytes.length;
    for (let i = 0; i < n; i++) {
      const b = bytes[i];
      if (b < 0x80) continue;
      if (undecodableByte(page, b)) {
        this.add(base + i, UNDECODABLE);
        continue;
      }
      if (b < 0xc2 || b > 0xf4) continue;
      const length = utf8SequenceAt(bytes, i, n);
      if (length < 0) {
        // Cut by the end of the chunk: look again with the next one.
        this.keep(bytes, i);
        return;
      }
      // Its continuation bytes are looked at in turn (one may have no character in the code page).
      if (length === 3 || length === 4 || (length === 2 && b <= 0xc3)) this.add(base + i, UTF8_TEXT);
    }
  }

  end(): void {
    // A sequence cut by the end of the input is not UTF-8 text; its bytes are read as they are.
    if (this.carried > 0) {
      const rest = this.carry.subarray(0, this.carried);
      this.carried = 0;
      const at = this.seen - rest.length;
      for (let i = 0; i < rest.length; i++) if (undecodableByte(this.page, rest[i])) this.add(at + i, UNDECODABLE);
    }
  }
}

/**
 * Where a UTF-8 sequence that the end of `bytes` cuts short starts (bytes.length when none does).
 * A lead byte within the last 3 bytes, with fewer bytes after it than its sequence needs.
 */
export function incompleteTail(bytes: Buffer): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/**
 * The UTF-8 sequence a lead byte at `at` starts: `need * 4 + fit`, with `need` the continuation
 * bytes it takes (0: not a lead byte) and `fit` how many of those that follow, before `end`, are
 * right for it. Well-formed as in the Unicode standard's table 3-7: no overlongs, surrogates or
 * values past U+10FFFF (what Buffer's decoder and `isUtf8` accept).
 */
function sequence(bytes: Buffer, at: number, end: number): number {
  const b = bytes[at];
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    if (b === 0xe0) lo = 0xa0;
    else if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    if (b === 0xf0) lo = 0x90;
    else if (b === 0xf4) hi = 0x8f;
  } else return 0;
  let fit = 0;
  while (fit < need && at + 1 + fit < end) {
    const c = bytes[at + 1 + fit];
    if (c < lo || c > hi) break;
    lo = 0x80;
    hi = 0xbf;
    fit++;
  }
  return need * 4 + fit;
}

/**
 * Length of the well-formed UTF-8 sequence starting at `at` (2–4), 0 when there is none, -1 when
 * the bytes up to `end` are its valid beginning (the rest may follow in the next chunk).
 */
export function utf8SequenceAt(bytes: Buffer, at: number, end: number): number {
  const s = sequence(bytes, at, end);
  const need = s >> 2;
  const fit = s & 3;
  if (need === 0) return 0;
  if (fit === need) return need + 1;
  return at + 1 + fit >= end ? -1 : 0;
}

/**
 * Offsets in bytes[0, end) where a part that is not UTF-8 starts: each place a decoder writes
 * U+FFFD (a lead byte with the continuation bytes that fit it, cut short, is one part; any other
 * invalid byte is one part of its own).
 */
export function invalidUtf8(bytes: Buffer, end: number): number[] {
  const found: number[] = [];
  walkUtf8(bytes, end, (at) => found.push(at));
  return found;
}

/** Goes through bytes[0, end) as a decoder does; returns the valid multi-byte sequences, tells each invalid part. */
function walkUtf8(bytes: Buffer, end: number, invalid: (at: number) => void): number {
  let valid = 0;
  let i = 0;
  while (i < end) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const s = sequence(bytes, i, end);
    const need = s >> 2;
    const fit = s & 3;
    if (need > 0 && fit === need) {
      valid++;
      i += need + 1;
      continue;
    }
    invalid(i);
    i += 1 + fit;
  }
  return valid;
}

/** Valid multi-byte sequences and invalid parts in bytes[0, end): what encoding detection weighs. */
export function utf8Census(bytes: Buffer, end: number): { valid: number; invalid: number } {
  let invalid = 0;
  const valid = walkUtf8(bytes, end, () => invalid++);
  return { valid, invalid };
}
