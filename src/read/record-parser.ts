// csv-parse with line numbers and batching, at no per-record cost beyond counting newlines.
// `info: true` and `on_record` would give line numbers too but were measured 1.5x–10x slower,
// so we intercept the parser's own `push` (called synchronously as each record completes) and
// keep line numbers ourselves: a record starts where the previous one ended plus any empty
// lines csv-parse skipped in between (`info.empty_lines`), and spans one line per `\n` in its
// fields plus its terminator. Lines therefore count `\n` only, like the record delimiter does:
// a bare `\r` inside a field (real in the Twitter export) is content, not a line break.

import { Parser } from 'csv-parse';
import type { Delimiter } from './sniff.js';

/**
 * Records per batch handed to the mapper. Small, so that records are used while still young:
 * batches of 1000 outlived garbage collections and were copied to the old generation (measured
 * on 100k rows: 8.5 MB promoted by reading alone at 1000, 1 MB at 50), and the young generation
 * grew with them.
 */
export const BATCH_ROWS = 64;

export interface CsvBatch {
  rows: string[][];
  lines: number[];
  /** For each record, the bytes the parser had read when it ended (its terminator included). */
  ends: number[];
}

export interface RecordParserOptions {
  /** A byte range in the middle of a file: every record is data, and no byte-order mark is looked for. */
  headerless?: boolean;
}

export interface HeaderRecord {
  cells: string[];
  line: number;
}

export class RecordParser extends Parser {
  /** The first record; undefined when the input has no record at all. */
  readonly header: Promise<HeaderRecord | undefined>;
  /** The first error the parser or its input met (kept so a late reader still sees it). */
  failure: unknown;

  private resolveHeader!: (h: HeaderRecord | undefined) => void;
  private rejectHeader!: (err: unknown) => void;
  private headerSettled = false;
  private nextLine = 1;
  private emptyLinesSeen = 0;
  /** csv-parse's own line counter (it counts `\r` too) where the pending record starts. */
  private parserLineAtStart = 1;
  private rows: string[][] = [];
  private ends: number[] = [];
  private lines: number[] = [];

  /** Bytes the parser had read when the header record ended (its terminator included). */
  headerEnd = 0;
  /** The line right after the header record. */
  dataLine = 1;

  constructor(delimiter: Delimiter, maxRecordSize: number, opts: RecordParserOptions = {}) {
    super({
      delimiter,
      // Explicit, so a bare `\r` never ends a record (auto-detection may guess `\r`).
      record_delimiter: ['\r\n', '\n'],
      bom: !opts.headerless,
      relax_column_count: true,
      // `"abc"x` and `5" screen` keep their quotes as text instead of failing the whole file.
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: maxRecordSize,
    });
    this.header = new Promise((resolve, reject) => {
      this.resolveHeader = resolve;
      this.rejectHeader = reject;
    });
    // Handled here so an error before anyone reads is kept, not thrown as unhandled.
    this.on('error', (err) => {
      this.failure ??= err;
      this.settleHeader(undefined, err);
    });
    this.on('close', () => this.settleHeader(undefined));
    if (opts.headerless) this.settleHeader(undefined);
  }

  /** 1-based line where the record being read now starts (for error messages). */
  pendingRecordLine(): number {
    return this.nextLine + (this.info.empty_lines - this.emptyLinesSeen);
  }

  /** Whether the record being read has crossed a line break (csv-parse's count). */
  pendingRecordSpansLines(errorLine: number): boolean {
    return errorLine > this.parserLineAtStart + (this.info.empty_lines - this.emptyLinesSeen);
  }

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk === null) {
      if (this.rows.length > 0) this.pushBatch();
      this.settleHeader(undefined);
      return super.push(null, encoding);
    }
    const record = chunk as string[];
    const skipped = this.info.empty_lines - this.emptyLinesSeen;
    const line = this.nextLine + skipped;
    this.emptyLinesSeen = this.info.empty_lines;
    // csv-parse counts a line per line break it meets; when its count moved by just the skipped
    // lines since this record started, the record holds no break at all and needs no scan (the
    // usual case: scanning every field of every record was a measured cost).
    const unbroken = this.info.lines === this.parserLineAtStart + skipped;
    this.nextLine = line + 1 + (unbroken ? 0 : newlinesIn(record));
    // csv-parse has not yet counted the terminator it just read: its next record starts one on.
    this.parserLineAtStart = this.info.lines + 1;
    if (!this.headerSettled) {
      this.headerEnd = this.info.bytes;
      this.dataLine = this.nextLine;
      this.settleHeader({ cells: record, line });
      return true;
    }
    this.rows.push(record);
    this.lines.push(line);
    this.ends.push(this.info.bytes);
    return this.rows.length >= BATCH_ROWS ? this.pushBatch() : true;
  }

  private pushBatch(): boolean {
    const batch: CsvBatch = { rows: this.rows, lines: this.lines, ends: this.ends };
    this.rows = [];
    this.lines = [];
    this.ends = [];
    return super.push(batch);
  }

  private settleHeader(header: HeaderRecord | undefined, err?: unknown): void {
    if (this.headerSettled) return;
    this.headerSettled = true;
    if (err !== undefined) this.rejectHeader(err);
    else this.resolveHeader(header);
  }
}

function newlinesIn(record: string[]): number {
  let n = 0;
  for (let i = 0; i < record.length; i++) {
    const field = record[i];
    for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) n++;
  }
  return n;
}
