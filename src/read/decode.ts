// Text encodings. csv-parse reads UTF-8 bytes, so UTF-8 input goes through untouched (the fast
// path) and UTF-16 (Excel's "Unicode text" export) is decoded to text first. The encoding is
// decided by the byte-order mark; without one the input is UTF-8.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface EncodingGuess {
  encoding: Encoding;
  bom: boolean;
  /** Bytes the BOM takes at the start of the input. */
  bomLength: number;
}

export function detectEncoding(head: Buffer): EncodingGuess {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: 'utf-8', bom: true, bomLength: 3 };
  }
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true, bomLength: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true, bomLength: 2 };
  return { encoding: 'utf-8', bom: false, bomLength: 0 };
}

/** Bytes of the head the binary check looks at. */
export const BINARY_SAMPLE_BYTES = 1024;

/**
 * Why the head is not text, or undefined when it is. Text may carry the odd stray byte (a
 * Windows-1252 accent read as UTF-8), so only a real rate counts: any NUL in 100 characters or
 * invalid sequences in more than a tenth of them.
 */
export function binaryReason(head: Buffer, guess: EncodingGuess): string | undefined {
  const sample = head.subarray(guess.bomLength, guess.bomLength + BINARY_SAMPLE_BYTES);
  if (sample.length === 0) return undefined;
  if (sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04) {
    return 'a ZIP archive (an Excel .xlsx workbook? export it as CSV first)';
  }
  const text = new TextDecoder(guess.encoding).decode(sample, { stream: true });
  let nul = 0;
  let invalid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul++;
    else if (c === 0xfffd) invalid++;
  }
  if (nul * 100 >= text.length || invalid * 10 > text.length) {
    if (guess.encoding === 'utf-8' && looksLikeUtf16WithoutBom(sample)) {
      return 'UTF-16 text without a byte-order mark (save it as UTF-8, or as UTF-16 with a BOM)';
    }
    return `binary data (${nul} NUL and ${invalid} undecodable characters in the first ${sample.length} bytes)`;
  }
  return undefined;
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
  return new TextDecoder(guess.encoding).decode(head.subarray(guess.bomLength), { stream: true });
}

/**
 * The input as chunks csv-parse can read: UTF-8 bytes as they come (BOM dropped), UTF-16
 * decoded to strings. Decoding streams, so a character split across chunks survives.
 */
export async function* parserInput(chunks: AsyncGenerator<Buffer>, guess: EncodingGuess): AsyncGenerator<Buffer | string> {
  let skip = guess.bomLength;
  const decoder = guess.encoding === 'utf-8' ? undefined : new TextDecoder(guess.encoding, { ignoreBOM: true });
  for await (let chunk of chunks) {
    if (skip > 0) {
      // The BOM is at most 3 bytes and the first chunk is the head, so it is whole here.
      chunk = chunk.subarray(Math.min(skip, chunk.length));
      skip = 0;
    }
    if (chunk.length === 0) continue;
    if (!decoder) {
      yield chunk;
      continue;
    }
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield text;
  }
  if (decoder) {
    const tail = decoder.decode();
    if (tail.length > 0) yield tail;
  }
}
