import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { openCsv, UNREAD_CELL } from '../../src/read/open-csv.js';
import { readRange } from '../../src/read/range.js';
import { countingStdin, fixture, readAll } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sa-decode-only-'));

// RecordReader.decodeOnly: only the wanted cells become strings (src/read/record-cells.ts). Checked
// here against csv-parse's own output on random CSV: the wanted cells are the same strings, every
// record keeps all its cells in place, an unwanted cell is '' exactly when it is empty and
// UNREAD_CELL only when it is not blank, and lines are unchanged.

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'bb', '12', '', 'x y', 'Ünïcødé', '€ 5', '2024-01-01 10:00') },
  { weight: 2, arbitrary: fc.constantFrom(' ', '\t', '\u00a0', '\u3000x', ' lead', '\ufeff', '\u2003') },
  { weight: 1, arbitrary: fc.constantFrom('two\nlines', 'crlf\r\ninside', 'q"uote', '"', 'a,b', '5" screen') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

function quoted(s: string): string {
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Reads `data` with only `wanted` columns decoded and compares it with csv-parse's own output: the
 * wanted cells are the same strings, every record keeps all its cells in place, and an unwanted
 * cell is UNREAD_CELL only when it is not blank (otherwise it is what csv-parse gives).
 */
async function expectAsCsvParse(data: Buffer, wanted: number[], name: string, windows1252 = false): Promise<void> {
  let expected = parse(data, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, encoding: windows1252 ? 'latin1' : 'utf8' }) as string[][];
  if (windows1252) expected = expected.map((row) => row.map(asWindows1252));
  const path = join(dir, name);
  writeFileSync(path, data);
  const rows: string[][] = [];
  for await (const batch of readRange(path, 0, data.length, ',', 1_000_000, wanted, windows1252 ? 'windows-1252' : 'utf-8').batches()) rows.push(...batch.rows);
  expect(rows.length).toBe(expected.length);
  rows.forEach((row, r) => {
    expect(row.length).toBe(expected[r].length);
    row.forEach((got, c) => {
      const want = expected[r][c];
      if (wanted.includes(c) || got !== UNREAD_CELL) expect(got).toBe(want);
      else expect(want.trim()).not.toBe('');
    });
  });
}

/** Python's cp1252 table (fixtures/read/code-pages.json): a Latin-1 string as Windows-1252 reads it, U+FFFD where it has no character. */
const CP1252 = (JSON.parse(readFileSync(fixture('code-pages.json'), 'utf8')) as Record<string, (number | null)[]>)['windows-1252'];
const asWindows1252 = (latin1: string) =>
  [...latin1].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch : String.fromCharCode(CP1252[ch.charCodeAt(0) - 0x80] ?? 0xfffd))).join('');

describe('decodeOnly', () => {
  it('gives the wanted cells as csv-parse does and marks the others', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 30 }),
        fc.uniqueArray(fc.nat({ max: 5 }), { maxLength: 4 }),
        async (records, wanted) => {
          const text = records.map((cells) => cells.map(quoted).join(',') + '\n').join('');
          await expectAsCsvParse(Buffer.from(text), wanted, `${run++}.csv`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('decodes any bytes as csv-parse does, invalid UTF-8 included, and cells split between ASCII and not', async () => {
    // Cells as raw bytes: ASCII, valid multi-byte characters, and broken sequences (a lone lead or
    // continuation byte, a sequence cut short), which decode to U+FFFD depending on their
    // neighbours: decoding the kept cells together must not change what each cell becomes.
    const piece = fc.constantFrom(
      [0x61],
      [0x31, 0x32],
      [0x20],
      [0xc3, 0xa9],
      [0xe2, 0x82, 0xac],
      [0xf0, 0x9f, 0x98, 0x80],
      [0xe9],
      [0x80],
      [0xe2, 0x82],
      [0xf0, 0x9f],
      [0xff],
      [0x00],
      [0x22],
      [0x2c],
      [0x0a],
      // A no-break space in Windows-1252 (blank to trim), and a byte it has no character for.
      [0xa0],
      [0x81],
    );
    const bytesCell = fc.array(piece, { maxLength: 5 }).map((parts) => Buffer.from(parts.flat()));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(bytesCell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 20 }),
        fc.uniqueArray(fc.nat({ max: 6 }), { maxLength: 6 }),
        async (records, wanted) => {
          const quote = (b: Buffer) => Buffer.concat([Buffer.from('"'), Buffer.from(b.toString('latin1').replace(/"/g, '""'), 'latin1'), Buffer.from('"')]);
          const data = Buffer.concat(
            records.map((cells) => Buffer.concat([...cells.flatMap((c, i) => (i === 0 ? [quote(c)] : [Buffer.from(','), quote(c)])), Buffer.from('\n')])),
          );
          await expectAsCsvParse(data, wanted, `bytes-${run++}.csv`);
          // The same bytes as Windows-1252: cells decoded a byte at a time, kept or not.
          await expectAsCsvParse(data, wanted, `bytes-${run++}-cp1252.csv`, true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps wide records and long cells whole (more wanted cells and bytes than it starts with room for)', async () => {
    const width = 150;
    const row = (r: number) => Array.from({ length: width }, (_, c) => (c % 7 === 0 ? `${'x'.repeat(3000)}${r}-${c}` : `v${r}-${c}-é`)).join(',');
    const text = `${Array.from({ length: 3 }, (_, r) => row(r)).join('\n')}\n`;
    const path = join(dir, 'wide.csv');
    writeFileSync(path, text);
    const all = Array.from({ length: width }, (_, c) => c);
    const rows: string[][] = [];
    for await (const batch of readRange(path, 0, Buffer.byteLength(text), ',', 1_000_000, all).batches()) rows.push(...batch.rows);
    expect(rows).toEqual(parse(text));
  });

  it('decodes every cell again after decodeOnly(null)', async () => {
    const text = 'a,b,c\n1,2,3\n4,5,6\n';
    const source = await openCsv('-', { stdin: countingStdin([text]).stream, delimiter: ',' });
    source.decodeOnly([0]);
    source.decodeOnly(null);
    expect((await readAll(source)).rows).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('applies to an opened file from the records parsed after the call', async () => {
    // Records are decoded as they are handed out: every one after the call has only column 0.
    const rows = Array.from({ length: 4000 }, (_, i) => `${i},subject ${i},"long, quoted ""body"" ${i}"\n`);
    const path = join(dir, 'opened.csv');
    writeFileSync(path, `id,subject,body\n${rows.join('')}`);
    const source = await openCsv(path);
    source.decodeOnly([0]);
    const read = (await readAll(source)).rows;
    expect(read.map((r) => r[0])).toEqual(rows.map((_, i) => String(i)));
    expect(read.every((r) => r[1] === UNREAD_CELL && r[2] === UNREAD_CELL)).toBe(true);
  });
});
