// Inputs that cannot be read: each is one InputError with a stable code and the file's name.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openCsv } from '../../src/read/open-csv.js';
import { countingStdin, failureOf, fixture, openAndReadAll } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'read-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('files that cannot be opened', () => {
  it('missing file', async () => {
    const f = await failureOf(openCsv(join(tmp, 'nope.csv')));
    expect(f.code).toBe('not-found');
    expect(f.message).toContain('nope.csv');
    expect(f.path).toBe(join(tmp, 'nope.csv'));
  });

  it('directory', async () => {
    expect((await failureOf(openCsv(tmp))).code).toBe('directory');
  });

  it.skipIf(process.getuid?.() === 0)('no read permission', async () => {
    const path = join(tmp, 'locked.csv');
    writeFileSync(path, 'id\n1\n');
    chmodSync(path, 0o000);
    expect((await failureOf(openCsv(path))).code).toBe('permission');
  });
});

describe('inputs that are not CSV', () => {
  it('empty file, and a file of blank lines, have no header', async () => {
    expect((await failureOf(openCsv(fixture('empty.csv')))).code).toBe('empty');
    expect((await failureOf(openCsv(fixture('blank-lines.csv')))).code).toBe('empty');
    expect((await failureOf(openCsv('-', { stdin: countingStdin([]).stream }))).message).toMatch(/^stdin: /);
  });

  it('a header of empty cells', async () => {
    const f = await failureOf(openCsv(fixture('blank-header.csv')));
    expect(f.code).toBe('no-header');
    expect(f.message).toContain('line 1');
  });

  it('binary bytes', async () => {
    const bytes = Buffer.alloc(2048);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
    const path = join(tmp, 'blob.csv');
    writeFileSync(path, bytes);
    expect((await failureOf(openCsv(path))).code).toBe('binary');
  });

  it('a ZIP (xlsx) and BOM-less UTF-16 are binary too, each with its own finding', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('[Content_Types].xml')]);
    const z = await failureOf(openCsv('-', { stdin: countingStdin([zip]).stream }));
    expect(z.code).toBe('binary');
    expect(z.message).toContain('ZIP');
    const utf16 = Buffer.from('id,subject\n1,hello\n', 'utf16le');
    const u = await failureOf(openCsv('-', { stdin: countingStdin([utf16]).stream }));
    expect(u.code).toBe('binary');
    expect(u.message).toContain('UTF-16');
  });

  it('a text file with one stray Windows-1252 byte is still text (read as Windows-1252: see encodings.test.ts)', async () => {
    const bytes = Buffer.concat([Buffer.from('id,name\n1,Caf'), Buffer.from([0xe9]), Buffer.from('\n2,Bob\n')]);
    const r = await openAndReadAll('-', { stdin: countingStdin([bytes]).stream });
    expect(r.rows).toEqual([
      ['1', 'Café'],
      ['2', 'Bob'],
    ]);
  });

  it('damaged gzip', async () => {
    // The fixture's 85 bytes, cut in the middle of the deflate stream.
    const gz = readFileSync(fixture('small.csv.gz')).subarray(0, 40);
    const path = join(tmp, 'cut.csv.gz');
    writeFileSync(path, gz);
    const f = await failureOf(openAndReadAll(path));
    expect(f.code).toBe('gzip');
  });

  it('gzip damaged after the header fails while streaming, after the records before it', async () => {
    let text = 'id,subject\n';
    for (let i = 1; i <= 50_000; i++) text += `${i},subject number ${i * 7919}\n`;
    const gz = gzipSync(Buffer.from(text));
    const path = join(tmp, 'cut-late.csv.gz');
    writeFileSync(path, gz.subarray(0, Math.floor(gz.length * 0.8)));
    const source = await openCsv(path);
    expect(source.header).toEqual(['id', 'subject']);
    let seen = 0;
    const f = await failureOf(
      (async () => {
        for await (const batch of source.batches()) seen += batch.rows.length;
      })(),
    );
    expect(f.code).toBe('gzip');
    expect(seen).toBeGreaterThan(0);
  });
});

describe('records that cannot be read', () => {
  it('unclosed quote: names the line where the quoted record starts', async () => {
    const source = await openCsv(fixture('unclosed-quote.csv'));
    const f = await failureOf(openAndReadAll(fixture('unclosed-quote.csv')));
    expect(source.header).toEqual(['id', 'subject', 'channel']);
    expect(f.code).toBe('unclosed-quote');
    expect(f.message).toContain('unclosed-quote.csv');
    expect(f.message).toContain('line 3');
  });

  it('unclosed quote at line 2 before 5 MB fails fast, at the record size limit', async () => {
    // 16 KiB chunks of well-formed records after the opening quote: 320 chunks = 5 MiB.
    const record = 'x,y\n'.repeat(4096);
    const chunks = function* () {
      yield 'id,subject\n1,"opens here\n';
      for (let i = 0; i < 320; i++) yield record;
    };
    const stdin = countingStdin(chunks());
    const f = await failureOf(openAndReadAll('-', { stdin: stdin.stream, maxRecordSize: 50_000 }));
    expect(f.code).toBe('unclosed-quote');
    expect(f.message).toContain('line 2');
    // The limit (50 kB) is hit within 4 chunks; read-ahead adds a few more (8 measured), far from 320.
    expect(stdin.pulled()).toBeLessThan(20);
  });

  it('a 30 MB field is a record too large, found without reading it all', async () => {
    const mib = 'x'.repeat(1 << 20);
    const chunks = function* () {
      yield 'id,text\n1,ok\n2,';
      for (let i = 0; i < 30; i++) yield mib;
      yield '\n3,after\n';
    };
    const stdin = countingStdin(chunks());
    const f = await failureOf(openAndReadAll('-', { stdin: stdin.stream }));
    expect(f.code).toBe('record-too-large');
    expect(f.message).toContain('line 3');
    expect(f.message).toContain('1,000,000');
    // Default limit 1,000,000 bytes: fails inside the first MiB of the field; the stream
    // layers read a few 1 MiB chunks ahead (5 measured), never the 30.
    expect(stdin.pulled()).toBeLessThan(8);
  });

  it('a 30 MB quoted field on one line is also too large, not an unclosed quote', async () => {
    const mib = 'x'.repeat(1 << 20);
    const chunks = function* () {
      yield 'id,text\n2,"';
      for (let i = 0; i < 30; i++) yield mib;
      yield '"\n';
    };
    const f = await failureOf(openAndReadAll('-', { stdin: countingStdin(chunks()).stream }));
    expect(f.code).toBe('record-too-large');
    expect(f.message).toContain('line 2');
  });

  it('an unclosed quote in the header itself fails at open', async () => {
    const f = await failureOf(openCsv('-', { stdin: countingStdin(['id,"subject\n1,2\n']).stream }));
    expect(f.code).toBe('unclosed-quote');
    expect(f.message).toContain('line 1');
  });
});
