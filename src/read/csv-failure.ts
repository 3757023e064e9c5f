// csv-parse's errors, restated as the reader's fatal errors. The line is always the one where
// the failing record starts (where a quote opened), computed by RecordParser, because csv-parse
// reports the line it had reached, which for an unclosed quote is the end of the file.

import { CsvError } from 'csv-parse';
import { InputError } from '../errors.js';
import { fatal } from './fatal.js';
import { MAX_CELLS_PER_RECORD, TOO_MANY_CELLS, type CsvBatch, type RecordParser } from './record-parser.js';

export function readFailure(err: unknown, path: string, parser: RecordParser, maxRecordSize: number): InputError {
  if (err instanceof InputError) return err;
  const line = parser.pendingRecordLine();
  if (err instanceof CsvError) {
    switch (err.code as string) {
      case 'CSV_QUOTE_NOT_CLOSED':
        return fatal.unclosedQuote(path, line);
      case 'CSV_MAX_RECORD_SIZE': {
        // Past the limit inside quotes and across lines is an unclosed quote eating the records
        // after it; one long line (quoted or not) is a record that is simply too large.
        const errorLine = typeof err.lines === 'number' ? err.lines : 0;
        return parser.quoting() && parser.pendingRecordSpansLines(errorLine)
          ? fatal.unclosedQuote(path, line)
          : fatal.recordTooLarge(path, line, maxRecordSize);
      }
      case TOO_MANY_CELLS:
        return fatal.tooManyCells(path, line, MAX_CELLS_PER_RECORD);
      default:
        return fatal.malformed(path, line, err.message);
    }
  }
  return fatal.unreadable(path, err instanceof Error ? err.message : String(err));
}

/** The parser's batches, any failure (thrown, or kept on the parser) restated as a fatal error. */
export async function* parsedBatches(parser: RecordParser, path: string, maxRecordSize: number): AsyncGenerator<CsvBatch> {
  try {
    for await (const batch of parser) yield batch as CsvBatch;
  } catch (err) {
    throw readFailure(parser.failure ?? err, path, parser, maxRecordSize);
  } finally {
    parser.destroy();
  }
  if (parser.failure !== undefined) throw readFailure(parser.failure, path, parser, maxRecordSize);
}
