// Records whose bytes are not all text in the input's encoding (found by the reader,
// src/read/text-check.ts) become problems with their line, before the mapping's own problems for
// that line. The record is still mapped: its other cells are as good as any, and the damaged
// characters read as U+FFFD (or, for UTF-8 text in a single-byte file, as the code page says).

import type { Encoding } from '../read/open-csv.js';
import { UNDECODABLE, UTF8_TEXT } from '../read/text-check.js';
import type { ProblemSink } from './problems.js';

const NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1252': 'Windows-1252',
  'iso-8859-1': 'ISO-8859-1',
  'iso-8859-15': 'ISO-8859-15',
};

/** The problems of one record's text trouble (`kinds`: text-check.ts bits). */
export function reportTextTrouble(sink: ProblemSink, kinds: number, line: number, encoding: Encoding): void {
  if (kinds & UNDECODABLE) sink.add({ code: 'undecodable-bytes', line, message: undecodableMessage(encoding) });
  if (kinds & UTF8_TEXT) {
    sink.add({
      code: 'mixed-encoding',
      line,
      message: `UTF-8 text in a file read as ${NAMES[encoding]} (é reads as Ã©): the file mixes encodings`,
    });
  }
}

function undecodableMessage(encoding: Encoding): string {
  switch (encoding) {
    case 'windows-1252':
      return 'bytes that are no character in Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D): read as U+FFFD';
    case 'iso-8859-1':
    case 'iso-8859-15':
      return `bytes 0x80-0x9F, control codes in ${NAMES[encoding]}, not text: read as U+FFFD (a Windows-1252 export? give --encoding windows-1252)`;
    default:
      return 'bytes that are not valid UTF-8: read as U+FFFD (an export in another encoding? give --encoding windows-1252 or see docs/reading.md)';
  }
}
