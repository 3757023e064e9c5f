// Records of one input, in batches, with the line each starts on. Chunks are pulled from the
// input as records are asked for (no stream in between), so what is held at any time is one
// chunk and the batch being filled: records are used while still young. Line numbers count `\n`
// only, like the record delimiter does: a bare `\r` inside a field (real in the Twitter export)
// is content, not a line break.

import { codePage, type SingleByteEncoding } from './charsets.js';
import { RecordCells } from './record-cells.js';
import type { Delimiter } from './sniff.js';
import { SingleByteCheck, Utf8Check, type TextCheck } from './text-check.js';
import { CsvTokenizer, END, RECORD } from './tokenizer.js';

/**
 * Records per batch handed to the mapper. Small, so that records are used while still young:
 * batches of 1000 outlived garbage collections and were copied to the old generation.
 */
export const BATCH_ROWS = 64;

export interface CsvBatch {
  rows: string[][];
  lines: number[];
  /** For each record, the bytes read when it ended (its terminator included). */
  ends: number[];
  /** The records whose bytes hold trouble (text-check.ts), in order; null when none do (the usual case). */
  trouble: RecordTrouble[] | null;
}

/** A record whose bytes are not all text in the input's encoding. */
export interface RecordTrouble {
  /** Its index in the batch's `rows`. */
  row: number;
  /** What was found: UNDECODABLE and/or UTF8_TEXT bits (text-check.ts). */
  kinds: number;
}

export interface RecordReaderOptions {
  /** A byte range in the middle of a file: every record is data, and no byte-order mark is looked for. */
  headerless?: boolean;
  /** What the bytes are in (default UTF-8). */
  encoding?: 'utf-8' | SingleByteEncoding;
}

export interface HeaderRecord {
  cells: string[];
  line: number;
}

export class RecordReader {
  private readonly tokenizer: CsvTokenizer;
  private readonly cells: RecordCells;
  /** Finds the bytes that are not text in the input's encoding, before the tokenizer reads them. */
  private readonly check: TextCheck;
  private readonly input: AsyncIterator<Buffer>;
  /** Per column, 1 when its cells are decoded; null decodes every cell (decodeOnly). */
  private wanted: Uint8Array | null = null;
  private used = false;
  private closed = false;

  /** What the header record's bytes hold that is not text (text-check.ts bits; 0 when nothing). */
  headerTrouble = 0;
  /** Bytes read when the header record ended (its terminator included). */
  headerEnd = 0;
  /** The line right after the header record. */
  dataLine = 1;
  /** Bytes handed to the tokenizer so far (progress). */
  bytesFed = 0;

  /** `maxRecordSize`: bytes the cells of a record may hold (0: no limit). */
  constructor(input: AsyncIterable<Buffer>, delimiter: Delimiter, maxRecordSize: number, opts: RecordReaderOptions = {}) {
    const encoding = opts.encoding ?? 'utf-8';
    const singleByte = encoding !== 'utf-8';
    // A byte range in the middle of a file has no byte-order mark to skip; nor has a single-byte
    // input (a mark decides the encoding before the reader is made, decode.ts: bytes that are
    // text here must not be dropped). A UTF-8 input's first mark is stripped by openCsv: a second
    // one is skipped here.
    this.tokenizer = new CsvTokenizer(delimiter.charCodeAt(0), maxRecordSize, !opts.headerless && !singleByte);
    this.cells = new RecordCells(singleByte ? codePage(encoding) : null);
    this.check = singleByte ? new SingleByteCheck(encoding) : new Utf8Check();
    this.input = input[Symbol.asyncIterator]();
  }

  /**
   * Decode only the cells of these columns from now on (the ones a mapping reads); any other
   * non-empty cell becomes UNREAD_CELL. Every record still has all its cells, in place. null
   * decodes every cell again.
   */
  decodeOnly(columns: readonly number[] | null): void {
    if (columns === null) {
      this.wanted = null;
      return;
    }
    const wanted = new Uint8Array(Math.max(0, ...columns) + 1);
    for (const c of columns) wanted[c] = 1;
    this.wanted = wanted;
  }

  /** `\n` line breaks read so far (all of the input's, once it is read to the end). */
  get lineBreaks(): number {
    return this.tokenizer.lineBreaks;
  }

  /** The first record, every cell decoded; undefined when the input has none. */
  async header(): Promise<HeaderRecord | undefined> {
    const tokenizer = this.tokenizer;
    for (;;) {
      const step = tokenizer.step();
      if (step === END) return undefined;
      if (step === RECORD) {
        this.headerEnd = tokenizer.recordEnd;
        this.headerTrouble = this.troubleBefore(tokenizer.recordEnd);
        this.dataLine = tokenizer.lineBreaks + 1;
        return { cells: this.cells.row(tokenizer, null), line: tokenizer.recordLine };
      }
      await this.more();
    }
  }

  /** The records (after the header, when header() was called), in batches. Single use. */
  async *batches(): AsyncGenerator<CsvBatch> {
    if (this.used) throw new Error('RecordReader.batches() is single use');
    this.used = true;
    const tokenizer = this.tokenizer;
    let rows: string[][] = [];
    let lines: number[] = [];
    let ends: number[] = [];
    let trouble: RecordTrouble[] | null = null;
    try {
      for (;;) {
        const step = tokenizer.step();
        if (step === RECORD) {
          const end = tokenizer.recordEnd;
          const kinds = this.troubleBefore(end);
          if (kinds !== 0) (trouble ??= []).push({ row: rows.length, kinds });
          rows.push(this.cells.row(tokenizer, this.wanted));
          lines.push(tokenizer.recordLine);
          ends.push(end);
          if (rows.length === BATCH_ROWS) {
            yield { rows, lines, ends, trouble };
            rows = [];
            lines = [];
            ends = [];
            trouble = null;
          }
        } else if (step === END) break;
        else await this.more();
      }
      if (rows.length > 0) yield { rows, lines, ends, trouble };
    } finally {
      await this.close();
    }
  }

  /** Stops reading and releases the input. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.input.return?.();
  }

  /** The trouble found before `offset` (a record's end), taken: all of it is that record's. */
  private troubleBefore(offset: number): number {
    return this.check.next < offset ? this.check.takeBefore(offset) : 0;
  }

  /**
   * Chunks for a record the tokenizer could not finish: at least as many new bytes as it has of
   * it, so that a record spread over many small chunks (a slow pipe) is read again a few times,
   * not once per chunk.
   */
  private async more(): Promise<void> {
    const tokenizer = this.tokenizer;
    const had = tokenizer.pending;
    do {
      const next = await this.input.next();
      if (next.done) {
        this.check.end();
        tokenizer.finish();
        return;
      }
      this.bytesFed += next.value.length;
      this.check.scan(next.value);
      tokenizer.feed(next.value);
    } while (tokenizer.pending < 2 * had);
  }
}
