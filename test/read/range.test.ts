import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../../src/read/open-csv.js';
import { readRange } from '../../src/read/range.js';
import { findSplits } from '../../src/read/split.js';
import { readAll } from './helpers.js';

// Byte ranges for parallel reading: cuts between records, and a range that does not end on a
// record boundary fails (the proof a cut was safe; the file is then read in one pass).

const dir = mkdtempSync(join(tmpdir(), 'sa-range-'));

/** Rows whose quoted notes hold line breaks, commas and lines that look like records. */
function tricky(rows: number): string {
  let text = 'id,note,channel\n';
  for (let i = 0; i < rows; i++) {
    const note = i % 3 === 0 ? `"line one, more\n${i + 1},fake,row\nend ""quoted"""` : `plain ${i}`;
    text += `${i},${note},${i % 2 ? 'email' : 'chat'}\n`;
  }
  return text;
}

async function recordStarts(path: string): Promise<Set<number>> {
  const source = await openCsv(path);
  const starts = new Set<number>([source.dataStart]);
  for await (const batch of source.batches()) for (const end of batch.ends) starts.add(end);
  return starts;
}

describe('cutting a file into ranges', () => {
  it('cuts only where a record starts, even with line breaks inside quoted cells', async () => {
    const path = join(dir, 'tricky.csv');
    writeFileSync(path, tricky(3000));
    const source = await openCsv(path);
    source.close();
    const size = Buffer.byteLength(tricky(3000));
    const cuts = await findSplits(path, { start: source.dataStart, end: size, parts: 16, minBytes: 1000, notBefore: 0, width: 3, delimiter: ',' });
    expect(cuts.length).toBeGreaterThan(8);
    const starts = await recordStarts(path);
    for (const cut of cuts) expect(starts.has(cut)).toBe(true);
  });

  it('with threads, plans ranges that shrink along the file, down to the smallest worth a cut', async () => {
    const path = join(dir, 'guided.csv');
    writeFileSync(path, tricky(3000));
    const size = statSync(path).size;
    const source = await openCsv(path);
    source.close();
    const minBytes = 2000;
    const cuts = await findSplits(path, { start: source.dataStart, end: size, threads: 2, minBytes, notBefore: 0, width: 3, delimiter: ',' });
    const bounds = [source.dataStart, ...cuts, size];
    const sizes = bounds.slice(1).map((end, i) => end - bounds[i]);
    // The first range is about a quarter of the data (1/(2·2)), each next one smaller, none tiny.
    expect(sizes[0] / (size - source.dataStart)).toBeCloseTo(0.25, 1);
    for (let i = 1; i < sizes.length - 1; i++) expect(sizes[i]).toBeLessThan(sizes[i - 1] + 200);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(minBytes);
    expect(sizes.length).toBeGreaterThan(8);
    const starts = await recordStarts(path);
    for (const cut of cuts) expect(starts.has(cut)).toBe(true);
    // With a ceiling, no planned range is larger than it (a cut moves on by at most a line).
    const capped = await findSplits(path, { start: source.dataStart, end: size, threads: 2, minBytes, maxBytes: 3000, notBefore: 0, width: 3, delimiter: ',' });
    const cappedBounds = [source.dataStart, ...capped, size];
    const cappedSizes = cappedBounds.slice(1).map((end, i) => end - cappedBounds[i]);
    expect(Math.max(...cappedSizes.slice(0, -1))).toBeLessThan(3000 + 200);
    expect(capped.length).toBeGreaterThan(cuts.length);
    // A tail: the same cuts, and one more that leaves a last range of at most that many bytes.
    const tailed = await findSplits(path, { start: source.dataStart, end: size, threads: 2, minBytes, tailBytes: 500, notBefore: 0, width: 3, delimiter: ',' });
    expect(tailed.slice(0, -1)).toEqual(cuts);
    const tail = size - tailed.at(-1)!;
    expect(tail).toBeGreaterThan(0);
    expect(tail).toBeLessThanOrEqual(500);
    expect(starts.has(tailed.at(-1)!)).toBe(true);
  });

  it('reads a range like the same rows of the whole file, lines counted from the range', async () => {
    const path = join(dir, 'whole.csv');
    writeFileSync(path, tricky(60));
    const whole = await readAll(await openCsv(path));
    const starts = [...(await recordStarts(path))].sort((a, b) => a - b);
    const [from, to] = [starts[10], starts[20]];
    const range = readRange(path, from, to, ',', 1_000_000);
    const rows: string[][] = [];
    const lines: number[] = [];
    for await (const batch of range.batches()) {
      rows.push(...batch.rows);
      lines.push(...batch.lines);
    }
    expect(rows).toEqual(whole.rows.slice(10, 20));
    const firstLine = whole.lines[10];
    expect(lines.map((l) => l + firstLine - 1)).toEqual(whole.lines.slice(10, 20));
    expect(firstLine + range.linesRead()).toBe(whole.lines[20]);
  });

  it('fails a range that ends inside a quoted cell', async () => {
    const path = join(dir, 'cut.csv');
    const text = tricky(10);
    writeFileSync(path, text);
    const inside = text.indexOf('line one, more\n') + 'line one, more\n'.length;
    const range = readRange(path, text.indexOf('\n') + 1, inside, ',', 1_000_000);
    await expect(async () => {
      for await (const _ of range.batches());
    }).rejects.toThrow(/unclosed quote/);
  });
});
