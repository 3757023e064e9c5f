// Records whose bytes are not all text in the input's encoding (found by the reader,
// src/read/text-check.ts) become problems with their line, before the mapping's own problems for
// that line. The record is still mapped: its other cells are as good as any, and the damaged
// characters read as U+FFFD (or, for UTF-8 text in a single-byte file, as the code page says).

import type { Encoding } from '../read/open-csv.js';
import { UNDECODABLE, UTF8_TEXT } from '../read/text-check.js';
import type { ProblemSink } from './problems.js';

/** The problems of one record's text trouble (`kinds`: text-check.ts bits). */
export function reportTextTrouble(sink: ProblemSink, kinds: number, line: number, encoding: Encoding): void {
  if (kinds & UNDECODABLE) sink.add({ code: 'undecodable-bytes', line, encoding });
  if (kinds & UTF8_TEXT) sink.add({ code: 'mixed-encoding', line, encoding });
}
