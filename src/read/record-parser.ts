// csv-parse with line numbers and batching, at no per-record cost beyond counting newlines.
// `info: true` and `on_record` would give line numbers too but were measured 1.5x–10x slower,
// so we take each record from csv-parse's tokenizer as it completes (its `push` callback,
// called synchronously) and keep line numbers ourselves: a record starts where the previous one
// ended plus any empty lines csv-parse skipped in between (`info.empty_lines`), and spans one
// line per `\n` in its fields plus its terminator. Lines therefore count `\n` only, like the
// record delimiter does: a bare `\r` inside a field (real in the Twitter export) is content, not
// a line break. The tokenizer is csv-parse's own, one per thread, reused (see Tokenizer).

import { Transform, type TransformCallback } from 'node:stream';
import { CsvError, Parser } from 'csv-parse';
import { codePage, remapCells, type SingleByteEncoding } from './charsets.js';
import type { Delimiter } from './sniff.js';
import { SingleByteCheck, Utf8Check, type TextCheck } from './text-check.js';

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

/**
 * Cells one record may have. The byte limit (maxRecordSize) counts the bytes inside cells, so a
 * line made only of delimiters (60 MB of commas: 60 million empty cells) passed it and grew
 * memory by gigabytes. Excel stops at 16,384 columns and no help-desk export comes near; 100,000
 * empty cells are under 1 MB.
 */
export const MAX_CELLS_PER_RECORD = 100_000;

/** csv-parse-style error code of a record with more cells than MAX_CELLS_PER_RECORD. */
export const TOO_MANY_CELLS = 'CSV_TOO_MANY_CELLS';

export interface CsvBatch {
  rows: string[][];
  lines: number[];
  /** For each record, the bytes the parser had read when it ended (its terminator included). */
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

export interface RecordParserOptions {
  /** A byte range in the middle of a file: every record is data, and no byte-order mark is looked for. */
  headerless?: boolean;
  /** What the bytes given to the parser are in (default UTF-8). */
  encoding?: 'utf-8' | SingleByteEncoding;
}

export interface HeaderRecord {
  cells: string[];
  line: number;
}

export class RecordParser extends Transform {
  /** The first record; undefined when the input has no record at all. */
  readonly header: Promise<HeaderRecord | undefined>;
  /** The first error the parser or its input met (kept so a late reader still sees it). */
  failure: unknown;
  /**
   * csv-parse's counters (`info`): the tokenizer's own while this parser holds it, a copy once it
   * is given back (error messages still read them then).
   */
  private info: ParseInfo;

  private tokenizer: Tokenizer | null;
  /** Whether a quote was still open when the tokenizer was given back. */
  private quotingAtRelease = false;
  private stopped = false;
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
  private trouble: RecordTrouble[] | null = null;
  /** Finds the bytes that are not text in the input's encoding, before the tokenizer reads them. */
  private readonly check: TextCheck;
  /** The code page of a single-byte input (cells are decoded as Latin-1, then remapped); null for UTF-8. */
  private readonly page: Uint16Array | null;

  /** What the header record's bytes hold that is not text (text-check.ts bits; 0 when nothing). */
  headerTrouble = 0;

  /** Bytes the parser had read when the header record ended (its terminator included). */
  headerEnd = 0;
  /** The line right after the header record. */
  dataLine = 1;

  constructor(delimiter: Delimiter, maxRecordSize: number, opts: RecordParserOptions = {}) {
    // Byte chunks in, batches out (object mode on the readable side only).
    super({ readableObjectMode: true });
    const encoding = opts.encoding ?? 'utf-8';
    this.page = encoding === 'utf-8' ? null : codePage(encoding);
    this.check = encoding === 'utf-8' ? new Utf8Check() : new SingleByteCheck(encoding);
    this.tokenizer = takeTokenizer(this, delimiter, maxRecordSize, opts.headerless === true, this.page !== null);
    this.info = this.tokenizer.api.info;
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

  /**
   * Decode only the cells of these columns from now on (the ones a mapping reads); any other
   * non-empty cell becomes UNREAD_CELL. Turning bytes into strings is about a fifth of
   * csv-parse's time on a wide export, and most columns are never looked at. Tokenizing is
   * unchanged: every record still has all its cells, in place. null decodes every cell again.
   */
  decodeOnly(columns: readonly number[] | null): void {
    if (!this.tokenizer) return;
    if (columns === null) {
      this.tokenizer.wanted = null;
      return;
    }
    const wanted = new Uint8Array(Math.max(0, ...columns) + 1);
    for (const c of columns) wanted[c] = 1;
    this.tokenizer.wanted = wanted;
  }

  /** 1-based line where the record being read now starts (for error messages). */
  pendingRecordLine(): number {
    return this.nextLine + (this.info.empty_lines - this.emptyLinesSeen);
  }

  /** Whether the record being read has crossed a line break (csv-parse's count). */
  pendingRecordSpansLines(errorLine: number): boolean {
    return errorLine > this.parserLineAtStart + (this.info.empty_lines - this.emptyLinesSeen);
  }

  /** Whether the parser stopped inside a quoted field. */
  quoting(): boolean {
    return this.tokenizer ? this.tokenizer.api.state.quoting : this.quotingAtRelease;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.stopped || !this.tokenizer) return callback();
    this.check.scan(chunk);
    const err = this.tokenizer.parse(chunk, false);
    if (err !== undefined) this.stopped = true;
    callback(err);
  }

  override _flush(callback: TransformCallback): void {
    if (this.stopped || !this.tokenizer) return callback();
    this.check.end();
    const err = this.tokenizer.parse(undefined, true);
    if (err !== undefined) {
      this.stopped = true;
      return callback(err);
    }
    if (this.rows.length > 0) this.pushBatch();
    this.settleHeader(undefined);
    callback();
  }

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    this.release();
    callback(err);
  }

  /** Gives the tokenizer back (for the next parser on this thread), keeping what errors need. */
  private release(): void {
    const tokenizer = this.tokenizer;
    if (!tokenizer) return;
    this.info = { ...tokenizer.api.info };
    this.quotingAtRelease = tokenizer.api.state.quoting;
    this.tokenizer = null;
    giveBack(tokenizer);
  }

  /** Each record as csv-parse completes it (synchronously, inside `parse`). */
  onRecord(record: string[]): void {
    const info = this.info;
    const skipped = info.empty_lines - this.emptyLinesSeen;
    const line = this.nextLine + skipped;
    this.emptyLinesSeen = info.empty_lines;
    // csv-parse counts a line per line break it meets; when its count moved by just the skipped
    // lines since this record started, the record holds no break at all and needs no scan (the
    // usual case: scanning every field of every record was a measured cost).
    const unbroken = info.lines === this.parserLineAtStart + skipped;
    this.nextLine = line + 1 + (unbroken ? 0 : newlinesIn(record));
    // csv-parse has not yet counted the terminator it just read: its next record starts one on.
    this.parserLineAtStart = info.lines + 1;
    if (this.page !== null) remapCells(record, this.page);
    // All the bytes of this record are before info.bytes, and the trouble of the records before it was taken.
    const trouble = this.check.next < info.bytes ? this.check.takeBefore(info.bytes) : 0;
    if (!this.headerSettled) {
      this.headerEnd = info.bytes;
      this.dataLine = this.nextLine;
      this.headerTrouble = trouble;
      this.settleHeader({ cells: record, line });
      return;
    }
    if (trouble !== 0) (this.trouble ??= []).push({ row: this.rows.length, kinds: trouble });
    this.rows.push(record);
    this.lines.push(line);
    this.ends.push(info.bytes);
    if (this.rows.length >= BATCH_ROWS) this.pushBatch();
  }

  private pushBatch(): void {
    const batch: CsvBatch = { rows: this.rows, lines: this.lines, ends: this.ends, trouble: this.trouble };
    this.rows = [];
    this.lines = [];
    this.ends = [];
    this.trouble = null;
    this.push(batch);
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
 * First bytes of a cell that may be blank to String.prototype.trim (ASCII space and controls, the
 * lead bytes of U+00A0, U+1680, U+2000–U+205F, U+3000, U+FEFF in UTF-8, and U+00A0 in the
 * single-byte code pages): such cells are decoded even when not wanted, so that an all-blank row
 * is still seen as one.
 */
const MAYBE_BLANK = new Uint8Array(256);
for (const b of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0xc2, 0xe1, 0xe2, 0xe3, 0xef]) MAYBE_BLANK[b] = 1;

/** csv-parse's counters (`parser.info`). */
interface ParseInfo {
  bytes: number;
  empty_lines: number;
  lines: number;
}

/** The part of csv-parse's transform API (`parser.api`, documented for backward compatibility) used here. */
interface ParseApi {
  __needMoreData(i: number, bufLen: number, end: boolean): boolean;
  __isDelimiter(buf: Buffer, pos: number, chr: number): number;
  __isEscape(buf: Buffer, pos: number, chr: number): boolean;
  __isQuote(buf: Buffer, pos: number): boolean;
  __isRecordDelimiter(chr: number, buf: Buffer, pos: number): number;
  parse(buf: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
  __onField(): unknown;
  __onRecord(push: unknown): unknown;
  __resetRecord(): unknown;
  options: {
    delimiter: Buffer[];
    max_record_size: number;
    encoding: 'utf8' | 'latin1';
    escape: Buffer | null;
    quote: Buffer | null;
    record_delimiter: Buffer[];
    ignore_last_delimiters: unknown;
  };
  /** The options csv-parse was made with, from which it rebuilds `options` on a byte-order mark. */
  original_options?: { delimiter?: unknown; max_record_size?: unknown };
  info: ParseInfo;
  state: {
    bomSkipped: boolean;
    enabled: boolean;
    quoting: boolean;
    wasQuoting: boolean;
    record: string[];
    record_length: number;
    field: { buf: Buffer; length: number; reset(): void };
    rawBuffer: { reset(): void };
    needMoreDataSize: number;
    recordDelimiterMaxLength: number;
  };
}

/**
 * csv-parse's tokenizer, driven directly (no csv-parse stream around it), and kept for the next
 * parser on the same thread. V8 compiles csv-parse's hot loop for the tokenizers it has met, and
 * csv-parse makes its methods anew for each: every further one made on a thread left that loop
 * slower for the rest of the run. Counted with valgrind over 100k Zendesk rows: one more
 * tokenizer, even unused, 12 % more instructions; reading with a second one, 22 % more. The audit
 * reads one file after another, and a file in byte ranges one range after another on each thread,
 * so one tokenizer per thread serves them all; a parser made while it is in use (two inputs open
 * at once) gets one of its own.
 */
class Tokenizer {
  owner: RecordParser | null = null;
  /** Per column, 1 when its cells are decoded; null decodes every cell (RecordParser.decodeOnly). */
  wanted: Uint8Array | null = null;
  private readonly kept = new KeptCells();
  /** Hands each record to the owner: one function for every owner, so the call stays monomorphic. */
  private readonly push = (record: string[]) => this.owner!.onRecord(record);
  // csv-parse calls it only for its `to` and `to_line` options, which are not used.
  private readonly close = () => {};
  /**
   * Whether the record size limit is kept here (when the per-cell step is wrapped) instead of by
   * csv-parse, which checks it before every byte (2.5 % of the audit's instructions, valgrind).
   */
  private readonly limitHere: boolean;
  /** Bytes a record may hold (0: no limit) when limitHere. */
  limit = 0;
  /** The speed-ups this tokenizer took. */
  readonly features: TokenizerFeatures;
  /** csv-parse's byte tests, when answered here (see installByteTests); null: its own. */
  private readonly byteTests: ByteTests | null;

  /** Whether it is the thread's one tokenizer, given back for the next input (see takeTokenizer). */
  readonly reusable: boolean;

  /** `first`: no reusable tokenizer exists on this thread yet. */
  constructor(readonly api: ParseApi, first: boolean) {
    this.limitHere = installSelectiveDecoding(api, this, this.kept);
    const lookahead = installLookahead(api);
    this.byteTests = installByteTests(api);
    this.features = { reusable: reusableShape(api), selectiveDecoding: this.limitHere, lookahead, byteTests: this.byteTests !== null };
    this.reusable = first && this.features.reusable;
  }

  parse(buf: Buffer | undefined, end: boolean): Error | undefined {
    const err = this.api.parse(buf, end, this.push, this.close);
    if (err !== undefined) return err;
    const state = this.api.state;
    // Without the per-cell step wrapped (another csv-parse), cells are counted once per chunk.
    if (state.record.length > MAX_CELLS_PER_RECORD) return this.tooManyCells();
    if (this.limit === 0) return undefined;
    // The record still open at the end of the chunk (one inside an unclosed quote runs on).
    return state.record_length + state.field.length > this.limit ? this.tooLarge() : undefined;
  }

  /** A record with more cells than MAX_CELLS_PER_RECORD, for the reader to restate (csv-failure.ts). */
  tooManyCells(): CsvError {
    const info = this.api.info;
    return new CsvError(
      TOO_MANY_CELLS as never,
      ['Too many cells:', `a record holds more than ${MAX_CELLS_PER_RECORD} cells`, `at line ${info.lines}`],
      this.api.options as never,
      { ...info },
    );
  }

  /**
   * csv-parse's own error for a record past the limit, for the reader to restate (csv-failure.ts).
   * The limit is checked as each cell ends and at the end of each chunk, rather than before every
   * byte: a record past it is still stopped within a chunk of its start of trouble.
   */
  tooLarge(): CsvError {
    const info = this.api.info;
    return new CsvError(
      'CSV_MAX_RECORD_SIZE',
      ['Max Record Size:', 'record exceed the maximum number of tolerated bytes', `of ${this.limit}`, `at line ${info.lines}`],
      this.api.options as never,
      { ...info },
    );
  }

  /**
   * Ready for a new input: csv-parse's start state (`init_state`) and counters, these options.
   * `singleByte`: cells are decoded as Latin-1 (one character per byte; RecordParser remaps them).
   */
  reset(owner: RecordParser, delimiter: Delimiter, maxRecordSize: number, headerless: boolean, singleByte: boolean): void {
    const { state, info, options } = this.api;
    Object.assign(state, FRESH_STATE);
    state.record = [];
    state.field.reset();
    state.rawBuffer.reset();
    Object.assign(info, FRESH_INFO);
    options.delimiter = [Buffer.from(delimiter)];
    if (this.byteTests) this.byteTests.delimiter = delimiter.charCodeAt(0);
    options.max_record_size = this.limitHere ? 0 : maxRecordSize;
    // csv-parse rebuilds its options from the ones it was made with when it meets a byte-order
    // mark (a second one: openCsv strips the first), so those must be this input's too.
    if (this.api.original_options) {
      this.api.original_options.delimiter = delimiter;
      this.api.original_options.max_record_size = options.max_record_size;
    }
    this.limit = this.limitHere ? maxRecordSize : 0;
    options.encoding = singleByte ? 'latin1' : 'utf8';
    this.kept.encoding = options.encoding;
    // A byte range in the middle of a file has no byte-order mark to look for; nor has a single-byte
    // input (a mark decides the encoding before the parser is made, decode.ts: csv-parse must not
    // switch to UTF-8 or UTF-16 on bytes that are text here).
    state.bomSkipped = headerless || singleByte;
    this.kept.clear();
    this.wanted = null;
    this.owner = owner;
  }
}

/** csv-parse's start state (`init_state`) for the fields that do not depend on the options. */
const FRESH_STATE = {
  bomSkipped: false, bufBytesStart: 0, commenting: false, delimiterBufPrevious: undefined, delimiterDiscovered: false,
  error: undefined, enabled: true, escaping: false, previousBuf: undefined, quoting: false, stop: false,
  recordHasError: false, record_length: 0, wasQuoting: false, wasRowDelimiter: false,
};
/** The other fields: set from the options (the same for every input here), or objects reset in place. */
const KEPT_STATE = [
  'castField', 'escapeIsQuote', 'expectedRecordLength', 'field', 'firstLineToHeaders', 'needMoreDataSize', 'rawBuffer', 'record',
  'recordDelimiterMaxLength', 'trimChars', 'timchars', 'timcharFirstBytes',
];
const FRESH_INFO = { bytes: 0, bytes_records: 0, comment_lines: 0, empty_lines: 0, invalid_field_length: 0, lines: 1, records: 0 };

/** This thread's tokenizer while no parser holds it. */
let idle: Tokenizer | undefined;
/** Whether this thread's reusable tokenizer exists (after which an empty `idle` means it is in use). */
let made = false;
/** Tokenizers made on this thread. */
let count = 0;

/** Which of the reader's speed-ups the installed csv-parse took (each needs its tokenizer shaped as expected). */
export interface TokenizerFeatures {
  /** Reset and reused for the next input (Tokenizer.reset). */
  reusable: boolean;
  /** Only wanted cells decoded, the record size limit kept by the reader (installSelectiveDecoding). */
  selectiveDecoding: boolean;
  /** Look-ahead in one comparison (installLookahead). */
  lookahead: boolean;
  /** Byte tests in a comparison or two (installByteTests). */
  byteTests: boolean;
}

let lastFeatures: TokenizerFeatures | undefined;

/**
 * What the last tokenizer made on this thread took. Each speed-up falls back to csv-parse's own
 * code when the installed csv-parse is shaped differently (same records, slower); a test checks
 * that the version package-lock.json names takes them all, so an upgrade that loses one is seen.
 */
export function tokenizerFeatures(): TokenizerFeatures | undefined {
  return lastFeatures;
}

/**
 * How many csv-parse tokenizers this thread has made: one, plus one per parser made while
 * another was reading. Tests check it (more means every input pays the slower loop again).
 */
export function tokenizersMade(): number {
  return count;
}

function takeTokenizer(owner: RecordParser, delimiter: Delimiter, maxRecordSize: number, headerless: boolean, singleByte: boolean): Tokenizer {
  let tokenizer = idle;
  idle = undefined;
  if (!tokenizer) {
    const api = newApi(delimiter, maxRecordSize);
    tokenizer = new Tokenizer(api, !made);
    lastFeatures = tokenizer.features;
    count++;
    if (tokenizer.reusable) made = true;
  }
  tokenizer.reset(owner, delimiter, maxRecordSize, headerless, singleByte);
  return tokenizer;
}

function giveBack(tokenizer: Tokenizer): void {
  tokenizer.owner = null;
  if (tokenizer.reusable) idle = tokenizer;
}

function newApi(delimiter: Delimiter, maxRecordSize: number): ParseApi {
  const api = (new Parser({
    delimiter,
    // Explicit, so a bare `\r` never ends a record (auto-detection may guess `\r`).
    record_delimiter: ['\r\n', '\n'],
    // Looked for at the start of a file; reset() skips it for a byte range (state.bomSkipped).
    bom: true,
    relax_column_count: true,
    // `"abc"x` and `5" screen` keep their quotes as text instead of failing the whole file.
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: maxRecordSize,
  }) as unknown as { api?: ParseApi }).api;
  if (typeof api?.parse !== 'function' || !api.state || !api.info || !api.options) {
    throw new Error('csv-parse has no transform API here (parser.api): install the version package-lock.json names (npm ci)');
  }
  return api;
}

/**
 * Whether reset() knows every field of this csv-parse's state and counters, so that a used
 * tokenizer can be made as good as new; otherwise (another csv-parse) each parser gets its own.
 */
function reusableShape(api: ParseApi): boolean {
  const known = new Set([...Object.keys(FRESH_STATE), ...KEPT_STATE]);
  const stateKeys = Object.keys(api.state);
  const infoKeys = Object.keys(api.info);
  return (
    stateKeys.length === known.size && stateKeys.every((k) => known.has(k)) &&
    infoKeys.length === Object.keys(FRESH_INFO).length && infoKeys.every((k) => k in FRESH_INFO) &&
    api.state.enabled === true && typeof api.state.field?.reset === 'function' && typeof api.state.rawBuffer?.reset === 'function'
  );
}

/**
 * csv-parse has no option to leave cells undecoded, so its per-cell step (`__onField`: bytes →
 * string, pushed onto the record) is wrapped:
 * - an unwanted cell is pushed as '' or UNREAD_CELL;
 * - a wanted cell is pushed as a placeholder and its bytes are kept, one cell after another, until
 *   the record ends (`__onRecord`): then they are turned into strings all at once. When they are
 *   all ASCII that is one decoding and a slice per cell, against a decoding per cell (each a call
 *   into C++ that costs more than the bytes: measured ~2.1 µs a Zendesk row for 22 cells, against
 *   ~0.55 µs at once); otherwise each cell is decoded on its own, exactly as csv-parse would. A
 *   slice of 13 characters or more shares the record's text: see ownString.
 * Every cell's bytes count towards the record size limit, which the wrapper then keeps (see
 * Tokenizer.limit). When the API is not shaped as expected (another csv-parse), nothing is
 * wrapped (false is returned) and csv-parse decodes every cell and keeps the limit itself, which
 * is slower but the same. test/read/decode-only.test.ts checks the wrapped parser against
 * csv-parse's own output on random CSV and random bytes.
 */
function installSelectiveDecoding(api: ParseApi, tokenizer: Tokenizer, kept: KeptCells): boolean {
  if (
    typeof api.__onField !== 'function' || typeof api.__onRecord !== 'function' || typeof api.__resetRecord !== 'function' ||
    typeof api.state.field?.reset !== 'function'
  ) return false;
  const ownField = api.__onField;
  const ownRecord = api.__onRecord;
  const ownReset = api.__resetRecord;
  api.__onField = function (this: ParseApi) {
    const columns = tokenizer.wanted;
    const state = this.state;
    const field = state.field;
    const size = field.length;
    const record = state.record;
    const at = record.length;
    const wantedCell = columns !== null && at < columns.length && columns[at] === 1;
    if (columns === null || state.enabled === false || (size !== 0 && !wantedCell && MAYBE_BLANK[field.buf[0]] === 1)) {
      // csv-parse's own step: every cell is decoded, or this one may be blank.
      const err = ownField.call(this);
      if (err !== undefined) return err;
    } else {
      if (size === 0) record.push('');
      else if (wantedCell) {
        kept.add(field.buf, size, at);
        record.push('');
      } else record.push(UNREAD_CELL);
      field.reset();
      state.wasQuoting = false;
    }
    // The record size limit (Tokenizer.limit), in bytes, and its cell count.
    if (tokenizer.limit !== 0 && (state.record_length += size) > tokenizer.limit) return tokenizer.tooLarge();
    if (at >= MAX_CELLS_PER_RECORD) return tokenizer.tooManyCells();
    return undefined;
  } as ParseApi['__onField'];
  api.__onRecord = function (this: ParseApi, push: unknown) {
    kept.decodeInto(this.state.record);
    return ownRecord.call(this, push);
  } as ParseApi['__onRecord'];
  api.__resetRecord = function (this: ParseApi) {
    kept.clear();
    return ownReset.call(this);
  } as ParseApi['__resetRecord'];
  return true;
}

/**
 * csv-parse asks before every byte whether the chunk has enough bytes left to look ahead
 * (`__needMoreData`: whether a delimiter, a quote or a record delimiter could start there and run
 * past the chunk), and works the answer out from its options each time, ~7 % of the whole
 * audit's instructions (valgrind, 100k rows). The options are fixed, so the two lengths it can
 * come to (inside a quoted field and outside) are worked out here once, by its own formula, and
 * the question becomes one comparison. Left as it is when csv-parse's state is not shaped as
 * expected. test/read/tokenizer.test.ts checks records against csv-parse's over random chunk cuts.
 */
function installLookahead(api: ParseApi): boolean {
  const { state, options } = api;
  const { needMoreDataSize, recordDelimiterMaxLength } = state;
  const { escape, quote } = options;
  if (
    typeof api.__needMoreData !== 'function' || !Number.isInteger(needMoreDataSize) || !Number.isInteger(recordDelimiterMaxLength) ||
    recordDelimiterMaxLength === 0 || !Buffer.isBuffer(quote) || (escape !== null && !Buffer.isBuffer(escape))
  ) return false;
  const outside = Math.max(needMoreDataSize, recordDelimiterMaxLength);
  const inside = Math.max(outside, (escape === null ? 0 : escape.length) + quote.length, quote.length + recordDelimiterMaxLength);
  api.__needMoreData = function (this: ParseApi, i: number, bufLen: number, end: boolean): boolean {
    return !end && bufLen - i - 1 < (this.state.quoting ? inside : outside);
  };
  return true;
}

/** The bytes the byte tests look for; the delimiter is set per input (Tokenizer.reset). */
interface ByteTests {
  delimiter: number;
}

/**
 * Before every byte outside a quoted field, csv-parse asks whether a quote, a record delimiter and
 * a delimiter start there, and inside one whether an escape does (`__isQuote`,
 * `__isRecordDelimiter`, `__isDelimiter`, `__isEscape`). Each reads its option anew and loops
 * over it, written for delimiters of any length and any number. Here every one is a single byte,
 * and the record delimiters are `\r\n` and `\n` (newApi), so each question becomes a comparison
 * or two: the same answers, in the same order. Left as they are when the options are not shaped
 * so (another csv-parse), and null is returned. test/read/tokenizer.test.ts compares records with
 * csv-parse's for each delimiter over random input and random chunk cuts.
 */
function installByteTests(api: ParseApi): ByteTests | null {
  const { options } = api;
  const { quote, escape, delimiter, record_delimiter: rd } = options;
  const oneByte = (b: unknown): b is Buffer => Buffer.isBuffer(b) && b.length === 1;
  if (
    typeof api.__isQuote !== 'function' || typeof api.__isEscape !== 'function' || typeof api.__isDelimiter !== 'function' ||
    typeof api.__isRecordDelimiter !== 'function' || options.ignore_last_delimiters !== false || !oneByte(quote) ||
    (escape !== null && !oneByte(escape)) || !Array.isArray(delimiter) || delimiter.length !== 1 || !oneByte(delimiter[0]) ||
    !Array.isArray(rd) || rd.length !== 2 || !Buffer.isBuffer(rd[0]) || !rd[0].equals(CRLF) || !Buffer.isBuffer(rd[1]) || !rd[1].equals(LF)
  ) return null;
  const tests: ByteTests = { delimiter: delimiter[0][0] };
  const q = quote[0];
  // -1 matches no byte: csv-parse's own test answers false for a null escape.
  const e = escape === null ? -1 : escape[0];
  api.__isQuote = (buf: Buffer, pos: number) => buf[pos] === q;
  api.__isEscape = (_buf: Buffer, _pos: number, chr: number) => chr === e;
  api.__isDelimiter = (_buf: Buffer, _pos: number, chr: number) => (chr === tests.delimiter ? 1 : 0);
  api.__isRecordDelimiter = (chr: number, buf: Buffer, pos: number) => (chr === 0x0a ? 1 : chr === 0x0d && buf[pos + 1] === 0x0a ? 2 : 0);
  return tests;
}

const CRLF = Buffer.from('\r\n');
const LF = Buffer.from('\n');

/** The wanted cells of the record being read, as bytes, until they are decoded together. */
class KeptCells {
  private bytes: Buffer = Buffer.allocUnsafe(4096);
  private used = 0;
  /** Cell k is bytes[starts[k], starts[k + 1]) and goes to record[columns[k]]. */
  private starts: Int32Array = new Int32Array(65);
  private columns: Int32Array = new Int32Array(64);
  private count = 0;
  /** Every byte kept, OR-ed: below 0x80 means all ASCII. */
  private high = 0;
  /** How cells that are not all ASCII are decoded (Tokenizer.reset). */
  encoding: 'utf8' | 'latin1' = 'utf8';

  add(from: Buffer, size: number, column: number): void {
    if (this.used + size > this.bytes.length) this.bytes = grown(this.bytes, this.used + size);
    if (this.count === this.columns.length) {
      this.columns = grownInts(this.columns, 2 * this.count);
      this.starts = grownInts(this.starts, 2 * this.count + 1);
    }
    const bytes = this.bytes;
    let at = this.used;
    let high = this.high;
    for (let i = 0; i < size; i++) {
      const b = from[i];
      high |= b;
      bytes[at++] = b;
    }
    this.high = high;
    this.starts[this.count] = this.used;
    this.columns[this.count++] = column;
    this.used = at;
  }

  decodeInto(record: string[]): void {
    const n = this.count;
    if (n === 0) return;
    const { bytes, starts, columns } = this;
    starts[n] = this.used;
    if (this.high < 0x80) {
      const text = bytes.toString('latin1', 0, this.used);
      for (let k = 0; k < n; k++) record[columns[k]] = text.slice(starts[k], starts[k + 1]);
    } else {
      const encoding = this.encoding;
      for (let k = 0; k < n; k++) record[columns[k]] = bytes.toString(encoding, starts[k], starts[k + 1]);
    }
    this.clear();
  }

  clear(): void {
    this.used = 0;
    this.count = 0;
    this.high = 0;
  }
}

function grown(bytes: Buffer, need: number): Buffer {
  const next = Buffer.allocUnsafe(Math.max(need, bytes.length * 2));
  bytes.copy(next, 0, 0, bytes.length);
  return next;
}

function grownInts(ints: Int32Array, length: number): Int32Array {
  const next = new Int32Array(length);
  next.set(ints);
  return next;
}
