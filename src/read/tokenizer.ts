// The reader's CSV tokenizer: finds records and their cells in the input's bytes, for the one
// dialect the reader takes (docs/reading.md): a one-byte delimiter, `"` to quote and `""` for a
// quote inside quotes, records ended by `\n` or `\r\n` (a bare `\r` is text), blank lines
// skipped, a UTF-8 byte-order mark skipped at the start, and stray quotes kept as text
// (csv-parse's `relax_quotes`). It reads csv-parse's records exactly, which
// test/read/tokenizer.test.ts checks against csv-parse itself on random input cut into random
// chunks; cells are turned into strings by record-cells.ts, only those that are wanted.
//
// Bytes are kept in a window: the record being read when a chunk runs out is moved to the front
// and the next chunk appended, and that record is read again from its start (records are short;
// the reader feeds a long one at least as many bytes again as it has, so it is read a few times
// at most, and the record size limit bounds it). A record is never copied otherwise: its cells
// are offsets into the window, valid until the next `feed`.

/**
 * Cells one record may have. The byte limit counts the bytes inside cells, so a line made only of
 * delimiters (60 MB of commas: 60 million empty cells) would pass it and grow memory by
 * gigabytes. Excel stops at 16,384 columns and no help-desk export comes near.
 */
export const MAX_CELLS_PER_RECORD = 100_000;

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** What step() found. */
export const RECORD = 0;
export const MORE = 1;
export const END = 2;

/** A cell's kind (low bits of `kinds`): how its content comes from its bytes (record-cells.ts). */
export const PLAIN = 0;
/** `"…"` closed right where the cell ends: the bytes between the quotes, `""` read as `"`. */
export const QUOTED = 1;
/** `"abc"x`: a quote closed before other text, kept as text: `"` + the quoted part + `"` + the rest (csv-parse's relax_quotes). */
export const RELAXED = 2;
/** `"abc"` followed by a NUL byte (which csv-parse takes for the end of its data): the quoted part, then the rest. */
export const NUL_CLOSED = 3;
export const KIND = 3;
/** Flag: the quoted part has `""` in it. */
export const ESCAPES = 4;
/** Flag: a byte of the cell is 0x80 or above (not ASCII). */
export const HIGH = 8;

export type TokenizerFailure = 'unclosed-quote' | 'record-too-large' | 'too-many-cells';

/** A record the tokenizer cannot read; the reader restates it as a fatal error (csv-failure.ts). */
export class TokenizerError extends Error {
  constructor(
    readonly code: TokenizerFailure,
    /** Line where the failing record starts. */
    readonly line: number,
    /** Whether it stopped inside a quoted cell. */
    readonly quoting: boolean,
    /** Whether the record had run over a line break when it stopped. */
    readonly spansLines: boolean,
  ) {
    super(`${code} in the record starting on line ${line}`);
    this.name = 'TokenizerError';
  }
}

export class CsvTokenizer {
  /** The window: the input's bytes [base, base + len) are buf[0, len). */
  private buf: Buffer = Buffer.allocUnsafe(128 * 1024);
  private len = 0;
  /** Where the next record starts in the window. */
  private pos = 0;
  /** The input offset of buf[0]. */
  private base = 0;
  private ended = false;
  private bomPending: boolean;
  /** The line `pos` is on: 1 + the `\n` bytes before it. */
  private line = 1;

  // The record step() last returned: its cells are [starts[k], ends[k]) of `bytes`, kinds[k] says how.
  count = 0;
  starts: Int32Array = new Int32Array(64);
  ends: Int32Array = new Int32Array(64);
  kinds: Uint8Array = new Uint8Array(64);
  /** The line the record starts on. */
  recordLine = 1;
  /** The input offset right after the record (its `\n` or `\r\n` included). */
  recordEnd = 0;
  /** Bytes 0x80 and above in the record's cells, OR-ed (below 0x80: all ASCII). */
  recordHigh = 0;

  /**
   * `delimiter`: its byte. `maxBytes`: content bytes a record may hold (0: no limit). `bom`: skip a
   * UTF-8 byte-order mark at the start of the input.
   */
  constructor(
    private readonly delimiter: number,
    private readonly maxBytes: number,
    bom: boolean,
  ) {
    this.bomPending = bom;
  }

  /** The window the cells' offsets refer to (until the next feed). */
  get bytes(): Buffer {
    return this.buf;
  }

  /** `\n` bytes read so far (a byte range's lines, once it is read to the end). */
  get lineBreaks(): number {
    return this.line - 1;
  }

  /** Bytes in the window from the record being read (the bytes a MORE leaves to read again). */
  get pending(): number {
    return this.len - this.pos;
  }

  /** The next chunk of input, after step() asked for MORE. */
  feed(chunk: Buffer): void {
    const keep = this.len - this.pos;
    const need = keep + chunk.length;
    if (need > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.buf.length * 2));
      this.buf.copy(grown, 0, this.pos, this.len);
      this.buf = grown;
    } else if (keep > 0 && this.pos > 0) this.buf.copyWithin(0, this.pos, this.len);
    chunk.copy(this.buf, keep);
    this.base += this.pos;
    this.pos = 0;
    this.len = need;
  }

  /** The input has ended. */
  finish(): void {
    this.ended = true;
  }

  /**
   * Reads the next record: RECORD (its cells are in starts, ends and kinds), MORE (feed the next
   * chunk, or finish) or END. Throws TokenizerError for a record it cannot read.
   */
  step(): number {
    const buf = this.buf;
    const len = this.len;
    const ended = this.ended;
    let p = this.pos;
    let line = this.line;
    if (this.bomPending) {
      if (len - p < 3 && !ended) return MORE;
      if (len - p >= 3 && buf[p] === 0xef && buf[p + 1] === 0xbb && buf[p + 2] === 0xbf) p += 3;
      this.bomPending = false;
      this.pos = p;
    }
    // Blank lines: read for good (they are no part of any record).
    for (;;) {
      if (p >= len) {
        this.pos = p;
        this.line = line;
        return ended ? END : MORE;
      }
      const c = buf[p];
      if (c === LF) {
        p++;
        line++;
      } else if (c === CR && p + 1 < len && buf[p + 1] === LF) {
        // (A `\r` at the end of the window starts a record, read again with the next chunk.)
        p += 2;
        line++;
      } else break;
    }
    this.pos = p;
    this.line = line;
    const recordLine = line;
    const d = this.delimiter;
    const limit = this.maxBytes;
    let starts = this.starts;
    let ends = this.ends;
    let kinds = this.kinds;
    let n = 0;
    let size = 0;
    let recordHigh = 0;
    for (;;) {
      const cs = p;
      let kind = PLAIN;
      let hi = 0;
      let escapes = 0;
      if (p < len && buf[p] === QUOTE) {
        kind = QUOTED;
        p++;
        for (;;) {
          while (p < len) {
            const c = buf[p];
            if (c === QUOTE) break;
            if (c === LF) line++;
            hi |= c;
            p++;
          }
          if (p >= len) {
            if (!ended) return this.more(size + (p - cs - 1 - escapes), true, line > recordLine);
            throw new TokenizerError('unclosed-quote', recordLine, true, line > recordLine);
          }
          // A quote: doubled, closing, or (followed by other text) a stray one kept as text.
          if (p + 1 >= len) {
            if (!ended) return this.more(size + (p - cs - 1 - escapes), true, line > recordLine);
            p++;
            break;
          }
          const next = buf[p + 1];
          if (next === QUOTE) {
            escapes++;
            p += 2;
            continue;
          }
          if (next === d || next === LF) {
            p++;
            break;
          }
          if (next === CR) {
            if (p + 2 >= len && !ended) return this.more(size + (p - cs - 1 - escapes), true, line > recordLine);
            if (p + 2 < len && buf[p + 2] === LF) {
              p++;
              break;
            }
          }
          kind = next === 0 ? NUL_CLOSED : RELAXED;
          p++;
          break;
        }
      }
      // Unquoted text: the whole cell, or what follows a quote closed early.
      const from = p;
      let rawEnd: number;
      let last = false;
      for (;;) {
        if (p >= len) {
          if (!ended) return this.more(size + (p - cs) - (kind === PLAIN ? 0 : 1 + escapes), false, line > recordLine);
          rawEnd = p;
          last = true;
          break;
        }
        const c = buf[p];
        if (c === d) {
          rawEnd = p;
          break;
        }
        if (c === LF) {
          rawEnd = p > from && buf[p - 1] === CR ? p - 1 : p;
          last = true;
          break;
        }
        hi |= c;
        p++;
      }
      // The cell's content bytes (quotes and doubled quotes aside), for the record size limit.
      size += rawEnd - cs - (kind === QUOTED ? 2 : kind === NUL_CLOSED ? 2 : 0) - escapes;
      if (limit !== 0 && size > limit) throw new TokenizerError('record-too-large', recordLine, false, line > recordLine);
      if (n >= MAX_CELLS_PER_RECORD) throw new TokenizerError('too-many-cells', recordLine, false, line > recordLine);
      if (n === starts.length) {
        this.grow();
        starts = this.starts;
        ends = this.ends;
        kinds = this.kinds;
      }
      starts[n] = cs;
      ends[n] = rawEnd;
      kinds[n] = kind | (escapes > 0 ? ESCAPES : 0) | (hi >= 0x80 ? HIGH : 0);
      recordHigh |= hi;
      n++;
      if (last) break;
      p++;
    }
    // p is at the record's `\n`, or at the end of the input.
    if (p < len) {
      p++;
      line++;
    }
    this.count = n;
    this.recordLine = recordLine;
    this.recordEnd = this.base + p;
    this.recordHigh = recordHigh;
    this.pos = p;
    this.line = line;
    return RECORD;
  }

  /**
   * The chunk ran out inside a record (read again from its start once more bytes come). Its
   * content so far (`size`, never more than it will be) is held to the limit here too, so that an
   * unclosed quote stops within a chunk of the limit.
   */
  private more(size: number, quoting: boolean, spansLines: boolean): number {
    if (this.maxBytes !== 0 && size > this.maxBytes) throw new TokenizerError('record-too-large', this.line, quoting, spansLines);
    return MORE;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const kinds = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    kinds.set(this.kinds);
    this.starts = starts;
    this.ends = ends;
    this.kinds = kinds;
  }
}
