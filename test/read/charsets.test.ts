import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codePage, decodeSingleByte, remapped, REPLACEMENT, SINGLE_BYTE_ENCODINGS, type SingleByteEncoding } from '../../src/read/charsets.js';
import { fixture } from './helpers.js';

// The single-byte code pages are written from their definitions (src/read/charsets.ts), not taken
// from TextDecoder. Here they are checked byte by byte against an independent source: Python's
// codecs, once (fixtures/read/code-pages.json, with how it was produced), and live when python3 is
// on this machine.

type Expected = Record<SingleByteEncoding, (number | null)[]>;
const python = JSON.parse(readFileSync(fixture('code-pages.json'), 'utf8')) as Expected;

/** What the reader must give for byte b, from Python's answer: U+FFFD where Python has no character or a C1 control. */
function expectedFor(encoding: SingleByteEncoding, b: number): number {
  const cp = python[encoding][b - 0x80];
  // Python's latin-1 and iso8859-15 give 0x80–0x9F as C1 control codes (U+0080–U+009F); the
  // reader reads them as undecodable (docs/reading.md), like cp1252's five unassigned bytes.
  if (cp === null || (cp >= 0x80 && cp <= 0x9f)) return REPLACEMENT;
  return cp;
}

describe('code pages', () => {
  for (const encoding of SINGLE_BYTE_ENCODINGS) {
    it(`${encoding}: every byte as Python's codec reads it`, () => {
      const page = codePage(encoding);
      for (let b = 0; b < 0x80; b++) expect(page[b]).toBe(b);
      for (let b = 0x80; b < 0x100; b++) expect([b, page[b]]).toEqual([b, expectedFor(encoding, b)]);
      const all = Buffer.from(Array.from({ length: 256 }, (_, b) => b));
      expect([...decodeSingleByte(all, page)].map((ch) => ch.codePointAt(0))).toEqual([...page]);
    });
  }

  it("Windows-1252 has the code page's characters at 0x80–0x9F, not C1 controls", () => {
    const text = decodeSingleByte(Buffer.from([0x80, 0x82, 0x93, 0x94, 0x8a, 0x9c, 0x9f, 0x85, 0x96, 0x97, 0x99]), codePage('windows-1252'));
    expect(text).toBe('€‚“”ŠœŸ…–—™');
    // The five bytes the code page leaves unassigned are not passed on as control characters.
    const unassigned = decodeSingleByte(Buffer.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]), codePage('windows-1252'));
    expect(unassigned).toBe('\ufffd'.repeat(5));
  });

  it('ISO-8859-15 differs from -1 at exactly 8 places (€ at 0xA4)', () => {
    const one = codePage('iso-8859-1');
    const fifteen = codePage('iso-8859-15');
    const differ = [];
    for (let b = 0; b < 256; b++) if (one[b] !== fifteen[b]) differ.push(b.toString(16));
    expect(differ).toEqual(['a4', 'a6', 'a8', 'b4', 'b8', 'bc', 'bd', 'be']);
    expect(decodeSingleByte(Buffer.from([0xa4, 0xbd, 0xbe]), fifteen)).toBe('€œŸ');
    expect(decodeSingleByte(Buffer.from([0xa4, 0xbd, 0xbe]), one)).toBe('¤½¾');
  });

  it('remaps only what needs it, keeping the rest of the string', () => {
    const page = codePage('windows-1252');
    const ascii = 'plain ASCII text';
    expect(remapped(ascii, page)).toBe(ascii);
    expect(remapped('Wei\u00df \u0080 5 \u0093x\u0094', page)).toBe('Weiß € 5 “x”');
  });

  const py = spawnSync('python3', ['--version']);
  it.skipIf(py.status !== 0)('agrees with python3 on this machine (skipped without python3)', () => {
    const script = [
      'import json',
      'out = {}',
      "for name, codec in [('windows-1252', 'cp1252'), ('iso-8859-1', 'latin-1'), ('iso-8859-15', 'iso8859-15')]:",
      '    row = []',
      '    for b in range(0x80, 0x100):',
      '        try: row.append(ord(bytes([b]).decode(codec)))',
      '        except UnicodeDecodeError: row.append(None)',
      '    out[name] = row',
      'print(json.dumps(out))',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const live = JSON.parse(r.stdout) as Expected;
    for (const encoding of SINGLE_BYTE_ENCODINGS) expect(live[encoding]).toEqual(python[encoding]);
  });
});
