import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest.js';
import { LatestTimes } from '../../src/map/latest-times.js';
import { openCsv } from '../../src/read/open-csv.js';
import { readRange } from '../../src/read/range.js';
import { RecordParser, tokenizerFeatures, tokenizersMade, type CsvBatch } from '../../src/read/record-parser.js';
import { DELIMITERS } from '../../src/read/sniff.js';
import { failureOf, readAll } from './helpers.js';

const NO_TARGET = { ticket() {}, message() {} };

// One csv-parse tokenizer per thread serves every input read one after another (see Tokenizer in
// src/read/record-parser.ts). Checked here: whatever the input before did (failed in a quote, hit
// the record size limit, was dropped half-way, had a byte-order mark or another delimiter), the
// next one reads exactly as a new csv-parse would; two inputs open at once do not share one; and
// reading many inputs in turn makes no further tokenizer. And cut into chunks anywhere (inside a
// `\r\n`, a `""`, a multi-byte character), an input gives csv-parse's records for the whole of it.

const dir = mkdtempSync(join(tmpdir(), 'sa-tokenizer-'));
let n = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `${n++}.csv`);
  writeFileSync(path, content);
  return path;
}

const OPTIONS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n'] };

/** A file's data records, read through openCsv. */
async function opened(path: string) {
  return (await readAll(await openCsv(path))).rows;
}

/** A byte range's records and lines, read to the end. */
async function ranged(path: string, start: number, end: number, delimiter: ',' | ';' = ',', maxRecordSize = 1_000_000) {
  const rows: string[][] = [];
  const lines: number[] = [];
  for await (const batch of readRange(path, start, end, delimiter, maxRecordSize).batches()) {
    rows.push(...batch.rows);
    lines.push(...batch.lines);
  }
  return { rows, lines };
}

const GOOD = 'id,subject,body\r\n1,"Hello, world","two\nlines"\r\n\r\n2,plain,"say ""hi"""\r\n3,"5"" screen",x\r\n';
const goodRows = (parse(GOOD, OPTIONS) as string[][]).slice(1);

describe('the shared tokenizer', () => {
  it('reads an input as a new csv-parse would after one that failed inside a quote', async () => {
    const broken = file('id,body\n1,"never closed\n2,more\n');
    expect((await failureOf(opened(broken))).code).toBe('unclosed-quote');
    expect(await opened(file(GOOD))).toEqual(goodRows);
    // The same through a byte range: its lines restart at 1.
    const data = 'a,"b\nc",d\n\ne,f,g\n';
    const { rows, lines } = await ranged(file(data), 0, Buffer.byteLength(data));
    expect(rows).toEqual(parse(data, OPTIONS));
    expect(lines).toEqual([1, 4]);
  });

  it('applies each input its own record size limit, after one that went past a smaller limit', async () => {
    const data = `a,${'x'.repeat(50)}\nb,c\n`;
    const path = file(data);
    await expect(ranged(path, 0, data.length, ',', 20).then(() => 'read')).rejects.toMatchObject({ code: 'record-too-large' });
    expect((await ranged(path, 0, data.length)).rows).toEqual(parse(data, OPTIONS));
  });

  it('holds a record to the limit in UTF-8 bytes of its cells, quotes and delimiters aside', async () => {
    // 5 + 5 bytes ("678é": é is two) = 10: at the limit of 10, read; one byte more, too large.
    const at = '12345,"678é"\nx,y\n';
    expect((await ranged(file(at), 0, Buffer.byteLength(at), ',', 10)).rows).toEqual([['12345', '678é'], ['x', 'y']]);
    const over = 'x,y\n12345,"678éa"\n';
    await expect(ranged(file(over), 0, Buffer.byteLength(over), ',', 10)).rejects.toMatchObject({ code: 'record-too-large', message: expect.stringContaining('line 2') });
    // The same in a cell that is not decoded (decodeOnly) and in the last cell of the input.
    const rows: string[][] = [];
    const path = file('a,b\n1,2345678901\n');
    const reading = (async () => {
      for await (const batch of readRange(path, 0, 18, ',', 10, [0]).batches()) rows.push(...batch.rows);
    })();
    await expect(reading).rejects.toMatchObject({ code: 'record-too-large' });
  });

  it('reads an input whole after one dropped half-way', async () => {
    const many = `id,text\n${Array.from({ length: 5000 }, (_, i) => `${i},"row ${i}, quoted"\n`).join('')}`;
    const source = await openCsv(file(many));
    const batches = source.batches()[Symbol.asyncIterator]();
    await batches.next();
    await batches.return?.(undefined);
    expect(await opened(file(GOOD))).toEqual(goodRows);
  });

  it('looks for a byte-order mark at the start of a file, never at the start of a byte range', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const withBom = file(Buffer.concat([bom, Buffer.from('h1,h2\n1,2\n')]));
    const source = await openCsv(withBom);
    expect(source.header).toEqual(['h1', 'h2']);
    expect((await readAll(source)).rows).toEqual([['1', '2']]);
    // A record that starts with those bytes, in the middle of a file, keeps them.
    const data = Buffer.concat([bom, Buffer.from('a,b\n')]);
    expect((await ranged(file(data), 0, data.length)).rows).toEqual([['\ufeffa', 'b']]);
  });

  it('keeps each input its own delimiter past a second byte-order mark', async () => {
    // openCsv strips a file's byte-order mark; one more is csv-parse's to skip, and csv-parse then
    // rebuilds its options from those it was made with, which belonged to an earlier input.
    await opened(file('a,b\n1,2\n'));
    const parser = new RecordParser(';', 1_000_000);
    Readable.from([Buffer.from('\ufeffa;b\n1;"2,3"\n')], { objectMode: false }).pipe(parser);
    expect((await parser.header)?.cells).toEqual(['a', 'b']);
    const rows: string[][] = [];
    for await (const batch of parser) rows.push(...(batch as CsvBatch).rows);
    expect(rows).toEqual([['1', '2,3']]);
    const doubled = file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), Buffer.from('h1;h2\n1;"2,3"\n')]));
    const source = await openCsv(doubled);
    expect(source.header).toEqual(['h1', 'h2']);
    expect((await readAll(source)).rows).toEqual([['1', '2,3']]);
  });

  it('takes each input its own delimiter', async () => {
    const semi = 'a;b\n1;"2;3"\n';
    expect((await ranged(file(semi), 0, semi.length, ';')).rows).toEqual(parse(semi, { ...OPTIONS, delimiter: ';' }));
    const comma = 'a;b,c\n';
    expect((await ranged(file(comma), 0, comma.length, ',')).rows).toEqual([['a;b', 'c']]);
  });

  it('is not shared by two inputs open at once', async () => {
    const rowsOf = (k: number) => Array.from({ length: 3000 }, (_, i) => [`${k}-${i}`, `"text ${i}, ${k}"`]);
    const a = file(`id,text\n${rowsOf(1).map((r) => r.join(',')).join('\n')}\n`);
    const b = file(`id,text\n${rowsOf(2).map((r) => r.join(',')).join('\n')}\n`);
    const before = tokenizersMade();
    const [sa, sb] = [await openCsv(a), await openCsv(b)];
    const ia = sa.batches()[Symbol.asyncIterator]();
    const ib = sb.batches()[Symbol.asyncIterator]();
    const got: Record<string, string[][]> = { a: [], b: [] };
    for (let doneA = false, doneB = false; !doneA || !doneB; ) {
      if (!doneA) {
        const next = await ia.next();
        if (next.done) doneA = true;
        else got.a.push(...next.value.rows);
      }
      if (!doneB) {
        const next = await ib.next();
        if (next.done) doneB = true;
        else got.b.push(...next.value.rows);
      }
    }
    expect(got.a).toEqual(rowsOf(1).map(([id, text]) => [id, text.slice(1, -1)]));
    expect(got.b).toEqual(rowsOf(2).map(([id, text]) => [id, text.slice(1, -1)]));
    // The first open took the thread's tokenizer (or made it); the second, open meanwhile, made one.
    expect(tokenizersMade() - before).toBeGreaterThanOrEqual(1);
    expect(tokenizersMade() - before).toBeLessThanOrEqual(2);
  });

  it('is given back by a file that fails after its header (unknown layout, a problem under --strict)', async () => {
    await opened(file(GOOD));
    const before = tokenizersMade();
    const unknown = file(`what,ever\n${'1,2\n'.repeat(20000)}`);
    await expect(ingestFile(unknown, 0, { inputs: {}, zones: {}, strict: false, times: new LatestTimes() }, NO_TARGET)).rejects.toMatchObject({ name: 'InputError' });
    const strict = file(`id,created_at,channel\n1,2024-01-01 10:00,email\n1,2024-01-01 11:00,email\n${'x,,\n'.repeat(20000)}`);
    await expect(ingestFile(strict, 0, { inputs: {}, zones: {}, strict: true, times: new LatestTimes() }, NO_TARGET)).rejects.toThrow();
    expect(await opened(file(GOOD))).toEqual(goodRows);
    expect(tokenizersMade()).toBe(before);
  });

  it('takes every speed-up from the csv-parse that package-lock.json names', async () => {
    // Each falls back to csv-parse's own code when csv-parse is shaped differently: the same
    // records, a slower audit. An upgrade that loses one fails here rather than going unseen.
    await opened(file(GOOD));
    expect(tokenizerFeatures()).toEqual({ reusable: true, selectiveDecoding: true, lookahead: true, byteTests: true });
  });

  it('is made once for inputs read one after another', async () => {
    await opened(file(GOOD));
    const before = tokenizersMade();
    for (let i = 0; i < 5; i++) {
      expect(await opened(file(GOOD))).toEqual(goodRows);
      expect((await ranged(file('x,y\n'), 0, 4)).rows).toEqual([['x', 'y']]);
    }
    expect(tokenizersMade()).toBe(before);
  });

  it('gives the records csv-parse gives, for each delimiter, however the input is cut into chunks', async () => {
    const cell = fc.oneof(
      fc.constantFrom('a', '', 'x y', '12', 'é', '\u3000', '\u3000x', ' lead', 'tail ', 'a;b', 'x|y', 't\tab', 'cr\ralone'),
      fc.constantFrom('"q"', '"a ""b"" c"', '"two\nlines"', '"crlf\r\nin"', '""', '"5"" x"', '"a,b"', '"a;b|c\td"', '5" screen', '"x"y', '"q"\r'),
    );
    const input = fc.tuple(
      fc.array(fc.oneof({ weight: 8, arbitrary: fc.array(cell, { minLength: 1, maxLength: 4 }) }, { weight: 1, arbitrary: fc.constant([]) }), {
        minLength: 1,
        maxLength: 12,
      }),
      fc.constantFrom(...DELIMITERS),
      fc.constantFrom('\n', '\r\n'),
      fc.boolean(),
      // A byte-order mark that reaches the parser (a second one in a file: openCsv strips the first).
      fc.boolean(),
    ).map(([records, delimiter, eol, last, bom]) => ({
      delimiter,
      data: Buffer.from((bom ? '\ufeff' : '') + records.map((cells) => cells.join(delimiter)).join(eol) + (last ? eol : '')),
    }));
    await fc.assert(
      fc.asyncProperty(input, fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 20 }), async ({ delimiter, data }, sizes) => {
        const chunks: Buffer[] = [];
        for (let at = 0, k = 0; at < data.length; at += sizes[k++ % sizes.length]) chunks.push(data.subarray(at, at + sizes[k % sizes.length]));
        let expected: string[][];
        try {
          expected = parse(data, { ...OPTIONS, delimiter, bom: true }) as string[][];
        } catch {
          return; // csv-parse itself rejects it (e.g. a quote left open): nothing to compare
        }
        const parser = new RecordParser(delimiter, 1_000_000);
        Readable.from(chunks, { objectMode: false }).pipe(parser);
        const header = await parser.header;
        const rows: string[][] = header ? [header.cells] : [];
        for await (const batch of parser) rows.push(...(batch as CsvBatch).rows);
        expect(rows).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
