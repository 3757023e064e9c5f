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
