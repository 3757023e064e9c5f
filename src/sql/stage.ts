// The canonical tickets of a reading, on their way into DuckDB: JSON lines in a temporary file,
// one file per reading (a second reading of the same inputs replaces the first, so only the last
// file is loaded). DuckDB reads the file with its own JSON reader, on every core, with the
// column types given here: nothing is inferred.

import { closeSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { privateTempDir, type PrivateTempDir } from '../write-atomic.js';
import type { Ticket } from '../types.js';
import { duckdb as dialect } from './dialect.js';
import { TICKET_COLUMNS } from './table.js';

/** The canonical columns. */
const KEYS: string[] = TICKET_COLUMNS.map(([name]) => name);
/** The number columns: JSON has no infinity (JSON.stringify writes null), DuckDB reads "Infinity" as one. */
const NUMBERS: string[] = TICKET_COLUMNS.filter(([, kind]) => kind === 'number').map(([name]) => name);
/** Lines gathered before one write. */
const BATCH = 2048;

export interface TicketStage {
  add(t: Ticket, generation: number): void;
  /** The file of reading `generation`, complete. */
  end(generation: number): string;
  /** Removes the files (always, also after a failure). */
  remove(): void;
}

export function ticketStage(): TicketStage {
  let dir: PrivateTempDir | undefined;
  let fd = -1;
  let current = -1;
  let lines: string[] = [];
  const fileOf = (generation: number) => join(dir!.path, `tickets-${generation}.jsonl`);
  const remove = () => {
    if (fd >= 0) closeSync(fd);
    fd = -1;
    dir?.remove();
    dir = undefined;
  };
  /** A failure to stage is the machine's (no temporary folder, a full disk): said as such, exit 2. */
  const failed = (err: unknown): never => {
    remove();
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new UsageError(
      `--engine duckdb cannot keep the mapped tickets in the temporary folder ${tmpdir()} (${reason}): set TMPDIR to a folder with room, or leave out --engine.`,
    );
  };
  const write = () => {
    if (lines.length === 0) return;
    lines.push('');
    const bytes = Buffer.from(lines.join('\n'));
    lines = [];
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (err) {
      failed(err);
    }
  };
  const open = (generation: number) => {
    if (fd >= 0) {
      write();
      closeSync(fd);
      fd = -1;
    }
    try {
      // Customers' names and addresses: a folder (0700) and files (0600) of this user only,
      // removed when the audit ends, at exit if it ends some other way, and on SIGINT/SIGTERM.
      if (!dir) dir = privateTempDir();
      fd = openSync(fileOf(generation), 'wx', 0o600);
    } catch (err) {
      failed(err);
    }
    current = generation;
  };
  return {
    add(t, generation) {
      if (generation !== current) open(generation);
      lines.push(jsonLine(t));
      if (lines.length === BATCH) write();
    },
    end(generation) {
      if (generation !== current) open(generation);
      write();
      closeSync(fd);
      fd = -1;
      return fileOf(generation);
    },
    remove,
  };
}

/** The ticket's canonical fields as one line of JSON; an infinite number (a 400-digit cell) as a string. */
function jsonLine(t: Ticket): string {
  const r = t as unknown as Record<string, unknown>;
  for (let i = 0; i < NUMBERS.length; i++) {
    const v = r[NUMBERS[i]];
    if (typeof v === 'number' && v - v !== 0) {
      const copy: Record<string, unknown> = {};
      for (const key of KEYS) copy[key] = typeof r[key] === 'number' && !Number.isFinite(r[key]) ? String(r[key]) : r[key];
      return JSON.stringify(copy);
    }
  }
  // The whole ticket: V8's plain JSON.stringify is several times faster than one given a key
  // list, and DuckDB skips the keys its columns do not name (file, line, the extra durations).
  return JSON.stringify(t);
}

/**
 * `CREATE TABLE name AS` the tickets of a staged file, every canonical column typed; only the
 * columns in `read` (default: all) are taken from the file, the others are NULL.
 */
export function stagedTable(file: string, name: string, read?: ReadonlySet<string>): string {
  const taken = TICKET_COLUMNS.filter(([column]) => !read || read.has(column));
  const columns = taken.map(([column, kind]) => `${column}: '${dialect.columnType(kind, false)}'`).join(', ');
  const list = TICKET_COLUMNS.map(([column, kind]) => {
    const type = dialect.columnType(kind, false);
    if (read && !read.has(column)) return kind === 'tags' ? `CAST([] AS ${type}) AS ${column}` : `CAST(NULL AS ${type}) AS ${column}`;
    return kind === 'tags' ? `coalesce(${column}, []) AS ${column}` : column;
  }).join(', ');
  return `CREATE TABLE ${name} AS SELECT ${list} FROM read_json(${dialect.str(file)}, format = 'newline_delimited', columns = {${columns}})`;
}
