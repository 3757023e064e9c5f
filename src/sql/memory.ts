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

/** DuckDB's memory limit for an audit (`memory_limit`): what it may hold before it spills to disk. */
export const DUCKDB_MEMORY_LIMIT = '1GB';

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
    `--engine duckdb ran out of memory (DuckDB: ${err.message.split('\n')[0]}); what does not fit in ${DUCKDB_MEMORY_LIMIT} is spilled to the temporary folder ${tmpdir()}: set TMPDIR to a folder with room, or leave out --engine.`,
  );
}
