// The tokenizer's failures, restated as the reader's fatal errors. The line is always the one where
// the failing record starts (where a quote opened), not the line reading had reached, which for
// an unclosed quote is the end of the file.

import { InputError } from '../errors.js';
import { fatal } from './fatal.js';
import type { CsvBatch, RecordReader } from './record-reader.js';
import { MAX_CELLS_PER_RECORD, TokenizerError } from './tokenizer.js';

export function readFailure(err: unknown, path: string, maxRecordSize: number): InputError {
  if (err instanceof InputError) return err;
  if (err instanceof TokenizerError) {
    switch (err.code) {
      case 'unclosed-quote':
        return fatal.unclosedQuote(path, err.line);
      case 'record-too-large':
        // Past the limit inside quotes and across lines is an unclosed quote eating the records
        // after it; one long line (quoted or not) is a record that is simply too large.
        return err.quoting && err.spansLines ? fatal.unclosedQuote(path, err.line) : fatal.recordTooLarge(path, err.line, maxRecordSize);
      case 'too-many-cells':
        return fatal.tooManyCells(path, err.line, MAX_CELLS_PER_RECORD);
    }
  }
  return fatal.unreadable(path, err instanceof Error ? err.message : String(err));
}

/** The reader's batches, any failure restated as a fatal error. */
export async function* parsedBatches(reader: RecordReader, path: string, maxRecordSize: number): AsyncGenerator<CsvBatch> {
  try {
    yield* reader.batches();
  } catch (err) {
    throw readFailure(err, path, maxRecordSize);
  }
}
