// Opening one CSV input: bytes (file, stdin, gzip) → encoding → delimiter → header, then the
// records streamed in batches with the line each starts on. Everything that makes an input
// unreadable is an InputError with a stable code (see fatal.ts and docs/reading.md).

import { openBytes, type ByteSource } from './byte-source.js';
import { parsedBatches, readFailure } from './csv-failure.js';
import {
  binaryReason,
  detectEncoding,
  headText,
  parserEncoding,
  parserInput,
  type Encoding,
  type EncodingChoice,
  type EncodingGuess,
  type EncodingSource,
} from './decode.js';
import { fatal } from './fatal.js';
import { RecordReader, type CsvBatch } from './record-reader.js';
import { sniffDelimiter, type Delimiter } from './sniff.js';

export { UNREAD_CELL } from './record-cells.js';
export { type CsvBatch, type RecordTrouble } from './record-reader.js';
export { ENCODINGS, type Encoding, type EncodingChoice, type EncodingSource } from './decode.js';
export type { Delimiter } from './sniff.js';

export interface CsvSource {
  /** As given; '-' means stdin. */
  path: string;
  encoding: Encoding;
  /** Why this encoding: a byte-order mark, --encoding, the policy, the first bytes, or the default (UTF-8). */
  encodingSource: EncodingSource;
  bom: boolean;
  delimiter: Delimiter;
  /** Header cells as written (BOM stripped). */
  header: string[];
  /** Line the header starts on (1 unless blank lines come first). */
  headerLine: number;
  /** What the header's bytes hold that is not text in the encoding (text-check.ts bits; 0 when nothing). */
  headerTrouble: number;
  gzip: boolean;
  /** Where the data starts: the byte offset after the header record (byte-order mark included). */
  dataStart: number;
  /** The line the data starts on (right after the header record). */
  dataLine: number;
  /** Data records after the header, in batches of BATCH_ROWS. Throws InputError on fatal problems. Single use. */
  batches(): AsyncIterable<CsvBatch>;
  /** Stops reading (when the records are read some other way, e.g. in parallel byte ranges). */
  close(): void;
  /** From now on, decode only these columns' cells; others are '' or UNREAD_CELL (RecordReader.decodeOnly). */
  decodeOnly(columns: readonly number[] | null): void;
  /** Bytes of the input read so far (compressed ones for gzip), read-ahead included: for progress. */
  bytesRead(): number;
}

export interface OpenOptions {
  delimiter?: Delimiter;
  /** The encoding of a file without a byte-order mark (--encoding, inputs.encoding); default: detected. */
  encoding?: EncodingChoice;
  /** Bytes (as parsed: UTF-8, or one per character in a code page) the cells of one record may hold before reading stops (guards against an unclosed quote). */
  maxRecordSize?: number;
  /** For tests; default process.stdin. */
  stdin?: NodeJS.ReadableStream;
  /** Sees stdin's raw bytes as they are read. */
  tee?: (chunk: Buffer) => void;
}

/** Large enough for any real help-desk field (a long email thread), small enough to fail fast. */
export const DEFAULT_MAX_RECORD_SIZE = 1_000_000;

export async function openCsv(path: string, opts: OpenOptions = {}): Promise<CsvSource> {
  const maxRecordSize = opts.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE;
  const bytes = await openBytes(path, opts.stdin, opts.tee);
  const guess = detectEncoding(bytes.head, bytes.complete, opts.encoding);
  const delimiter = await checkedDelimiter(path, bytes, guess, opts.delimiter);

  const reader = new RecordReader(parserInput(bytes.chunks(), guess), delimiter, maxRecordSize, { encoding: parserEncoding(guess.encoding) });
  let header;
  try {
    header = await reader.header();
  } catch (err) {
    release(reader);
    throw readFailure(err, path, maxRecordSize);
  }
  if (!header) {
    release(reader);
    throw fatal.empty(path);
  }
  if (header.cells.every((cell) => cell.trim() === '')) {
    release(reader);
    throw fatal.blankHeader(path, header.line);
  }

  let used = false;
  return {
    path,
    encoding: guess.encoding,
    encodingSource: guess.source,
    bom: guess.bom,
    delimiter,
    header: header.cells,
    headerLine: header.line,
    headerTrouble: reader.headerTrouble,
    gzip: bytes.gzip,
    dataStart: guess.bomLength + reader.headerEnd,
    dataLine: reader.dataLine,
    batches() {
      if (used) throw new Error(`CsvSource.batches() is single use (${path})`);
      used = true;
      return parsedBatches(reader, path, maxRecordSize);
    },
    close() {
      release(reader);
    },
    decodeOnly(columns) {
      reader.decodeOnly(columns);
    },
    bytesRead: () => bytes.consumed(),
  };
}

/** Stops reading an input and releases it, without waiting: nobody needs the outcome. */
function release(reader: RecordReader): void {
  reader.close().catch(() => {});
}

/** Rejects binary input and picks the delimiter from the head's whole lines. */
async function checkedDelimiter(path: string, bytes: ByteSource, guess: EncodingGuess, forced: Delimiter | undefined): Promise<Delimiter> {
  const binary = binaryReason(bytes.head, guess);
  if (binary) {
    await bytes.close();
    throw fatal.binary(path, binary);
  }
  if (forced) return forced;
  let sample = headText(bytes.head, guess);
  if (!bytes.complete) {
    const lastBreak = sample.lastIndexOf('\n');
    if (lastBreak > 0) sample = sample.slice(0, lastBreak + 1);
  }
  return sniffDelimiter(sample);
}
