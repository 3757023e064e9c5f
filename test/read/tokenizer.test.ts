import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../../src/read/open-csv.js';
import { readRange } from '../../src/read/range.js';
import { RecordReader, type RecordReaderOptions } from '../../src/read/record-reader.js';
import { DELIMITERS, type Delimiter } from '../../src/read/sniff.js';
import { MAX_CELLS_PER_RECORD, TokenizerError } from '../../src/read/tokenizer.js';
import { countingStdin, failureOf, readAll } from './helpers.js';

// The reader's own tokenizer (src/read/tokenizer.ts) against csv-parse, the reference, through its
// public API with the options the dialect stands for. On random CSV and on random bytes, for each
// delimiter, with and without a byte-order mark, and cut into chunks anywhere (inside a `\r\n`, a
// `""`, a multi-byte character): the same records, and the same inputs refused.

const OPTIONS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n'] };

const dir = mkdtempSync(join(tmpdir(), 'sa-tokenizer-'));
let n = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `${n++}.csv`);
  writeFileSync(path, content);
  return path;
}

/** `data` cut into chunks of the given sizes (in turn). */
function cut(data: Buffer, sizes: number[]): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0, k = 0; at < data.length; k++) {
    const size = sizes[k % sizes.length];
    chunks.push(data.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

async function* fromChunks(chunks: Buffer[]): AsyncGenerator<Buffer> {
  for (const chunk of chunks) yield chunk;
}

/** Every record, the header first when there is one, every cell decoded; or the failure. */
async function tokenized(chunks: Buffer[], delimiter: Delimiter, maxRecordSize = 1_000_000, opts: RecordReaderOptions = {}) {
  const reader = new RecordReader(fromChunks(chunks), delimiter, maxRecordSize, opts);
  const rows: string[][] = [];
  const lines: number[] = [];
  if (!opts.headerless) {
    const header = await reader.header();
    if (header) {
      rows.push(header.cells);
      lines.push(header.line);
    }
  }
  for await (const batch of reader.batches()) {
    rows.push(...batch.rows);
    lines.push(...batch.lines);
  }
  return { rows, lines };
}

/** csv-parse's records, or null when csv-parse refuses the input (a quote left open). */
function reference(data: Buffer, delimiter: Delimiter): string[][] | null {
  try {
    return parse(data, { ...OPTIONS, delimiter, bom: true }) as string[][];
  } catch (err) {
    expect((err as { code: string }).code).toBe('CSV_QUOTE_NOT_CLOSED');
    return null;
  }
}

async function expectAsCsvParse(data: Buffer, delimiter: Delimiter, sizes: number[]): Promise<void> {
  const expected = reference(data, delimiter);
  if (expected === null) {
    await expect(tokenized(cut(data, sizes), delimiter)).rejects.toMatchObject({ code: 'unclosed-quote' });
    return;
  }
  expect((await tokenized(cut(data, sizes), delimiter)).rows).toEqual(expected);
}

const chunkSizes = fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 20 });

describe('the tokenizer against csv-parse', () => {
  it("gives csv-parse's records for random CSV, for each delimiter, however the input is cut into chunks", async () => {
    const cell = fc.oneof(
      fc.constantFrom('a', '', 'x y', '12', 'é', '\u3000', '\u3000x', ' lead', 'tail ', 'a;b', 'x|y', 't\tab', 'cr\ralone', '\r', 'nul\u0000'),
      fc.constantFrom(
        '"q"',
        '"a ""b"" c"',
        '"two\nlines"',
        '"crlf\r\nin"',
        '""',
        '"5"" x"',
        '"a,b"',
        '"a;b|c\td"',
        '5" screen',
        '"x"y',
        '"q"\r',
        '"q"\u0000z',
        '"""',
        '"a""',
      ),
    );
    const input = fc
      .tuple(
        fc.array(fc.oneof({ weight: 8, arbitrary: fc.array(cell, { minLength: 1, maxLength: 4 }) }, { weight: 1, arbitrary: fc.constant([]) }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.constantFrom(...DELIMITERS),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        // A byte-order mark that reaches the tokenizer (a second one in a file: openCsv strips the first).
        fc.boolean(),
      )
      .map(([records, delimiter, eol, last, bom]) => ({
        delimiter,
        data: Buffer.from((bom ? '\ufeff' : '') + records.map((cells) => cells.join(delimiter)).join(eol) + (last ? eol : '')),
      }));
    await fc.assert(
      fc.asyncProperty(input, chunkSizes, async ({ delimiter, data }, sizes) => expectAsCsvParse(data, delimiter, sizes)),
      { numRuns: 1000 },
    );
  });

  it("gives csv-parse's records for random bytes, or refuses what csv-parse refuses", async () => {
    // Bytes the dialect gives a meaning to, often, among others; broken UTF-8 among them.
    const byte = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(0x22, 0x0a, 0x0d, 0x2c, 0x3b, 0x09, 0x7c, 0x00, 0x20) },
      { weight: 3, arbitrary: fc.constantFrom(0x61, 0x62, 0x31) },
      { weight: 1, arbitrary: fc.constantFrom(0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xef, 0xbb, 0xbf, 0xff, 0x80) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(byte, { maxLength: 60 }), fc.constantFrom(...DELIMITERS), chunkSizes, async (bytes, delimiter, sizes) =>
        expectAsCsvParse(Buffer.from(bytes), delimiter, sizes),
      ),
      { numRuns: 2000 },
    );
  });

  it('reads records spread over many chunks: long quoted cells, long lines, a record per chunk boundary', async () => {
    const long = 'y'.repeat(70_000);
    const text = `a,b\n1,"${long}\n""${long}"""\n2,${long}\n3,"x"\r\n${'4,z\r\n'.repeat(30_000)}`;
    const data = Buffer.from(text);
    for (const size of [65_536, 4096, 7]) {
      const { rows } = await tokenized(cut(data, [size]), ',');
      expect(rows).toEqual(parse(data, OPTIONS));
    }
  });
});

describe('lines and limits', () => {
  it('counts lines in `\\n` bytes, blank lines and line breaks in quotes included', async () => {
    const data = Buffer.from('\n\r\nh1,h2\n1,"a\nb"\n\n2,x\r\n3,"c\r\n\r\nd"\n4,\ry\n5,z');
    const { lines } = await tokenized(cut(data, [3]), ',');
    expect(lines).toEqual([3, 4, 7, 8, 11, 12]);
  });

  it("holds a record to MAX_CELLS_PER_RECORD cells: at the limit it is read, one more stops reading with the record's line", async () => {
    expect(MAX_CELLS_PER_RECORD).toBe(100_000);
    const at = Buffer.from(`a,b\n${','.repeat(MAX_CELLS_PER_RECORD - 1)}\nx,y\n`);
    const { rows } = await tokenized(cut(at, [65_536]), ',');
    expect(rows.map((r) => r.length)).toEqual([2, MAX_CELLS_PER_RECORD, 2]);
    const over = Buffer.from(`a,b\n\n${','.repeat(MAX_CELLS_PER_RECORD)}\nx,y\n`);
    await expect(tokenized(cut(over, [65_536]), ',')).rejects.toMatchObject({ code: 'too-many-cells', line: 3 });
    // Through openCsv, as the command says it.
    const f = await failureOf(openCsv(file(`${','.repeat(MAX_CELLS_PER_RECORD)}\n`)).then(readAll));
    expect(f.code).toBe('too-many-cells');
    expect(f.message).toMatch(/expected records of at most 100,000 cells but the record starting on line 1 has more; the rest of the file cannot be read\.$/);
  });

  it('stops a line of 60 MB of commas within its first chunks', async () => {
    const commas = Buffer.alloc(1 << 20, ',');
    const chunks = function* () {
      yield 'id,subject\n1,';
      for (let i = 0; i < 60; i++) yield commas;
    };
    const stdin = countingStdin(chunks());
    const f = await failureOf(openCsv('-', { stdin: stdin.stream, delimiter: ',' }).then(readAll));
    expect(f.code).toBe('too-many-cells');
    expect(f.message).toContain('line 2');
    // 100,000 cells are in the first MiB; the byte source reads one chunk ahead at most.
    expect(stdin.pulled()).toBeLessThan(5);
  });

  it('holds a record to the limit in bytes of its cells as parsed: quotes, delimiters and doubled quotes aside', async () => {
    // Cells 5 + 5 ("678é": é is two bytes) = 10; `"a""b"` is 3 bytes (a"b): 10 at the limit of 10, read.
    const at = Buffer.from('12345,"678é"\n"a""b",1234567\nx,y\n');
    expect((await tokenized(cut(at, [4]), ',', 10, { headerless: true })).rows).toEqual([
      ['12345', '678é'],
      ['a"b', '1234567'],
      ['x', 'y'],
    ]);
    const over = Buffer.from('x,y\n12345,"678éa"\n');
    await expect(tokenized(cut(over, [4]), ',', 10, { headerless: true })).rejects.toMatchObject({ code: 'record-too-large', line: 2 });
    // Past the limit inside a quote that has run over a line break: the tokenizer says so (an unclosed quote, to the reader).
    const open = Buffer.from(`x,y\n1,"${'z\n'.repeat(20)}`);
    await expect(tokenized(cut(open, [8]), ',', 10, { headerless: true })).rejects.toMatchObject({
      code: 'record-too-large',
      line: 2,
      quoting: true,
      spansLines: true,
    });
    await expect(tokenized(cut(open, [8]), ',', 10, { headerless: true })).rejects.toBeInstanceOf(TokenizerError);
  });
});

describe('the reader around it', () => {
  it("skips a byte-order mark at the start of a file's data, never in a byte range or a single-byte input", async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const doubled = file(Buffer.concat([bom, bom, Buffer.from('h1;h2\n1;"2,3"\n')]));
    const source = await openCsv(doubled);
    expect(source.header).toEqual(['h1', 'h2']);
    expect((await readAll(source)).rows).toEqual([['1', '2,3']]);
    const data = Buffer.concat([bom, Buffer.from('a,b\n')]);
    const rows: string[][] = [];
    for await (const batch of readRange(file(data), 0, data.length, ',', 1_000_000).batches()) rows.push(...batch.rows);
    expect(rows).toEqual([['\ufeffa', 'b']]);
    const latin = await tokenized([data], ',', 1_000_000, { encoding: 'windows-1252' });
    expect(latin.rows[0][0]).toBe('ï»¿a');
  });

  it('reads two inputs open at once, each its own', async () => {
    const rowsOf = (k: number) => Array.from({ length: 3000 }, (_, i) => [`${k}-${i}`, `"text ${i}, ${k}"`]);
    const a = file(
      `id,text\n${rowsOf(1)
        .map((r) => r.join(','))
        .join('\n')}\n`,
    );
    const b = file(
      `id;text\n${rowsOf(2)
        .map((r) => r.join(';'))
        .join('\n')}\n`,
    );
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
  });
});

describe('csv-parse as the reference, not a part', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));

  it('is pinned to one exact version, for the tests only', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.devDependencies['csv-parse']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.dependencies?.['csv-parse']).toBeUndefined();
  });

  it('no source file reaches a private member of a package (`.__name`) or imports csv-parse', () => {
    const found: string[] = [];
    for (const entry of readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const path = join(entry.parentPath, entry.name);
      const text = readFileSync(path, 'utf8');
      for (const m of text.matchAll(/\.__[a-zA-Z]+|from 'csv-parse/g)) found.push(`${path.slice(root.length)}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });
});
