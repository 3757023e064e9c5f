// The records of one byte range of a plain UTF-8 or single-byte file, for parallel reading (src/parallel/). The
// range starts at a record boundary (proven by the range before it, see `linesRead`) and ends
// right after a `\n`. Line numbers are relative: 1 is the range's first line.

import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { parsedBatches } from './csv-failure.js';
import { HEAD_BYTES } from './byte-source.js';
import type { SingleByteEncoding } from './charsets.js';
import { RecordParser, type CsvBatch } from './record-parser.js';
import type { Delimiter } from './sniff.js';

export interface RangeReader {
  /** Records in batches; throws InputError when the range does not parse (a fatal problem, or a bad split). */
  batches(): AsyncGenerator<CsvBatch>;
  /**
   * `\n` line breaks in the range, once read to the end. Reaching the end without an error means
   * the range's last `\n` ended a record (csv-parse fails on a quote still open at the end), so
   * the next range starts at a record boundary: the proof a split was safe.
   */
  linesRead(): number;
  /** Bytes of the range read so far: for progress. */
  bytesRead(): number;
}

/**
 * `columns`: decode only these columns' cells (RecordParser.decodeOnly); null or absent, all of them.
 * `encoding`: the file's (a range starts at a record, so no character is cut at its start).
 */
export function readRange(
  path: string, start: number, end: number, delimiter: Delimiter, maxRecordSize: number, columns?: readonly number[] | null,
  encoding: 'utf-8' | SingleByteEncoding = 'utf-8',
): RangeReader {
  const parser = new RecordParser(delimiter, maxRecordSize, { headerless: true, encoding });
  parser.decodeOnly(columns ?? null);
  let done = false;
  let breaks = 0;
  let bytes = 0;
  return {
    async *batches() {
      if (end > start) {
        const input = createReadStream(path, { start, end: end - 1, highWaterMark: HEAD_BYTES });
        input.on('data', (chunk) => {
          breaks += lineBreaks(chunk as Buffer);
          bytes += (chunk as Buffer).length;
        });
        pipeline(input, parser, () => {
          // Failures are kept on the parser and raised below.
        });
        yield* parsedBatches(parser, path, maxRecordSize);
      }
      done = true;
    },
    linesRead() {
      if (!done) throw new Error('readRange: linesRead() before the end of the range');
      return breaks;
    },
    bytesRead: () => bytes,
  };
}

function lineBreaks(bytes: Buffer): number {
  let n = 0;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) n++;
  return n;
}
