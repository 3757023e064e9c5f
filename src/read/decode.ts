// Text encodings. The tokenizer reads bytes: UTF-8 and the single-byte code pages go through
// untouched (every byte below 0x80 is ASCII in each, so delimiters, quotes and line ends are found
// alike; cells are then decoded by record-cells.ts), and UTF-16 (Excel's "Unicode text" export) is
// turned into UTF-8 first. Which encoding: a byte-order mark decides; else `--encoding` or the
// policy's `inputs.encoding`; else the first bytes: valid UTF-8 (ASCII included) is UTF-8, and
// invalid UTF-8 is Windows-1252 unless most of the non-ASCII text there is valid UTF-8.

import { isUtf8 } from 'node:buffer';
import { HEAD_BYTES } from './byte-source.js';
import { codePage, decodeSingleByte, isSingleByte, undecodableByte, type SingleByteEncoding } from './charsets.js';
import { incompleteTail, utf8Census } from './text-check.js';
import { Utf16ToUtf8 } from './utf16.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | SingleByteEncoding;

/** Every encoding the reader knows, as `--encoding` and `inputs.encoding` name them. */
export const ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-1', 'iso-8859-15', 'utf-16le', 'utf-16be'] as const satisfies readonly Encoding[];

/**
 * Where the encoding came from: a byte-order mark, `--encoding` (`flag`), the policy's
 * `inputs.encoding` (`policy`), the first bytes (`detected`), or nothing said (`default`: UTF-8).
 */
export type EncodingSource = 'bom' | 'flag' | 'policy' | 'detected' | 'default';

/** An encoding asked for by the user (`--encoding`, or the policy's `inputs.encoding`). */
export interface EncodingChoice {
  encoding: Encoding;
  source: 'flag' | 'policy';
}

export interface EncodingGuess {
  encoding: Encoding;
  source: EncodingSource;
  bom: boolean;
  /** Bytes the BOM takes at the start of the input. */
  bomLength: number;
}

/** The byte-order mark at the start of `head`, if any. */
export function byteOrderMark(head: Buffer): { encoding: Encoding; bomLength: number } | undefined {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return undefined;
}

/**
 * The input's encoding from its first bytes (`complete`: they are the whole input), the first
 * HEAD_BYTES of them at most. A byte-order
 * mark is certain and wins over `chosen`. Without either, the head decides: valid UTF-8 is UTF-8;
 * otherwise the invalid parts are counted against the valid multi-byte sequences, and Windows-1252
 * is taken when the invalid ones are more (`S\xF8ren Wei\xDF`: no valid sequence at all). A file
 * whose first bytes hold as much valid UTF-8 text as invalid bytes (UTF-8 with a few stray
 * Windows-1252 bytes pasted in) stays UTF-8, and its invalid bytes are problems of their lines.
 */
export function detectEncoding(head: Buffer, complete = true, chosen?: EncodingChoice): EncodingGuess {
  const bom = byteOrderMark(head);
  if (bom) return { ...bom, source: 'bom', bom: true };
  if (chosen) return { encoding: chosen.encoding, source: chosen.source, bom: false, bomLength: 0 };
  // The first HEAD_BYTES only, however the input came in chunks: a file and the same bytes on stdin decide alike.
  const sample = head.subarray(0, HEAD_BYTES);
  const end = complete && head.length <= HEAD_BYTES ? sample.length : incompleteTail(sample);
  if (isUtf8(sample.subarray(0, end))) return { encoding: 'utf-8', source: 'default', bom: false, bomLength: 0 };
  const { valid, invalid } = utf8Census(sample, end);
  return { encoding: invalid > valid ? 'windows-1252' : 'utf-8', source: 'detected', bom: false, bomLength: 0 };
}

/** Bytes of the head the binary check looks at. */
export const BINARY_SAMPLE_BYTES = 1024;

/**
 * Why the head is not text, or undefined when it is. Text may carry the odd stray byte, so only a
 * real rate counts: any NUL in 100 characters, or more than a tenth of them undecodable (in a
 * single-byte code page, where nearly every byte is a character, control bytes count as
 * undecodable too: random bytes are one in eight of them, text none).
 */
export function binaryReason(head: Buffer, guess: EncodingGuess): string | undefined {
  const sample = head.subarray(guess.bomLength, guess.bomLength + BINARY_SAMPLE_BYTES);
  if (sample.length === 0) return undefined;
  if (sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04) {
    return 'a ZIP archive (an Excel .xlsx workbook? export it as CSV first)';
  }
  const { nul, invalid, characters, what } = isSingleByte(guess.encoding) ? singleByteCensus(sample, guess.encoding) : textCensus(sample, guess.encoding);
  if (nul * 100 >= characters || invalid * 10 > characters) {
    if (!guess.encoding.startsWith('utf-16') && looksLikeUtf16WithoutBom(sample)) {
      return 'UTF-16 text without a byte-order mark (save it as UTF-8, or as UTF-16 with a BOM, or give --encoding utf-16le)';
    }
    return `binary data (${nul} NUL and ${invalid} ${what} in the first ${sample.length} bytes)`;
  }
  return undefined;
}

function textCensus(sample: Buffer, encoding: Encoding) {
  const text = new TextDecoder(encoding).decode(sample, { stream: true });
  let nul = 0;
  let invalid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul++;
    else if (c === 0xfffd) invalid++;
  }
  return { nul, invalid, characters: text.length, what: 'undecodable characters' };
}

function singleByteCensus(sample: Buffer, encoding: SingleByteEncoding) {
  const page = codePage(encoding);
  let nul = 0;
  let invalid = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) nul++;
    else if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f || undecodableByte(page, b)) invalid++;
  }
  return { nul, invalid, characters: sample.length, what: 'control or undecodable bytes' };
}

/** ASCII text in UTF-16: every other byte is NUL. */
function looksLikeUtf16WithoutBom(sample: Buffer): boolean {
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = Math.floor(sample.length / 2);
  return pairs > 0 && Math.max(evenNul, oddNul) >= pairs * 0.9 && Math.min(evenNul, oddNul) <= pairs * 0.1;
}

/** Text of the head for sniffing, BOM dropped; a character cut at the end is left out. */
export function headText(head: Buffer, guess: EncodingGuess): string {
  const bytes = head.subarray(guess.bomLength);
  if (isSingleByte(guess.encoding)) return decodeSingleByte(bytes, codePage(guess.encoding));
  return new TextDecoder(guess.encoding).decode(bytes, { stream: true });
}

/** What the record parser is given: UTF-8 or single-byte bytes as they are, or UTF-16 decoded (as UTF-8). */
export function parserEncoding(encoding: Encoding): 'utf-8' | SingleByteEncoding {
  return encoding === 'utf-16le' || encoding === 'utf-16be' ? 'utf-8' : encoding;
}

/**
 * The input as chunks the tokenizer reads: UTF-8 and single-byte bytes as they come (BOM
 * dropped), UTF-16 turned into UTF-8. A character split across chunks survives.
 */
export async function* parserInput(chunks: AsyncGenerator<Buffer>, guess: EncodingGuess): AsyncGenerator<Buffer> {
  let skip = guess.bomLength;
  const utf16 = parserEncoding(guess.encoding) === guess.encoding ? undefined : new Utf16ToUtf8(guess.encoding === 'utf-16be');
  for await (let chunk of chunks) {
    if (skip > 0) {
      // The BOM is at most 3 bytes and the first chunk is the head, so it is whole here.
      chunk = chunk.subarray(Math.min(skip, chunk.length));
      skip = 0;
    }
    if (chunk.length === 0) continue;
    if (!utf16) {
      yield chunk;
      continue;
    }
    const bytes = utf16.push(chunk);
    if (bytes.length > 0) yield bytes;
  }
  if (utf16) {
    const tail = utf16.end();
    if (tail.length > 0) yield tail;
  }
}
