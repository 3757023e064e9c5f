// The one place findings become sentences: every problem code (src/findings.ts) has its entry
// here, and the compiler refuses a code without one. Codes are stable and are what reports and
// tests rely on; this wording may change. The report's `message` texts are made from this table
// when the report is built, so every format shows the same sentence.

import type { ProblemCode, ProblemFinding, ProblemOf } from '../findings.js';
import { MAX_ID_LENGTH } from '../map/ids.js';
import type { Encoding } from '../read/decode.js';
import { instantIn } from '../zone.js';

/** A cell in a message: at most 60 characters (57 and `...`), on one line, in single quotes. */
export function quote(text: string): string {
  const flat = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `'${flat.replace(/[\r\n\t]+/g, ' ')}'`;
}

const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1252': 'Windows-1252',
  'iso-8859-1': 'ISO-8859-1',
  'iso-8859-15': 'ISO-8859-15',
};

function undecodable(encoding: Encoding): string {
  switch (encoding) {
    case 'windows-1252':
      return 'bytes that are no character in Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D): read as U+FFFD';
    case 'iso-8859-1':
    case 'iso-8859-15':
      return `bytes 0x80-0x9F, control codes in ${ENCODING_NAMES[encoding]}, not text: read as U+FFFD (a Windows-1252 export? give --encoding windows-1252)`;
    default:
      return 'bytes that are not valid UTF-8: read as U+FFFD (an export in another encoding? give --encoding windows-1252 or see docs/reading.md)';
  }
}

const PROBLEM_WORDS: { [C in ProblemCode]: (p: ProblemOf<C>) => string } = {
  'bad-timestamp': (p) =>
    p.why === 'unreadable'
      ? `unreadable timestamp ${quote(p.text)}`
      : `timestamp ${quote(p.text)} is in another layout than the file's and its day/month order cannot be told`,
  'bad-duration': (p) => `unreadable duration ${quote(p.text)}`,
  'bad-number': (p) => (p.read === undefined ? `${quote(p.text)} is not a count` : `digit-grouping separators in ${quote(p.text)}: read as ${p.read}`),
  'negative-duration': (p) => (p.why === 'negative' ? `negative duration ${quote(p.text)}: dropped` : `${p.field} is before created_at: dropped`),
  'outlier-timestamp': (p) =>
    `${instantIn(p.zone, p.value)} is far beyond the rest of the data (latest other timestamp ${instantIn(p.zone, p.latest)}): not taken as the audit's as_of, and not happened yet at as_of`,
  'missing-id': () => 'no id: record skipped',
  'missing-created-at': (p) => `no creation time for ${quote(p.id)}: record skipped`,
  'ragged-row': (p) => `${p.cells} cells where the header has ${p.width}: mapped what is there`,
  'excel-scientific-id': (p) => `id ${quote(p.text)} is in Excel's scientific notation: its digits are lost`,
  'excel-grouped-id': (p) => `id ${quote(p.text)} has a spreadsheet's digit grouping: read as ${p.digits}`,
  'excel-reformatted-date': (p) => `timestamp ${quote(p.text)} is in ${p.layout} layout, not the file's: read as such`,
  'ambiguous-timestamp': (p) =>
    p.why === 'order-unknown'
      ? `day/month order of ${quote(p.text)} is not known yet: give --date-order DMY or MDY`
      : `${quote(p.text)} occurs twice in ${p.zone} (DST overlap): read as the earlier instant`,
  'nonexistent-local-time': (p) => `${quote(p.text)} does not exist in ${p.zone} (DST gap): read as the wall time moved forward by the gap`,
  'unknown-value': (p) => {
    if ('none' in p) return 'no author role: message skipped';
    const kind = p.kind.replace('_', ' ');
    if ('beyond' in p) return `more than ${p.beyond.toLocaleString('en-US')} distinct unknown ${kind} values: the others are read the same way but not listed`;
    return `unknown ${kind} ${quote(p.text)}`;
  },
  'empty-row': () => 'empty record',
  'orphan-message': () => 'no conversation id: message skipped',
  'duplicate-column': (p) =>
    `${p.positions.length} columns are named ${quote(p.name)} (columns ${p.positions.join(', ')}): ${p.field} is read from column ${p.positions[0]}, the others are ignored`,
  'undecodable-bytes': (p) => undecodable(p.encoding),
  'mixed-encoding': (p) => `UTF-8 text in a file read as ${ENCODING_NAMES[p.encoding]} (é reads as Ã©): the file mixes encodings`,
  'long-id': (p) => `id of ${p.length.toLocaleString('en-US')} characters (more than ${MAX_ID_LENGTH}): kept as ${quote(p.kept)}`,
};

/** The sentence of a problem (the report's `message`). */
export function problemMessage(p: ProblemFinding): string {
  return (PROBLEM_WORDS[p.code] as (p: ProblemFinding) => string)(p);
}
