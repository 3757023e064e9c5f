// --jobs 2 gives the report of --jobs 1, to the last digit, wherever the byte ranges cut a file
// of random tickets (test/bad-input/fuzz.test.ts: the pipeline's other invariants). The ranges
// are read by worker threads, which run the build (dist/parallel/worker.js).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit.js';
import { tempDir } from '../bad-input/helpers.js';
import { HEADER, line, request, ticket } from '../bad-input/random-tickets.js';

let dir = '';
beforeAll(() => {
  dir = tempDir('jobs-fuzz');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('parallel byte ranges for random tickets', () => {
  it('--jobs 1 and --jobs 2 give the same report, to the last digit, wherever the file is cut', async () => {
    const previous = process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES;
    let run = 0;
    let split = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(ticket, { minLength: 10, maxLength: 80 }), fc.integer({ min: 64, max: 1024 }), async (tickets, minRange) => {
          run++;
          const file = join(dir, `jobs-${run}.csv`);
          writeFileSync(file, HEADER + tickets.map(line).join(''));
          // Ranges as small as a row or two, so the multi-thread path really runs.
          process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES = String(minRange);
          const one = JSON.stringify(await runAudit({ ...request([file]), jobs: 1 }));
          let ranges = 0;
          const two = JSON.stringify(await runAudit({ ...request([file]), jobs: 2, onRanges: (_p, n) => (ranges = n) }));
          if (ranges > 1) split++;
          expect(two).toBe(one);
        }),
        { numRuns: 25 },
      );
    } finally {
      if (previous === undefined) delete process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES;
      else process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES = previous;
    }
    expect(split).toBeGreaterThan(15);
  }, 120_000);
});
