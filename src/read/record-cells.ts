// A tokenized record's cells as strings (tokenizer.ts finds them), only those that are wanted.
// Turning bytes into strings is a large share of reading a wide export, and most columns are
// never looked at: any other non-empty cell becomes UNREAD_CELL. The cells that are decoded come
// from one decoding of the record's bytes from the first of them to the last, one slice each
// (each decoding is a call into C++ that costs more than the bytes it copies); a cell with bytes
// beyond ASCII is decoded on its own in UTF-8, and mapped through the code page in a single-byte
// encoding. A slice of 13 characters or more shares that text: see own-string.ts.

import { remapped } from './charsets.js';
import { ESCAPES, HIGH, KIND, NUL_CLOSED, PLAIN, QUOTED, RELAXED, type CsvTokenizer } from './tokenizer.js';

/**
 * What a cell the reader was told not to decode holds when it is not empty (see
 * `RecordReader.decodeOnly`): a fixed non-blank marker, so "is this row empty?" still has its
 * true answer without the text.
 */
export const UNREAD_CELL = '\u0000unread';

/**
 * First bytes of a cell that may be blank to String.prototype.trim (ASCII space and controls, the
 * lead bytes of U+00A0, U+1680, U+2000–U+205F, U+3000, U+FEFF in UTF-8, and U+00A0 in the
 * single-byte code pages): such cells are decoded even when not wanted, so that an all-blank row
 * is still seen as one.
 */
const MAYBE_BLANK = new Uint8Array(256);
for (const b of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0xc2, 0xe1, 0xe2, 0xe3, 0xef]) MAYBE_BLANK[b] = 1;

const QUOTE = 0x22;
const QUOTE_BYTES = Buffer.from('"');

export class RecordCells {
  /** Per cell of the record at hand: 1 when it is decoded. */
  private decode = new Uint8Array(64);

  /** `page`: the code page of a single-byte input (cells read one character per byte, then mapped); null for UTF-8. */
  constructor(private readonly page: Uint16Array | null) {}

  /** The record the tokenizer just read; `wanted` (per column, 1 when decoded) null decodes every cell. */
  row(tokenizer: CsvTokenizer, wanted: Uint8Array | null): string[] {
    const n = tokenizer.count;
    const buf = tokenizer.bytes;
    const { starts, ends, kinds } = tokenizer;
    if (this.decode.length < n) this.decode = new Uint8Array(Math.max(n, this.decode.length * 2));
    const decode = this.decode;
    // Which cells are decoded, and the bytes that hold them all.
    let from = -1;
    let to = -1;
    for (let k = 0; k < n; k++) {
      const s = starts[k];
      const e = ends[k];
      const kind = kinds[k] & KIND;
      let yes = 0;
      if (kind === PLAIN ? s !== e : kind !== QUOTED || e - s !== 2) {
        const first = kind === PLAIN ? buf[s] : kind === RELAXED ? QUOTE : buf[s + 1];
        yes = wanted === null || (k < wanted.length && wanted[k] === 1) || MAYBE_BLANK[first] === 1 ? 1 : 0;
        if (yes === 1) {
          if (from < 0) from = s;
          to = e;
        }
      }
      decode[k] = yes;
    }
    const row: string[] = new Array(n);
    const text = from < 0 ? '' : buf.toString('latin1', from, to);
    const page = this.page;
    for (let k = 0; k < n; k++) {
      if (decode[k] === 0) {
        const s = starts[k];
        const kind = kinds[k] & KIND;
        row[k] = (kind === PLAIN ? s === ends[k] : kind === QUOTED && ends[k] - s === 2) ? '' : UNREAD_CELL;
        continue;
      }
      const flags = kinds[k];
      const kind = flags & KIND;
      if (kind === RELAXED || kind === NUL_CLOSED) {
        row[k] = this.oddCell(buf, starts[k], ends[k], kind);
        continue;
      }
      const s = kind === QUOTED ? starts[k] + 1 : starts[k];
      const e = kind === QUOTED ? ends[k] - 1 : ends[k];
      let cell: string;
      if ((flags & HIGH) === 0) cell = text.slice(s - from, e - from);
      else if (page === null) cell = buf.toString('utf8', s, e);
      else cell = remapped(text.slice(s - from, e - from), page);
      // `""` inside quotes is one quote; decoding never makes a `"` of other bytes, so this is the
      // same as decoding the bytes with the quotes undoubled.
      row[k] = (flags & ESCAPES) === 0 ? cell : cell.replaceAll('""', '"');
    }
    return row;
  }

  /** A cell whose quote closed early: its content as csv-parse builds it, then decoded. */
  private oddCell(buf: Buffer, s: number, e: number, kind: number): string {
    // The quoted part runs to the first quote that is not doubled.
    const parts: Buffer[] = [];
    let q = s + 1;
    let from = q;
    for (;;) {
      if (buf[q] === QUOTE) {
        if (buf[q + 1] !== QUOTE) break;
        parts.push(buf.subarray(from, q + 1));
        q += 2;
        from = q;
      } else q++;
    }
    parts.push(buf.subarray(from, q));
    // relax_quotes keeps both quotes as text around the quoted part; after a NUL they are dropped.
    if (kind === RELAXED) {
      parts.unshift(QUOTE_BYTES);
      parts.push(QUOTE_BYTES);
    }
    parts.push(buf.subarray(q + 1, e));
    const bytes = Buffer.concat(parts);
    return this.page === null ? bytes.toString('utf8') : remapped(bytes.toString('latin1'), this.page);
  }
}
