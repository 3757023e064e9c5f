import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ConversationAssembler } from '../../src/assemble/conversations.js';
import { IdSet } from '../../src/map/id-set.js';
import { readRange } from '../../src/read/range.js';

// Wanted cells of 13 characters or more may be slices of their record's decoded text, which keeps
// that whole text alive while the cell lives. What is kept for the whole audit, per row, must not
// be such a slice. Measured on the heap: 20,000 records of a 36-character id and a 2 kB cell
// (both read) would pin ~40 MB of text; their ids alone are ~3 MB.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const dir = mkdtempSync(join(tmpdir(), 'sa-own-string-'));
const ROWS = 20_000;
const text = Array.from({ length: ROWS }, (_, i) => `id-${String(i).padStart(8, '0')}-abcdef-abcdef-abcdef-x,${'b'.repeat(2000)}\n`).join('');
const path = join(dir, 'long.csv');
writeFileSync(path, text);

async function heldAfterReading(keep: (row: string[]) => void): Promise<number> {
  gc();
  const before = process.memoryUsage().heapUsed;
  for await (const batch of readRange(path, 0, Buffer.byteLength(text), ',', 1_000_000, [0, 1]).batches()) for (const row of batch.rows) keep(row);
  gc();
  return process.memoryUsage().heapUsed - before;
}

describe('cells kept for the whole audit', () => {
  it('the cells themselves are slices that would keep their records alive (the case guarded against)', async () => {
    const kept: string[] = [];
    expect(await heldAfterReading((row) => kept.push(row[0]))).toBeGreaterThan(30e6);
    expect(kept).toHaveLength(ROWS);
  });

  it('seen ids do not keep their records alive', async () => {
    const ids = new IdSet();
    expect(await heldAfterReading((row) => ids.add(row[0]))).toBeLessThan(10e6);
    expect(ids.has(`id-${'0'.repeat(8)}-abcdef-abcdef-abcdef-x`)).toBe(true);
  });

  it('messages waiting to be threaded do not keep their records alive', async () => {
    const a = new ConversationAssembler('reply-links', {});
    let n = 0;
    const held = await heldAfterReading((row) =>
      a.add({
        id: row[0],
        in_reply_to: row[0],
        conversation_id: row[0],
        author: row[0],
        subject: row[0],
        at: n,
        author_role: 'customer',
        public: true,
        file: 0,
        line: ++n,
      }),
    );
    expect(held).toBeLessThan(15e6);
    expect(a.finish()).toHaveLength(ROWS);
  });
});
