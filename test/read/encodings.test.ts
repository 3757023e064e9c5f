import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEAD_BYTES } from '../../src/read/byte-source.js';
import { openCsv, type EncodingChoice, type OpenOptions } from '../../src/read/open-csv.js';
import { readRange } from '../../src/read/range.js';
import { UNDECODABLE, UTF8_TEXT } from '../../src/read/text-check.js';
import { countingStdin, failureOf } from './helpers.js';

// Encodings other than plain UTF-8: detection (a byte-order mark, else the first bytes), the
// single-byte code pages, and bytes that are not text in the encoding, which must come out as
// trouble on their record (a problem with its line), never as a silent U+FFFD.

const dir = mkdtempSync(join(tmpdir(), 'sa-encodings-'));
const cp1252 = (text: string) => Buffer.from(text, 'latin1');
const flag = (encoding: EncodingChoice['encoding']): EncodingChoice => ({ encoding, source: 'flag' });

/** Every record, line and trouble (as `line: kinds`) of bytes fed in the given chunks. */
async function readBytes(chunks: Buffer[], opts: OpenOptions = {}) {
  const source = await openCsv('-', { ...opts, stdin: countingStdin(chunks).stream });
  const rows: string[][] = [];
  const lines: number[] = [];
  const trouble: Record<number, number> = {};
  for await (const batch of source.batches()) {
    for (const t of batch.trouble ?? []) trouble[batch.lines[t.row]] = t.kinds;
    rows.push(...batch.rows);
    lines.push(...batch.lines);
  }
  return { source, rows, lines, trouble };
}

function chunked(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

// "Søren Weiß", "Rückfrage – €40" and the code page's 0x80–0x9F characters (€ ‚ “ ” Š œ Ÿ), as
// Excel on Windows writes them: one byte each.
const WINDOWS_1252 = Buffer.concat([
  cp1252('id;Name;Betreff\r\n1;S\xf8ren Wei\xdf;R\xfcckfrage \x96 \x8040\r\n'),
  cp1252('2;Zo\xeb;\x84Spa\xdf\x93 \x82x\x91 \x8a \x9c \x9f\r\n'),
]);

describe('detection', () => {
  it('invalid UTF-8 in the first bytes and no BOM: Windows-1252, every character right', async () => {
    const r = await readBytes([WINDOWS_1252]);
    expect([r.source.encoding, r.source.encodingSource, r.source.delimiter]).toEqual(['windows-1252', 'detected', ';']);
    expect(r.rows).toEqual([
      ['1', 'Søren Weiß', 'Rückfrage – €40'],
      ['2', 'Zoë', '„Spaß“ ‚x‘ Š œ Ÿ'],
    ]);
    expect(r.trouble).toEqual({});
  });

  it('valid UTF-8 (ASCII included) is UTF-8 by default, without a word about detection', async () => {
    const utf8 = await readBytes([Buffer.from('id,name\n1,Søren Weiß\n')]);
    expect([utf8.source.encoding, utf8.source.encodingSource]).toEqual(['utf-8', 'default']);
    expect(utf8.rows).toEqual([['1', 'Søren Weiß']]);
    const ascii = await readBytes([Buffer.from('id,name\n1,Bob\n')]);
    expect([ascii.source.encoding, ascii.source.encodingSource]).toEqual(['utf-8', 'default']);
  });

  it('a character cut by the end of the first 64 KiB does not count as invalid', async () => {
    // 'é' (C3 A9) straddles HEAD_BYTES: the head ends with a lone C3.
    const pad = 'x'.repeat(HEAD_BYTES - 'id,name\n1,'.length - 1);
    const bytes = Buffer.from(`id,name\n1,${pad}é\n2,ok\n`);
    expect(bytes[HEAD_BYTES - 1]).toBe(0xc3);
    const r = await readBytes(chunked(bytes, 4096));
    expect([r.source.encoding, r.source.encodingSource]).toEqual(['utf-8', 'default']);
    expect(r.rows[0][1].endsWith('é')).toBe(true);
    expect(r.trouble).toEqual({});
  });

  it('a short Windows-1252 file full of accents is text, not binary', async () => {
    const r = await readBytes([cp1252('id,name\n1,\xc4\xd6\xdc\xe4\xf6\xfc\xdf\xe9\xe8\xea\n2,\xe0\xe7\xf1\n')]);
    expect(r.source.encoding).toBe('windows-1252');
    expect(r.rows).toEqual([
      ['1', 'ÄÖÜäöüßéèê'],
      ['2', 'àçñ'],
    ]);
  });

  it('random bytes are still binary (in Windows-1252 terms: control bytes)', async () => {
    let seed = 7;
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i++) random[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16;
    const f = await failureOf(openCsv('-', { stdin: countingStdin([random]).stream }));
    expect(f.code).toBe('binary');
  });

  it('a byte-order mark wins over --encoding', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,name\n1,Søren\n')]);
    const r = await readBytes([bom], { encoding: flag('windows-1252') });
    expect([r.source.encoding, r.source.encodingSource]).toEqual(['utf-8', 'bom']);
    expect(r.rows).toEqual([['1', 'Søren']]);
  });

  it('--encoding reads a file without a BOM as told, UTF-16 included', async () => {
    const latin1 = await readBytes([cp1252('id,price\n1,\xa45\n')], { encoding: flag('iso-8859-1') });
    expect([latin1.source.encoding, latin1.source.encodingSource, latin1.rows]).toEqual(['iso-8859-1', 'flag', [['1', '¤5']]]);
    const latin9 = await readBytes([cp1252('id,price\n1,\xa45\n')], { encoding: { encoding: 'iso-8859-15', source: 'policy' } });
    expect([latin9.source.encoding, latin9.source.encodingSource, latin9.rows]).toEqual(['iso-8859-15', 'policy', [['1', '€5']]]);
    const utf16 = await readBytes(chunked(Buffer.from('id\tname\r\n1\tSøren 😀\r\n', 'utf16le'), 3), { encoding: flag('utf-16le') });
    expect([utf16.source.encoding, utf16.source.delimiter, utf16.rows]).toEqual(['utf-16le', '\t', [['1', 'Søren 😀']]]);
    const be = Buffer.from(Buffer.from('id,name\n1,Zoë\n', 'utf16le')).swap16();
    expect((await readBytes([be], { encoding: flag('utf-16be') })).rows).toEqual([['1', 'Zoë']]);
  });
});

describe('trouble: bytes that are not text become problems of their records', () => {
  it('invalid UTF-8 found only after the first 64 KiB: U+FFFD in the cell and trouble on its line', async () => {
    const lines = ['id,name'];
    for (let i = 1; lines.join('\n').length < HEAD_BYTES + 1000; i++) lines.push(`${i},name ${i}`);
    const n = lines.length;
    const bytes = Buffer.concat([Buffer.from(`${lines.join('\n')}\n`), cp1252(`${n},Wei\xdf\n${n + 1},ok\n${n + 2},\x81\x81\n`)]);
    const r = await readBytes(chunked(bytes, 7000));
    expect([r.source.encoding, r.source.encodingSource]).toEqual(['utf-8', 'default']);
    expect(r.rows.at(-3)).toEqual([String(n), 'Wei\ufffd']);
    expect(r.trouble).toEqual({ [n + 1]: UNDECODABLE, [n + 3]: UNDECODABLE });
  });

  it('mixed, more valid UTF-8 than invalid bytes in the first bytes: UTF-8, the invalid lines flagged', async () => {
    const bytes = Buffer.concat([Buffer.from('id,name\n1,café ’ ü\n'), cp1252('2,Wei\xdf\n'), Buffer.from('3,ok\n')]);
    const r = await readBytes([bytes]);
    expect([r.source.encoding, r.source.encodingSource]).toEqual(['utf-8', 'detected']);
    expect(r.rows).toEqual([
      ['1', 'café ’ ü'],
      ['2', 'Wei\ufffd'],
      ['3', 'ok'],
    ]);
    expect(r.trouble).toEqual({ 3: UNDECODABLE });
  });

  it('mixed, more invalid bytes: Windows-1252, the UTF-8 lines flagged and read as the code page says', async () => {
    // Invalid: DF, FC, C4 (each followed by ASCII) and F8; valid: C3 A9, E2 80 99, and DF 93.
    const bytes = Buffer.concat([cp1252('id,name\n1,Wei\xdf M\xfcller \xc4rger\n2,S\xf8ren\n'), Buffer.from('3,café\n4,it’s\n'), cp1252('5,Spa\xdf\x93\n')]);
    const r = await readBytes([bytes]);
    expect([r.source.encoding, r.source.encodingSource]).toEqual(['windows-1252', 'detected']);
    expect(r.rows).toEqual([
      ['1', 'Weiß Müller Ärger'],
      ['2', 'Søren'],
      ['3', 'cafÃ©'],
      ['4', 'itâ€™s'],
      ['5', 'Spaß“'],
    ]);
    // 'ß“' (DF 93) is a valid 2-byte UTF-8 sequence too, and ordinary Windows-1252 text: not flagged.
    expect(r.trouble).toEqual({ 4: UTF8_TEXT, 5: UTF8_TEXT });
  });

  it('Windows-1252 bytes the code page leaves unassigned, and C1 bytes in ISO-8859-1/-15', async () => {
    // A first record of plain text keeps the 1 KiB the binary check looks at clean.
    const bytes = cp1252(`id,name\n0,${'plain '.repeat(200)}\n1,a\x81b\n2,\x8d\x8f\x90\x9d\n3,\xe9\x80\n`);
    const w = await readBytes([bytes], { encoding: flag('windows-1252') });
    expect(w.rows.slice(1)).toEqual([
      ['1', 'a\ufffdb'],
      ['2', '\ufffd'.repeat(4)],
      ['3', 'é€'],
    ]);
    expect(w.trouble).toEqual({ 3: UNDECODABLE, 4: UNDECODABLE });
    const l = await readBytes([bytes], { encoding: flag('iso-8859-1') });
    expect(l.rows.slice(1)).toEqual([
      ['1', 'a\ufffdb'],
      ['2', '\ufffd'.repeat(4)],
      ['3', 'é\ufffd'],
    ]);
    expect(l.trouble).toEqual({ 3: UNDECODABLE, 4: UNDECODABLE, 5: UNDECODABLE });
  });

  it("the header's own trouble, a record spanning lines, and a sequence cut by the end of the input", async () => {
    const bytes = cp1252('id,na\xffme\n1,"two\nlines \xe2\x82"\n2,ok\n3,end\xe2\x82');
    const r = await readBytes(chunked(bytes, 3), { encoding: flag('utf-8') });
    expect(r.source.headerTrouble).toBe(UNDECODABLE);
    expect(r.lines).toEqual([2, 4, 5]);
    expect(r.trouble).toEqual({ 2: UNDECODABLE, 5: UNDECODABLE });
    expect(r.rows[2]).toEqual(['3', 'end\ufffd']);
  });

  it('UTF-16: an unpaired surrogate is trouble on its line too (a pair cut between chunks is not)', async () => {
    const text = 'id\tname\r\n1\tx\ud83dy\r\n2\t\ude00z\r\n3\t😀\r\n4\tend\ud83d';
    for (const size of [1, 2, 3, 5]) {
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      const r = await readBytes(chunked(le, size));
      expect([r.source.encoding, r.rows]).toEqual([
        'utf-16le',
        [
          ['1', 'x\ufffdy'],
          ['2', '\ufffdz'],
          ['3', '😀'],
          ['4', 'end\ufffd'],
        ],
      ]);
      expect(r.trouble).toEqual({ 2: UNDECODABLE, 3: UNDECODABLE, 5: UNDECODABLE });
      const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
      expect((await readBytes(chunked(be, size))).trouble).toEqual({ 2: UNDECODABLE, 3: UNDECODABLE, 5: UNDECODABLE });
    }
    // An odd byte at the end: half a code unit.
    const odd = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,name\n1,ab', 'utf16le'), Buffer.from([0x41])]);
    const r = await readBytes([odd]);
    expect(r.rows).toEqual([['1', 'ab\ufffd']]);
    expect(r.trouble).toEqual({ 2: UNDECODABLE });
  });

  // Records of random pieces (ASCII, valid characters, broken sequences), cut into random chunks:
  // a record has UNDECODABLE trouble exactly when the WHATWG decoder refuses its bytes.
  const piece = fc.constantFrom(
    [0x61],
    [0x20],
    [0xc3, 0xa9],
    [0xe2, 0x82, 0xac],
    [0xf0, 0x9f, 0x98, 0x80],
    [0xe9],
    [0x80],
    [0xe2, 0x82],
    [0xf0, 0x9f],
    [0xff],
    [0xed, 0xa0, 0x80],
    [0xc0, 0xaf],
    [0xdf, 0x93],
  );
  const recordBytes = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => Buffer.from([0x78, ...parts.flat()]));

  /** A header and a first record of plain text: the 1 KiB the binary check looks at stays clean. */
  const lead = Buffer.from(`name\n${'p'.repeat(1100)}\n`);

  it('UTF-8: trouble on exactly the records a strict decoder refuses, wherever the chunks are cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(recordBytes, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 9 }), async (records, size) => {
        const data = Buffer.concat([lead, ...records.map((b) => Buffer.concat([b, Buffer.from('\n')]))]);
        const r = await readBytes(chunked(data, size), { encoding: flag('utf-8') });
        const strict = new TextDecoder('utf-8', { fatal: true });
        const expected: Record<number, number> = {};
        records.forEach((b, i) => {
          try {
            strict.decode(b);
          } catch {
            expected[i + 3] = UNDECODABLE;
          }
        });
        expect(r.trouble).toEqual(expected);
        expect(r.rows.slice(1).map((row) => row[0])).toEqual(records.map((b) => b.toString('utf8')));
      }),
      { numRuns: 150 },
    );
  });

  it('Windows-1252: UTF8_TEXT on records holding C2/C3 + continuation or a 3-/4-byte sequence, UNDECODABLE on unassigned bytes', async () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const decodes = (b: Buffer) => {
      try {
        strict.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    /** The oracle: the WHATWG decoder on each candidate sequence, and the code page's five gaps. */
    const kindsOf = (b: Buffer) => {
      let kinds = 0;
      for (let i = 0; i < b.length; i++) {
        if ([0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b[i])) kinds |= UNDECODABLE;
        const length = b[i] === 0xc2 || b[i] === 0xc3 ? 2 : b[i] >= 0xe0 && b[i] <= 0xef ? 3 : b[i] >= 0xf0 && b[i] <= 0xf4 ? 4 : 0;
        if (length > 0 && i + length <= b.length && decodes(b.subarray(i, i + length))) kinds |= UTF8_TEXT;
      }
      return kinds;
    };
    const extra = fc.constantFrom([0x81], [0x9d], [0xc3, 0x81], [0xe2, 0x80, 0x9d], [0xc3], [0xe9, 0x93, 0x85]);
    const record = fc.array(fc.oneof(piece, extra), { minLength: 1, maxLength: 6 }).map((parts) => Buffer.from([0x78, ...parts.flat()]));
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 9 }), async (records, size) => {
        const data = Buffer.concat([lead, ...records.map((b) => Buffer.concat([b, Buffer.from('\n')]))]);
        const r = await readBytes(chunked(data, size), { encoding: flag('windows-1252') });
        const expected: Record<number, number> = {};
        records.forEach((b, i) => {
          const kinds = kindsOf(b);
          if (kinds !== 0) expected[i + 3] = kinds;
        });
        expect(r.trouble).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('a byte range of a single-byte file reads as the one pass does', async () => {
    const path = join(dir, 'range.csv');
    const body = cp1252('1,Wei\xdf \x80\n2,\x81\n3,caf\xc3\xa9\n');
    writeFileSync(path, Buffer.concat([cp1252('id,name\n'), body]));
    const rows: string[][] = [];
    const trouble: number[][] = [];
    for await (const batch of readRange(path, 8, 8 + body.length, ',', 1_000_000, null, 'windows-1252').batches()) {
      rows.push(...batch.rows);
      for (const t of batch.trouble ?? []) trouble.push([batch.lines[t.row], t.kinds]);
    }
    expect(rows).toEqual([
      ['1', 'Weiß €'],
      ['2', '\ufffd'],
      ['3', 'cafÃ©'],
    ]);
    expect(trouble).toEqual([
      [2, UNDECODABLE],
      [3, UTF8_TEXT],
    ]);
  });
});
