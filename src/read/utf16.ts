// UTF-16 (Excel's "Unicode text" export) turned into UTF-8 for the parser, chunk by chunk. Not
// TextDecoder: it writes U+FFFD for an unpaired surrogate without a word, and the reader must
// report such a code unit with its line like any byte it cannot read (text-check.ts).

/** A byte that is never part of UTF-8: what an undecodable UTF-16 code unit becomes, for the UTF-8 check to report. */
const NOT_UTF8 = Buffer.from([0xff]);
const SURROGATE = /[\ud800-\udfff]/;

/**
 * UTF-16 to UTF-8, chunk by chunk (a code unit or a surrogate pair cut between chunks is kept for
 * the next). An unpaired surrogate, or an odd byte at the end, becomes a byte that is not UTF-8
 * (0xFF) instead of a silent U+FFFD: the UTF-8 check then reports its record (text-check.ts), and
 * the cell reads U+FFFD.
 */
export class Utf16ToUtf8 {
  private odd = -1;
  private high = '';

  constructor(private readonly bigEndian: boolean) {}

  push(chunk: Buffer): Buffer {
    let bytes = chunk;
    if (this.odd >= 0) {
      bytes = Buffer.concat([Buffer.from([this.odd]), chunk]);
      this.odd = -1;
    }
    if (bytes.length % 2 === 1) {
      this.odd = bytes[bytes.length - 1];
      bytes = bytes.subarray(0, bytes.length - 1);
    }
    // Node decodes UTF-16 LE code unit by code unit (unpaired surrogates kept as they are).
    let text = this.high + (this.bigEndian ? Buffer.from(bytes).swap16() : bytes).toString('utf16le');
    this.high = '';
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.high = text.slice(-1);
      text = text.slice(0, -1);
    }
    return utf8Marked(text);
  }

  end(): Buffer {
    const left = (this.high === '' ? 0 : 1) + (this.odd >= 0 ? 1 : 0);
    this.high = '';
    this.odd = -1;
    return left === 0 ? Buffer.alloc(0) : Buffer.concat(Array.from({ length: left }, () => NOT_UTF8));
  }
}

/** `text` in UTF-8, each unpaired surrogate written as NOT_UTF8. */
function utf8Marked(text: string): Buffer {
  if (!SURROGATE.test(text)) return Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++;
      continue;
    }
    parts.push(Buffer.from(text.slice(from, i), 'utf8'), NOT_UTF8);
    from = i + 1;
  }
  parts.push(Buffer.from(text.slice(from), 'utf8'));
  return Buffer.concat(parts);
}
