// DuckDB's memory on `audit --engine duckdb` (docs/sql.md "Memory"). Left to itself DuckDB takes up
// to 80% of the machine's memory, and the policy's query holds every rule's facts about every
// ticket at once: 14 GB of peak RSS on a 5M-row export. Bounded, DuckDB writes what does not fit
// (the tickets table, the facts, the sorts) to its temporary directory and reads it back, with
// the same results. That directory is inside the audit's private temporary folder: the spilled
// blocks hold customers' tickets.

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { privateTempDir, type PrivateTempDir } from '../write-atomic.js';
import { duckdb as dialect } from './dialect.js';

/** DuckDB's memory limit for an audit (`memory_limit`, `--memory-limit`): what it may hold before it spills to disk. */
export const DUCKDB_MEMORY_LIMIT = '1GB';

/** `--memory-limit`: a size as DuckDB reads it (`512MB`, `4GB`, `1.5GiB`), spelled back in DuckDB's way. */
export function memoryLimitOption(text: string): string {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(kb|mb|gb|tb|kib|mib|gib|tib)\s*$/i.exec(text);
  if (!m || Number(m[1]) <= 0) {
    throw new UsageError(`--memory-limit takes a size such as 512MB, 4GB or 1.5GiB (KB, MB, GB, TB or KiB, MiB, GiB, TiB), not "${text}".`);
  }
  const unit = m[2].toUpperCase().replace('I', 'i');
  return `${m[1]}${unit}`;
}

/** The statements that bound a session's memory to `limit`, spilling into `dir` (a folder of this user only). */
export function boundedMemory(dir: string, limit = DUCKDB_MEMORY_LIMIT): string[] {
  return [`SET memory_limit = ${dialect.str(limit)}`, `SET temp_directory = ${dialect.str(join(dir, 'duckdb-spill'))}`];
}

/** A private temporary folder for DuckDB to spill into; without one, exit 2 saying what to do. */
export function spillFolder(): PrivateTempDir {
  try {
    return privateTempDir();
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new UsageError(
      `--engine duckdb cannot make a folder in the temporary folder ${tmpdir()} to spill into (${reason}): set TMPDIR to a folder with room, or leave out --engine.`,
    );
  }
}

/**
 * DuckDB out of memory (past its limit, with no room left to spill) is the machine's condition,
 * not a bug: a UsageError (exit 2) saying what to do. Any other error is returned as it is.
 */
export function outOfMemory(err: unknown): unknown {
  if (!(err instanceof Error) || !err.message.startsWith('Out of Memory Error')) return err;
  return new UsageError(
    `--engine duckdb ran out of memory (DuckDB: ${err.message.split('\n')[0]}); what does not fit in its memory limit (--memory-limit, default ${DUCKDB_MEMORY_LIMIT}) is spilled to the temporary folder ${tmpdir()}: set TMPDIR to a folder with room, give DuckDB more memory (--memory-limit), or leave out --engine.`,
  );
}
