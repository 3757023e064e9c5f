// Accepted inputs: encodings, delimiters, gzip, stdin, batching, line numbers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../../src/read/open-csv.js';
import { BATCH_ROWS } from '../../src/read/record-reader.js';
import { countingStdin, fixture, openAndReadAll, readAll } from './helpers.js';

describe('delimiters and line endings', () => {
  it('reads semicolons with CRLF; a quoted CRLF stays in the field and moves the line count', async () => {
    const r = await openAndReadAll(fixture('semicolon-crlf.csv'));
    expect(r.source.delimiter).toBe(';');
    expect(r.source.header).toEqual(['Ticket', 'Subject', 'Amount', 'Channel']);
    expect(r.rows).toEqual([
      ['1', 'Refund; partial', '12,50', 'email'],
      ['2', 'Line one\r\nline two', '3,00', 'chat'],
      ['3', 'Plain', '0,99', 'phone'],
    ]);
    // Record 2 starts on line 3 and spans lines 3–4, so record 3 starts on line 5.
    expect(r.lines).toEqual([2, 3, 5]);
  });

  it('reads tab and pipe', async () => {
    const tab = await openAndReadAll(fixture('tab.tsv'));
    expect(tab.source.delimiter).toBe('\t');
    expect(tab.rows).toEqual([
      ['1', 'Hello, world', 'email'],
      ['2', 'Tab\there', 'chat'],
    ]);
    const pipe = await openAndReadAll(fixture('pipe.csv'));
    expect(pipe.source.delimiter).toBe('|');
    expect(pipe.rows.map((r) => r.length)).toEqual([3, 3, 3]);
    expect(pipe.rows[0][1]).toBe('a, b; c');
  });

  it('uses a forced delimiter even when the sniffer would choose another', async () => {
    const r = await openAndReadAll(fixture('pipe.csv'), { delimiter: ',' });
    expect(r.source.delimiter).toBe(',');
    expect(r.source.header).toEqual(['id|subject|channel']);
    expect(r.rows[0]).toEqual(['1|a', ' b; c|email']);
  });

  it('keeps a bare CR inside an unquoted field: records end only at LF or CRLF', async () => {
    const { stream } = countingStdin(['id,text,n\n1,a\r\rb,x\n2,c,y\n']);
    const r = await openAndReadAll('-', { stdin: stream });
    expect(r.rows).toEqual([
      ['1', 'a\r\rb', 'x'],
      ['2', 'c', 'y'],
    ]);
    expect(r.lines).toEqual([2, 3]);
  });

  it('accepts LF and CRLF mixed in one file (concatenated exports)', async () => {
    // csv-parse's auto-detection would lock onto the first ending (CRLF) and glue lines 2–3.
    const { stream } = countingStdin(['id,x\r\n1,a\n2,b\r\n3,c\n']);
    const r = await openAndReadAll('-', { stdin: stream });
    expect(r.rows).toEqual([
      ['1', 'a'],
      ['2', 'b'],
      ['3', 'c'],
    ]);
    expect(r.lines).toEqual([2, 3, 4]);
  });

  it('passes ragged rows through with their lines, skipping blank lines', async () => {
    const r = await openAndReadAll(fixture('ragged.csv'));
    // Lines: 1 header, 2 full, 3 blank, 4 short, 5 long, 6–7 blank, 8–9 quoted newline, 10 last (no final LF).
    expect(r.lines).toEqual([2, 4, 5, 8, 10]);
    expect(r.rows.map((row) => row.length)).toEqual([3, 2, 4, 3, 3]);
    expect(r.rows[3][1]).toBe('multi\nline');
  });

  it('keeps stray quotes as text (relax_quotes) instead of failing the file', async () => {
    const r = await openAndReadAll(fixture('stray-quotes.csv'));
    expect(r.rows).toEqual([
      ['1', '"abc"x', 'email'],
      ['2', '5" screen', 'chat'],
      ['3', 'ok', 'web'],
    ]);
    expect(r.lines).toEqual([2, 3, 4]);
  });

  it('reads a header-only file as zero records', async () => {
    const r = await openAndReadAll(fixture('header-only.csv'));
    expect(r.source.header).toEqual(['id', 'subject', 'channel']);
    expect(r.rows).toEqual([]);
  });

  it('starts the header on the first non-blank line', async () => {
    const { stream } = countingStdin(['\n\r\nid,x\n1,2\n']);
    const r = await openAndReadAll('-', { stdin: stream });
    expect(r.source.header).toEqual(['id', 'x']);
    expect(r.lines).toEqual([4]);
  });

  it('hands out batches of BATCH_ROWS with continuous line numbers', async () => {
    let text = 'id,subject\n';
    for (let i = 1; i <= 2500; i++) text += `${i},s${i}\n`;
    const { stream } = countingStdin([text]);
    const r = await openAndReadAll('-', { stdin: stream });
    expect(r.batchSizes).toEqual([...Array(Math.floor(2500 / BATCH_ROWS)).fill(BATCH_ROWS), 2500 % BATCH_ROWS].filter((n) => n > 0));
    // Record i is on line i + 1 (one header line, no multi-line fields).
    expect(r.lines[0]).toBe(2);
    expect(r.lines[2499]).toBe(2501);
    expect(r.rows[2499]).toEqual(['2500', 's2500']);
  });

  it('lets a reader stop early', async () => {
    let text = 'id,subject\n';
    for (let i = 1; i <= 5000; i++) text += `${i},s${i}\n`;
    // biome-ignore lint/correctness/noEmptyCharacterClassInRegex: [^] is any character, newlines included
    const stdin = countingStdin(text.match(/[^]{1,4096}/g) ?? []);
    const source = await openCsv('-', { stdin: stdin.stream });
    let seen = 0;
    for await (const batch of source.batches()) {
      seen += batch.rows.length;
      break;
    }
    expect(seen).toBe(BATCH_ROWS);
  });

  it('is single use', async () => {
    const source = await openCsv(fixture('pipe.csv'));
    await readAll(source);
    expect(() => source.batches()).toThrow(/single use/);
  });
});

describe('encodings', () => {
  it('strips a UTF-8 BOM from the first header cell', async () => {
    const r = await openAndReadAll(fixture('utf8-bom.csv'));
    expect(r.source.encoding).toBe('utf-8');
    expect(r.source.bom).toBe(true);
    expect(r.source.header[0]).toBe('id');
    expect(r.rows[0][1]).toBe('Café');
    expect(r.rows[1][1]).toBe('Ünïcode');
  });

  it('reports UTF-8 without BOM', async () => {
    const r = await openAndReadAll(fixture('pipe.csv'));
    expect([r.source.encoding, r.source.bom]).toEqual(['utf-8', false]);
  });

  // Excel's "Unicode text": UTF-16 with a BOM, tab-delimited. Fed in 3-byte chunks so code units
  // and the surrogate pair of 😀 are split across chunks.
  const text = 'id\tsubject\tchannel\r\n1\tCafé 😀\temail\r\n2\t"two\r\nlines"\tchat\r\n';
  const chunksOf = (bytes: Buffer, size: number) => {
    const out: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
    return out;
  };

  it('decodes UTF-16 LE with BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r = await openAndReadAll('-', { stdin: countingStdin(chunksOf(bytes, 3)).stream });
    expect([r.source.encoding, r.source.bom, r.source.delimiter]).toEqual(['utf-16le', true, '\t']);
    expect(r.source.header).toEqual(['id', 'subject', 'channel']);
    expect(r.rows).toEqual([
      ['1', 'Café 😀', 'email'],
      ['2', 'two\r\nlines', 'chat'],
    ]);
    expect(r.lines).toEqual([2, 3]);
  });

  it('decodes UTF-16 BE with BOM', async () => {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
    const r = await openAndReadAll('-', { stdin: countingStdin(chunksOf(bytes, 3)).stream });
    expect([r.source.encoding, r.source.bom]).toEqual(['utf-16be', true]);
    expect(r.rows).toEqual([
      ['1', 'Café 😀', 'email'],
      ['2', 'two\r\nlines', 'chat'],
    ]);
  });
});

describe('gzip and stdin', () => {
  const expected = [
    ['1', 'gzipped', 'email'],
    ['2', 'quoted\nnewline', 'chat'],
    ['3', 'last', 'web'],
  ];

  it('reads .gz transparently', async () => {
    const r = await openAndReadAll(fixture('small.csv.gz'));
    expect(r.source.header).toEqual(['id', 'subject', 'channel']);
    expect(r.rows).toEqual(expected);
    expect(r.lines).toEqual([2, 3, 5]);
  });

  it('recognises gzip on stdin by its magic bytes', async () => {
    const gz = readFileSync(fixture('small.csv.gz'));
    const r = await openAndReadAll('-', { stdin: countingStdin([gz.subarray(0, 1), gz.subarray(1)]).stream });
    expect(r.rows).toEqual(expected);
  });

  it('reads plain stdin, path kept as "-"', async () => {
    const r = await openAndReadAll('-', { stdin: countingStdin(['id,x\n', '1,', 'a\n2,b']).stream });
    expect(r.source.path).toBe('-');
    expect(r.rows).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
    expect(r.lines).toEqual([2, 3]);
  });
});
