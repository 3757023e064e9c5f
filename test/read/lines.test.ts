import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../../src/read/open-csv.js';
import { countingStdin, readAll } from './helpers.js';

// Every record's line is where it starts in the file, counting `\n` only (a bare `\r` inside a
// field is content). Records are written here from known cells, so the expected lines are known.

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'bb', '12', '', 'x y') },
  { weight: 1, arbitrary: fc.constantFrom('two\nlines', 'crlf\r\ninside', 'bare\rcr', 'q"uote', 'many\n\n\nbreaks', '\r\n') },
);

function quoted(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

describe('record lines', () => {
  it('are the lines where records start, across chunk sizes, CRLF, empty lines and breaks in fields', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.array(cell, { minLength: 3, maxLength: 3 }), fc.nat({ max: 2 }), fc.boolean()), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 64 }),
        async (records, chunkSize) => {
          let text = 'h1,h2,h3\n';
          const expected: number[] = [];
          for (const [cells, emptyBefore, crlf] of records) {
            // A record of three empty cells is written as `,,` (not an empty line).
            text += (crlf ? '\r\n' : '\n').repeat(emptyBefore);
            expected.push(text.split('\n').length);
            text += cells.map(quoted).join(',') + (crlf ? '\r\n' : '\n');
          }
          const chunks: string[] = [];
          for (let i = 0; i < text.length; i += chunkSize) chunks.push(text.slice(i, i + chunkSize));
          const source = await openCsv('-', { stdin: countingStdin(chunks).stream, delimiter: ',' });
          const { rows, lines } = await readAll(source);
          expect(rows.map((r) => r.join('|'))).toEqual(records.map(([cells]) => cells.join('|')));
          expect(lines).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('record lines after decodeOnly', () => {
  it('count the line breaks in cells that are not decoded', async () => {
    // Past the first 64 KiB (read with the header, every cell decoded), column 1 is not decoded:
    // its line breaks still move the lines of the records after it.
    const filler = Array.from({ length: 6000 }, (_, i) => `${i},filler text ${i},x\n`).join('');
    const text = `id,note,n\n${filler}a,"one\ntwo\nthree",y\nb,plain,z\n`;
    const chunks = text.match(/[\s\S]{1,16384}/g) ?? [];
    const source = await openCsv('-', { stdin: countingStdin(chunks).stream, delimiter: ',' });
    source.decodeOnly([0, 2]);
    const { rows, lines } = await readAll(source);
    const at = rows.findIndex((r) => r[0] === 'b');
    // Header line 1, 6000 filler lines (2–6001), the quoted record on lines 6002–6004.
    expect(lines[at - 1]).toBe(6002);
    expect(lines[at]).toBe(6005);
  });
});
