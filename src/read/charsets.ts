// The single-byte encodings an export may come in: Windows-1252 (Excel on Windows, most Western
// European desks) and ISO-8859-1/-15. Tables are written from the code pages' definitions, not
// taken from TextDecoder: the WHATWG "windows-1252" decoder (and with it `iso-8859-1`, which the
// WHATWG maps to the same decoder) is not ISO-8859-1, and some Node 20 and 22 releases decode
// 0x80–0x9F as C1 control characters. test/read/charsets.test.ts checks every byte against
// Python's codecs.
//
// The tokenizer reads these files as bytes (every byte below 0x80 is ASCII in all three, so
// quotes, delimiters and line ends are found as in UTF-8); cells are turned into strings as
// Latin-1, one character per byte, and `remapped` then gives each character above 0x7F its code
// page's meaning.

export type SingleByteEncoding = 'windows-1252' | 'iso-8859-1' | 'iso-8859-15';

export const SINGLE_BYTE_ENCODINGS: readonly SingleByteEncoding[] = ['windows-1252', 'iso-8859-1', 'iso-8859-15'];

/** What a byte with no character in its encoding is read as (and reported: see text-check.ts). */
export const REPLACEMENT = 0xfffd;

/**
 * Windows-1252 at 0x80–0x9F (from 0xA0 on it is ISO-8859-1). 0x81, 0x8D, 0x8F, 0x90 and 0x9D are
 * not assigned in the code page: they are read as U+FFFD and reported with their line, never
 * passed on as control characters.
 */
const WINDOWS_1252_80_9F = [
  0x20ac,
  REPLACEMENT,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021, // 80 € · ‚ ƒ „ … † ‡
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  REPLACEMENT,
  0x017d,
  REPLACEMENT, // 88 ˆ ‰ Š ‹ Œ · Ž ·
  REPLACEMENT,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014, // 90 · ' ' " " • – —
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  REPLACEMENT,
  0x017e,
  0x0178, // 98 ˜ ™ š › œ · ž Ÿ
];

/** The 8 places where ISO-8859-15 differs from ISO-8859-1 (it adds € and the French and Finnish letters). */
const ISO_8859_15_CHANGES: Record<number, number> = {
  0xa4: 0x20ac, // € (¤ in -1)
  0xa6: 0x0160, // Š (¦)
  0xa8: 0x0161, // š (¨)
  0xb4: 0x017d, // Ž (´)
  0xb8: 0x017e, // ž (¸)
  0xbc: 0x0152, // Œ (¼)
  0xbd: 0x0153, // œ (½)
  0xbe: 0x0178, // Ÿ (¾)
};

/**
 * Code point of every byte, 0x00–0xFF. In ISO-8859-1 and -15, 0x80–0x9F are C1 control codes,
 * which no text export means (a file with such bytes is almost always Windows-1252): they are read
 * as U+FFFD and reported, like Windows-1252's unassigned bytes.
 */
function table(encoding: SingleByteEncoding): Uint16Array {
  const t = new Uint16Array(256);
  for (let b = 0; b < 256; b++) t[b] = b;
  for (let b = 0x80; b < 0xa0; b++) t[b] = encoding === 'windows-1252' ? WINDOWS_1252_80_9F[b - 0x80] : REPLACEMENT;
  if (encoding === 'iso-8859-15') for (const [b, cp] of Object.entries(ISO_8859_15_CHANGES)) t[Number(b)] = cp;
  return t;
}

const TABLES: Record<SingleByteEncoding, Uint16Array> = {
  'windows-1252': table('windows-1252'),
  'iso-8859-1': table('iso-8859-1'),
  'iso-8859-15': table('iso-8859-15'),
};

export function isSingleByte(encoding: string): encoding is SingleByteEncoding {
  return (SINGLE_BYTE_ENCODINGS as readonly string[]).includes(encoding);
}

/** The code point of each byte in `encoding` (U+FFFD where it has none). Do not modify. */
export function codePage(encoding: SingleByteEncoding): Uint16Array {
  return TABLES[encoding];
}

/** Whether a byte has no character in the code page (it is read as U+FFFD). */
export function undecodableByte(page: Uint16Array, byte: number): boolean {
  return page[byte] === REPLACEMENT;
}

/** Bytes as text in a single-byte encoding. */
export function decodeSingleByte(bytes: Buffer, page: Uint16Array): string {
  return remapped(bytes.toString('latin1'), page);
}

/**
 * A string decoded as Latin-1 (one character per byte) as the code page reads it. Most cells are
 * ASCII and come back as they are, after one scan.
 */
export function remapped(latin1: string, page: Uint16Array): string {
  for (let i = 0; i < latin1.length; i++) {
    const c = latin1.charCodeAt(i);
    if (c >= 0x80 && c < 0x100 && page[c] !== c) return remapFrom(latin1, i, page);
  }
  return latin1;
}

function remapFrom(latin1: string, first: number, page: Uint16Array): string {
  let out = latin1.slice(0, first);
  let from = first;
  for (let i = first; i < latin1.length; i++) {
    const c = latin1.charCodeAt(i);
    if (c < 0x80 || c >= 0x100 || page[c] === c) continue;
    out += latin1.slice(from, i) + String.fromCharCode(page[c]);
    from = i + 1;
  }
  return out + latin1.slice(from);
}
