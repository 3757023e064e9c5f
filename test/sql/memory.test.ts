// DuckDB's memory on `audit --engine duckdb` (src/sql/memory.ts): bounded, spilling what does not
// fit into a folder inside the audit's private temporary folder, with the same results.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { businessClocks, runAudit } from '../../src/audit.js';
import { builtinPolicy } from '../../src/policy/default.js';
import { readInputs } from '../../src/reading.js';
import { loadTickets, openDuckDB } from '../../src/sql/duckdb.js';
import { UsageError } from '../../src/errors.js';
import { boundedMemory } from '../../src/sql/memory.js';
import { ticketCollector } from '../../src/sql/rows.js';
import { hasStackTrace, ROOT, runCli } from '../cli/run.js';

const SAMPLE = join(ROOT, 'fixtures/samples/zendesk-tickets.csv');

/** The folders the audit's sessions were bounded with, and the limits. */
const bounded: string[] = [];
const limits: (string | undefined)[] = [];
vi.mock('../../src/sql/memory.js', async (original) => {
  const real = await original<typeof import('../../src/sql/memory.js')>();
  return {
    ...real,
    boundedMemory: (dir: string, limit?: string) => {
      bounded.push(dir);
      limits.push(limit);
      return real.boundedMemory(dir, limit);
    },
  };
});

/** The rows of `sql` on a fresh session, bounded (spilling into `dir`) or not. */
async function rowsOf(statements: string[], sql: string): Promise<{ rows: Record<string, unknown>[]; spilled: string[] }> {
  const session = await openDuckDB();
  try {
    for (const s of statements) await session.run(s);
    const rows = await session.all(sql);
    const spilled = (await session.all('SELECT path FROM duckdb_temporary_files()')).map((r) => String(r.path));
    return { rows, spilled };
  } finally {
    session.close();
  }
}

describe('DuckDB memory on the duckdb engine', () => {
  it('--memory-limit sets the limit of a CSV audit (1GB without it); a size DuckDB reads, and only with --engine duckdb', async () => {
    limits.length = 0;
    const req = { files: [SAMPLE], policy: builtinPolicy(), by: [], maxBreaches: 10, strict: false, engine: 'duckdb' as const };
    const bounded256 = await runAudit({ ...req, memoryLimit: '256MB' });
    const free = await runAudit(req);
    expect(bounded256).toEqual(free);
    expect(limits).toEqual(['256MB', '1GB']);

    const limited = await runCli(['audit', SAMPLE, '--engine', 'duckdb', '--memory-limit', '1.5gib', '--format', 'json']);
    // The sample fails the built-in policy's gate (exit 1), as it does without the flag.
    expect(limited.code).toBe(1);
    expect(JSON.parse(limited.stdout).engine).toBe('duckdb');
    const wrong = await runCli(['audit', SAMPLE, '--engine', 'duckdb', '--memory-limit', 'lots']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--memory-limit takes a size such as 512MB, 4GB or 1.5GiB');
    const alone = await runCli(['audit', SAMPLE, '--memory-limit', '2GB']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--memory-limit goes with --engine duckdb.');
  });

  it('an audit bounds its session, spilling inside its private temporary folder, which is gone afterwards', async () => {
    bounded.length = 0;
    const req = { files: [SAMPLE], policy: builtinPolicy(), by: [], maxBreaches: 10, strict: false };
    const js = await runAudit(req);
    const sql = await runAudit({ ...req, engine: 'duckdb' });
    delete sql.engine;
    expect(sql).toEqual(js);
    expect(bounded).toHaveLength(1);
    expect(bounded[0].startsWith(join(tmpdir(), 'support-audit-'))).toBe(true);
    expect(existsSync(bounded[0])).toBe(false);
  });

  it('so does an audit of a Parquet file, and without a temporary folder it stops with exit 2 saying what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-memory-'));
    try {
      // The sample's canonical tickets as a Parquet file.
      const policy = builtinPolicy();
      const c = ticketCollector();
      const cardOptions = () => ({ by: [], maxBreaches: 10, timezone: 'UTC' });
      await readInputs({ files: [SAMPLE], policy, clocks: businessClocks(policy), strict: false, jobs: 1, createCard: c.createCard, cardOptions });
      const parquet = join(dir, 'tickets.parquet');
      const s = await openDuckDB();
      try {
        await loadTickets(s, c.tickets());
        await s.run(`COPY tickets TO '${parquet}' (FORMAT parquet)`);
      } finally {
        s.close();
      }
      bounded.length = 0;
      const report = await runAudit({ files: [parquet], policy, by: [], maxBreaches: 10, strict: false, engine: 'duckdb' });
      expect(report.inputs[0]).toMatchObject({ format: 'parquet', rows: 40 });
      expect(bounded).toHaveLength(1);
      expect(bounded[0].startsWith(join(tmpdir(), 'support-audit-'))).toBe(true);
      expect(existsSync(bounded[0])).toBe(false);

      const r = runCli(['audit', parquet, '--engine', 'duckdb'], { env: { TMPDIR: join(dir, 'no-such-folder') } });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`--engine duckdb cannot make a folder in the temporary folder ${join(dir, 'no-such-folder')} to spill into (ENOENT)`);
      expect(r.stderr).toContain('set TMPDIR to a folder with room, or leave out --engine.');
      expect(hasStackTrace(r.stderr)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sets the limit and the spill folder, and past the limit spills there with the same results', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-memory-'));
    try {
      const { rows: settings } = await rowsOf(boundedMemory(dir), "SELECT current_setting('memory_limit') AS m, current_setting('temp_directory') AS t");
      // 1GB is 10^9 bytes, which DuckDB shows in MiB.
      expect(settings).toEqual([{ m: '953.6 MiB', t: join(dir, 'duckdb-spill') }]);
      // A table and a window over 3M rows of 32-character text (about 150 MB) under a 64 MB limit.
      const query = `CREATE TABLE t AS SELECT i, md5(CAST(i AS VARCHAR)) AS s FROM range(3000000) AS r(i);
        SELECT count(*) AS n, sum(rn * (i % 7)) AS h FROM (SELECT i, row_number() OVER (ORDER BY s) AS rn FROM t)`;
      const free = await rowsOf([], query);
      const small = await rowsOf(boundedMemory(dir, '64MB'), query);
      expect(free.rows[0].n).toBe(3_000_000n);
      expect(small.rows).toEqual(free.rows);
      expect(free.spilled).toEqual([]);
      expect(small.spilled.length).toBeGreaterThan(0);
      for (const path of small.spilled) expect(path.startsWith(join(dir, 'duckdb-spill', ''))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('out of memory with no room left to spill: a usage error (exit 2) saying what to do, not an internal error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-memory-'));
    try {
      // 32 MB of memory and 4 MB of spill for about 150 MB of rows.
      const statements = [...boundedMemory(dir, '32MB'), "SET max_temp_directory_size = '4MB'"];
      const query = `CREATE TABLE t AS SELECT i, md5(CAST(i AS VARCHAR)) AS s FROM range(3000000) AS r(i);
        SELECT count(*) AS n FROM (SELECT row_number() OVER (ORDER BY s) AS rn FROM t)`;
      const failed = await rowsOf(statements, query).catch((err: unknown) => err);
      expect(failed).toBeInstanceOf(UsageError);
      expect((failed as Error).message).toMatch(
        new RegExp(
          `^--engine duckdb ran out of memory \\(DuckDB: Out of Memory Error: [^\n]+\\); what does not fit in its memory limit \\(--memory-limit, default 1GB\\) is spilled to the temporary folder ${tmpdir()}: set TMPDIR to a folder with room, give DuckDB more memory \\(--memory-limit\\), or leave out --engine\\.$`,
        ),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
