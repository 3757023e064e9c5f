import { expect } from 'vitest';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { openCsv, type CsvSource, type OpenOptions } from '../../src/read/open-csv.js';

export const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/read/${name}`, import.meta.url));
export { realFile as realData } from '../support/real-data.js';

/** Every record and its line, read to the end. */
export async function readAll(source: CsvSource): Promise<{ rows: string[][]; lines: number[]; batchSizes: number[] }> {
  const rows: string[][] = [];
  const lines: number[] = [];
  const batchSizes: number[] = [];
  for await (const batch of source.batches()) {
    expect(batch.rows.length).toBe(batch.lines.length);
    batchSizes.push(batch.rows.length);
    for (let i = 0; i < batch.rows.length; i++) {
      rows.push(batch.rows[i]);
      lines.push(batch.lines[i]);
    }
  }
  return { rows, lines, batchSizes };
}

export async function openAndReadAll(path: string, opts?: OpenOptions) {
  const source = await openCsv(path, opts);
  return { source, ...(await readAll(source)) };
}

/** A stdin stand-in that hands out `chunks` and counts how many were pulled. */
export function countingStdin(chunks: Iterable<Buffer | string>): { stream: Readable; pulled: () => number } {
  let pulled = 0;
  function* gen() {
    for (const c of chunks) {
      pulled++;
      yield typeof c === 'string' ? Buffer.from(c) : c;
    }
  }
  return { stream: Readable.from(gen(), { objectMode: false, highWaterMark: 16 * 1024 }), pulled: () => pulled };
}

/** The code of the InputError `promise` rejects with (fails the test on success). */
export async function failureOf(promise: Promise<unknown>): Promise<{ code: string; message: string; path?: string }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { name: string; code: string; message: string; path?: string };
    expect(e.name).toBe('InputError');
    return { code: e.code, message: e.message, path: e.path };
  }
  throw new Error('expected an InputError, got success');
}
