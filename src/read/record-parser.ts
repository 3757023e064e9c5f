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
 * What a cell the reader was told not to decode holds when it is not empty (see
 * `RecordParser.decodeOnly`): a fixed non-blank marker, so "is this row empty?" still has its
 * true answer without the text.
 */
export const UNREAD_CELL = '\u0000unread';

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

  /** Per column, 1 when its cells are decoded; null decodes every cell (see decodeOnly). */
  private wanted: Uint8Array | null = null;

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
    installSelectiveDecoding(this, () => this.wanted);
  }

  /**
   * Decode only the cells of these columns from now on (the ones a mapping reads); any other
   * non-empty cell becomes UNREAD_CELL. Turning bytes into strings is about a fifth of
   * csv-parse's time on a wide export, and most columns are never looked at. Tokenizing is
   * unchanged: every record still has all its cells, in place. null decodes every cell again.
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

/**
 * First bytes of a cell that may be blank to String.prototype.trim (ASCII space and controls, and
 * the lead bytes of U+00A0, U+1680, U+2000–U+205F, U+3000, U+FEFF): such cells are decoded even
 * when not wanted, so that an all-blank row is still seen as one.
 */
const MAYBE_BLANK = new Uint8Array(256);
for (const b of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xc2, 0xe1, 0xe2, 0xe3, 0xef]) MAYBE_BLANK[b] = 1;

/** The part of csv-parse's transform API (`parser.api`, documented for backward compatibility) used here. */
interface ParseApi {
  __onField(): unknown;
  options: { max_record_size: number };
  state: {
    enabled: boolean;
    wasQuoting: boolean;
    record: string[];
    record_length: number;
    field: { buf: Buffer; length: number; reset(): void };
  };
}

/**
 * csv-parse has no option to leave cells undecoded, so its per-cell step (`__onField`: bytes →
 * string, pushed onto the record) is wrapped: a wanted cell takes csv-parse's own path, an unwanted
 * one is pushed as '' or UNREAD_CELL with the same bookkeeping (its bytes count towards the record
 * size limit). When the API is not shaped as expected (another csv-parse), nothing is wrapped and
 * every cell is decoded, which is slower but the same. test/read/decode-only.test.ts checks the
 * wrapped parser against csv-parse's own output on random CSV.
 */
function installSelectiveDecoding(parser: Parser, wanted: () => Uint8Array | null): void {
  const api = (parser as unknown as { api?: Partial<ParseApi> }).api;
  if (!api || typeof api.__onField !== 'function' || !api.state || !api.options || typeof api.state.field?.reset !== 'function') return;
  const own = api.__onField;
  api.__onField = function (this: ParseApi) {
    const columns = wanted();
    const state = this.state;
    const record = state.record;
    const at = record.length;
    if (columns === null || (at < columns.length && columns[at] === 1) || state.enabled === false) return own.call(this);
    const field = state.field;
    const size = field.length;
    if (size === 0) record.push('');
    else if (MAYBE_BLANK[field.buf[0]] === 1) return own.call(this);
    else {
      record.push(UNREAD_CELL);
      if (this.options.max_record_size !== 0) state.record_length += size;
    }
    field.reset();
    state.wasQuoting = false;
    return undefined;
  } as ParseApi['__onField'];
}
