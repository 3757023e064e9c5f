import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { runAudit } from '../../src/audit.js';
import { RangePool } from '../../src/parallel/pool.js';
import { builtinPolicy } from '../../src/policy/default.js';
import { ROOT } from '../cli/run.js';
import { warmFor } from '../../src/parallel/reader.js';

// Workers are started before the first file is opened when one could be read in ranges (large,
// plain UTF-8), and not otherwise (booting one costs a core ~0.3 s for nothing).

const dir = mkdtempSync(join(tmpdir(), 'sa-warm-'));
const small = join(dir, 'small.csv');
const large = join(dir, 'large.csv');
writeFileSync(small, 'a,b\n1,2\n');
writeFileSync(large, 'a,b\n' + '1,2\n'.repeat(1000));
// Large on disk, but never split: a gzip file (stored, so that it stays as large) and UTF-16.
const gzipped = join(dir, 'large.csv.gz');
writeFileSync(gzipped, gzipSync(Buffer.from('a,b\n' + '1,2\n'.repeat(1000)), { level: 0 }));
const utf16 = join(dir, 'utf16.csv');
writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n' + '1,2\n'.repeat(1000), 'utf16le')]));

function pool() {
  let warmed = 0;
  return { pool: { warm: () => void warmed++ } as unknown as RangePool, warmed: () => warmed };
}

describe('warmFor', () => {
  it('starts the workers when an input is at least the smallest size worth splitting', async () => {
    const p = pool();
    await warmFor(p.pool, ['-', small, large], 2000);
    expect(p.warmed()).toBe(1);
  });

  it('leaves them when no input is: small files, stdin, a path that does not exist', async () => {
    const p = pool();
    await warmFor(p.pool, ['-', small, join(dir, 'missing.csv'), large], 1_000_000);
    expect(p.warmed()).toBe(0);
  });

  it('leaves them for large files that are read in one pass anyway: gzip, UTF-16', async () => {
    const p = pool();
    await warmFor(p.pool, [gzipped, utf16], 2000);
    expect(p.warmed()).toBe(0);
    await warmFor(p.pool, [gzipped, utf16, large], 2000);
    expect(p.warmed()).toBe(1);
  });
});

describe('the audit and its workers', () => {
  it('starts them for a file worth splitting, not with --strict (which reads in one pass)', async () => {
    const previous = process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES;
    process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES = '1000';
    const warm = vi.spyOn(RangePool.prototype, 'warm');
    try {
      const req = { files: [join(ROOT, 'fixtures/samples/zendesk-tickets.csv')], policy: builtinPolicy(), by: [], maxBreaches: 10, jobs: 2 };
      await runAudit({ ...req, strict: true });
      expect(warm).not.toHaveBeenCalled();
      await runAudit({ ...req, strict: false });
      expect(warm).toHaveBeenCalled();
    } finally {
      warm.mockRestore();
      if (previous === undefined) delete process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES;
      else process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES = previous;
    }
  });
});
