// The records of one byte range of a plain UTF-8 or single-byte file, for parallel reading (src/parallel/). The
// range starts at a record boundary (proven by the range before it, see `linesRead`) and ends
// right after a `\n`. Line numbers are relative: 1 is the range's first line.

import { createReadStream } from 'node:fs';
import { HEAD_BYTES } from './byte-source.js';
import type { SingleByteEncoding } from './charsets.js';
import { parsedBatches } from './csv-failure.js';
import { RecordReader, type CsvBatch } from './record-reader.js';
import type { Delimiter } from './sniff.js';

export interface RangeReader {
  /** Records in batches; throws InputError when the range does not parse (a fatal problem, or a bad split). */
  batches(): AsyncGenerator<CsvBatch>;
  /**
   * `\n` line breaks in the range, once read to the end. Reaching the end without an error means
   * the range's last `\n` ended a record (the tokenizer fails on a quote still open at the end),
   * so the next range starts at a record boundary: the proof a split was safe.
   */
  linesRead(): number;
  /** Bytes of the range read so far: for progress. */
  bytesRead(): number;
}

/**
 * `columns`: decode only these columns' cells (RecordReader.decodeOnly); null or absent, all of them.
 * `encoding`: the file's (a range starts at a record, so no character is cut at its start).
 */
export function readRange(
  path: string,
  start: number,
  end: number,
  delimiter: Delimiter,
  maxRecordSize: number,
  columns?: readonly number[] | null,
  encoding: 'utf-8' | SingleByteEncoding = 'utf-8',
): RangeReader {
  let breaks = -1;
  let reader: RecordReader | undefined;
  return {
    async *batches() {
      if (end > start) {
        const input = createReadStream(path, { start, end: end - 1, highWaterMark: HEAD_BYTES });
        reader = new RecordReader(input, delimiter, maxRecordSize, { headerless: true, encoding });
        reader.decodeOnly(columns ?? null);
        yield* parsedBatches(reader, path, maxRecordSize);
        breaks = reader.lineBreaks;
      } else breaks = 0;
    },
    linesRead() {
      if (breaks < 0) throw new Error('readRange: linesRead() before the end of the range');
      return breaks;
    },
    bytesRead: () => reader?.bytesFed ?? 0,
  };
}
