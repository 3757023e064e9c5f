// Properties over hostile and random input (fast-check). The reader and the mapper either read a
// file (problems counted, every record accounted for) or refuse it with an InputError: never any
// other exception. And through the whole pipeline, for random tickets: 0 ≤ compliance ≤ 1,
// met ≤ eligible, and auditing a file split in two gives the same report as the file whole
// (test/parallel/jobs-fuzz.test.ts: and --jobs 2 as --jobs 1).
// (Business time ≤ calendar time is a property of the clock: test/clock/properties.test.ts.)
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit.js';
import { InputError } from '../../src/errors.js';
import { ingestFile } from '../../src/ingest.js';
import { LatestTimes } from '../../src/map/latest-times.js';
import { builtinPolicy } from '../../src/policy/default.js';
import { openCsv } from '../../src/read/open-csv.js';
import { tempDir } from './helpers.js';
import { HEADER, line, request, ticket } from './random-tickets.js';

const stdin = (bytes: Uint8Array) => Readable.from([Buffer.from(bytes)]);

/** Reads everything; returns the records read, or the InputError; rethrows anything else. */
async function readAll(bytes: Uint8Array): Promise<number | InputError> {
  try {
    const source = await openCsv('-', { stdin: stdin(bytes), maxRecordSize: 4096 });
    let rows = 0;
    for await (const batch of source.batches()) rows += batch.rows.length;
    return rows;
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
}

// Bytes that matter to a CSV reader: quotes, delimiters, line ends, NUL, BOM and UTF-16 bytes,
// invalid UTF-8, gzip and ZIP magic, letters.
const csvByte = fc.constantFrom(
  0x22,
  0x2c,
  0x3b,
  0x09,
  0x7c,
  0x0a,
  0x0d,
  0x00,
  0xef,
  0xbb,
  0xbf,
  0xff,
  0xfe,
  0x1f,
  0x8b,
  0x50,
  0x4b,
  0x61,
  0x31,
  0x20,
  0xc3,
  0x1b,
);
const prefix = fc.constantFrom(
  [],
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0x1f, 0x8b, 0x08, 0x00],
  [0x50, 0x4b, 0x03, 0x04],
  [...Buffer.from('id,channel,created_at\n')],
);
const randomInput = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  fc.tuple(prefix, fc.array(csvByte, { maxLength: 3000 })).map(([p, rest]) => Uint8Array.from([...p, ...rest])),
);

describe('the reader never crashes', () => {
  it('random bytes: records or an InputError with a code, never another exception', async () => {
    await fc.assert(
      fc.asyncProperty(randomInput, async (bytes) => {
        const result = await readAll(bytes);
        if (result instanceof InputError) {
          expect(result.code).toMatch(/^[a-z-]+$/);
          expect(result.message.startsWith('stdin: ')).toBe(true);
        } else {
          expect(result).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});

// Cells a hostile or damaged export holds, for any column.
const cell = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '2024-03-04T08:00:00Z',
    '2024-03-31 02:30:00',
    '2024-10-27 02:30',
    '04/03/2024 11:00',
    '13/03/2024',
    '45000.5',
    '1.03006E+13',
    '1,55,157',
    '-30',
    '3.0',
    'email',
    'chat',
    'solved',
    'urgent',
    'Good',
    '5',
    'spam;billing',
    'true',
    '"',
    '""',
    'a"b',
    '\u001b[2J',
    '<script>',
    '=cmd',
    'x\ny',
    '\r',
    '2031-01-01T00:00:00Z',
    'NaN',
    'Infinity',
    '9'.repeat(40),
  ),
  fc.string({ maxLength: 12 }),
);
const COLUMNS = [
  'id',
  'channel',
  'created_at',
  'first_response_at',
  'solved_at',
  'status',
  'priority',
  'tags',
  'csat',
  'reopens',
  'wait_seconds',
  'agent',
  'first_response_minutes',
  'updated_at',
  'due_at',
];

function quoteCell(c: string, broken: boolean): string {
  if (broken) return c;
  return /[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
}

const randomCsv = fc
  .record({
    extra: fc.subarray(COLUMNS.slice(3)),
    rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 16 }), { maxLength: 40 }),
    broken: fc.boolean(),
    crlf: fc.boolean(),
  })
  .map(({ extra, rows, broken, crlf }) => {
    const header = ['id', 'channel', 'created_at', ...extra];
    const end = crlf ? '\r\n' : '\n';
    return header.join(',') + end + rows.map((r) => r.map((c) => quoteCell(c, broken)).join(',')).join(end) + end;
  });

describe('the mapper never crashes', () => {
  it('random CSV: every record used or skipped with a problem, or an InputError', async () => {
    const policy = builtinPolicy();
    await fc.assert(
      fc.asyncProperty(randomCsv, fc.constantFrom(undefined, 'Europe/Berlin'), async (text, timezone) => {
        try {
          const file = await ingestFile(
            '-',
            0,
            { inputs: policy.inputs, zones: { flag: timezone }, strict: false, times: new LatestTimes(), stdin: stdin(Buffer.from(text)) },
            { ticket() {}, message() {} },
          );
          const lines = new Set(
            file.problems
              .shown()
              .filter((p) => p.line > 1)
              .map((p) => p.line),
          );
          expect(lines.size).toBeGreaterThanOrEqual(file.rows - file.used);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
        }
      }),
      { numRuns: 200 },
    );
  });
});

let dir = '';
beforeAll(() => {
  dir = tempDir('fuzz');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('pipeline invariants for random tickets', () => {
  it('0 ≤ compliance ≤ 1, met ≤ eligible; a file split in two gives the same report as the whole', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(ticket, { minLength: 1, maxLength: 60 }), fc.nat(), async (tickets, cutSeed) => {
        run++;
        const rows = tickets.map(line);
        const cut = cutSeed % (rows.length + 1);
        const whole = join(dir, `whole-${run}.csv`);
        const a = join(dir, `a-${run}.csv`);
        const b = join(dir, `b-${run}.csv`);
        writeFileSync(whole, HEADER + rows.join(''));
        writeFileSync(a, HEADER + rows.slice(0, cut).join(''));
        writeFileSync(b, HEADER + rows.slice(cut).join(''));
        const one = await runAudit(request([whole]));
        const two = await runAudit(request([a, b]));
        for (const r of one.rules) {
          expect(r.met).toBeLessThanOrEqual(r.eligible);
          if (r.compliance !== null) {
            expect(r.compliance).toBeGreaterThanOrEqual(0);
            expect(r.compliance).toBeLessThanOrEqual(1);
          }
        }
        if (one.summary.score !== null) expect(one.summary.score).toBeLessThanOrEqual(100);
        expect(two.inputs.reduce((n, i) => n + i.rows, 0)).toBe(one.inputs[0].rows);
        expect({ ...two, inputs: [] }).toEqual({ ...one, inputs: [] });
      }),
      { numRuns: 40 },
    );
  });
});
