// `audit --engine duckdb` on a Parquet file or a DuckDB database file: the tickets are already
// canonical there (docs/sql.md "The tickets table"), so nothing is mapped: DuckDB reads them
// directly. Columns the file lacks are NULL; a rule's fields count as present when the file holds
// a value in them. as_of is --as-of, else the latest instant in the file.

import { businessClocks } from '../audit.js';
import { InputError } from '../errors.js';
import type { Policy } from '../policy/types.js';
import type { Dimension, Report } from '../report.js';
import type { PrivateTempDir } from '../write-atomic.js';
import { duckdb } from './dialect.js';
import { openDuckDB, type DuckSession } from './duckdb.js';
import { judgeTable } from './engine.js';
import { boundedMemory, spillFolder } from './memory.js';
import { tableReport } from './report.js';
import { TICKET_COLUMNS } from './table.js';

export type TableFormat = 'parquet' | 'duckdb';

/** A Parquet or DuckDB file by its extension; undefined for anything else (read as CSV). */
export function tableFormat(path: string): TableFormat | undefined {
  if (/\.parquet$/i.test(path)) return 'parquet';
  if (/\.(duckdb|ddb)$/i.test(path)) return 'duckdb';
  return undefined;
}

export interface TableAuditRequest {
  policy: Policy;
  path: string;
  format: TableFormat;
  asOf?: number;
  since?: number;
  until?: number;
  maxBreaches: number;
  explain?: string;
  /** Breakdowns (--by) and the keys each lists at most (--max-keys). */
  by?: readonly Dimension[];
  maxKeys?: number;
  minScore?: number;
  failOn?: 'error' | 'warn';
  /** DuckDB's memory limit (memory.ts); default DUCKDB_MEMORY_LIMIT. */
  memoryLimit?: string;
}

/** A view `tickets` over the file with every canonical column (NULL where the file has none); the columns it has. */
async function ticketsView(session: DuckSession, path: string, format: TableFormat): Promise<Set<string>> {
  const quoted = duckdb.str(path);
  let source: string;
  try {
    if (format === 'duckdb') {
      await session.run(`ATTACH ${quoted} AS source (READ_ONLY)`);
      source = 'source.tickets';
    } else source = `read_parquet(${quoted})`;
    const described = await session.all(`DESCRIBE SELECT * FROM ${source}`);
    const columns = new Set(described.map((c) => String(c.column_name)));
    for (const required of ['id', 'created_at']) {
      if (!columns.has(required)) throw new InputError(`${path}: no column ${required}; a table of canonical tickets needs id and created_at (docs/sql.md).`);
    }
    const list = TICKET_COLUMNS.map(([name, kind]) => {
      const type = duckdb.columnType(kind, false);
      return columns.has(name) ? `CAST(${name} AS ${type}) AS ${name}` : `CAST(NULL AS ${type}) AS ${name}`;
    });
    await session.run(`CREATE VIEW tickets AS SELECT ${list.join(', ')} FROM ${source}`);
    return columns;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const what = format === 'duckdb' ? 'a DuckDB database with a tickets table' : 'a Parquet file';
    throw new InputError(`${path}: cannot be read as ${what}: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** The canonical fields holding at least one value (text: not empty; tags: a non-empty list). */
async function presentFields(session: DuckSession, columns: Set<string>): Promise<Set<string>> {
  const known = TICKET_COLUMNS.filter(([name]) => columns.has(name));
  const counts = known.map(
    ([name, kind]) =>
      `${kind === 'tags' ? `count(*) FILTER (WHERE len(${name}) > 0)` : kind === 'text' ? `count(*) FILTER (WHERE ${name} <> '')` : `count(${name})`} AS "${name}"`,
  );
  const [row] = await session.all(`SELECT ${counts.join(', ')} FROM tickets`);
  return new Set(known.map(([name]) => name).filter((name) => Number(row[name]) > 0));
}

export async function duckdbTableAudit(req: TableAuditRequest): Promise<Report> {
  const session = await openDuckDB();
  let spill: PrivateTempDir | undefined;
  try {
    // Bounded as on a CSV export (memory.ts), spilling into a folder of this user only.
    spill = spillFolder();
    for (const statement of boundedMemory(spill.path, req.memoryLimit)) await session.run(statement);
    const columns = await ticketsView(session, req.path, req.format);
    const available = await presentFields(session, columns);
    const latest = TICKET_COLUMNS.filter(([, kind]) => kind === 'instant')
      .map(([name]) => `coalesce(max(${name}), 0)`)
      .join(', ');
    const [bounds] = await session.all(`SELECT greatest(${latest}) AS latest, count(*) AS rows FROM tickets`);
    const rows = Number(bounds.rows);
    const asOf = req.asOf ?? (rows > 0 ? Number(bounds.latest) : 0);
    const [{ after }] = await session.all(`SELECT count(*) AS after FROM tickets WHERE created_at > ${asOf}`);
    const found = await judgeTable(session, {
      policy: req.policy,
      asOf,
      since: req.since,
      until: req.until,
      available,
      clocks: businessClocks(req.policy),
      maxBreaches: req.maxBreaches,
      explain: req.explain,
      by: req.by,
      maxKeys: req.maxKeys,
    });
    return tableReport({
      ...req,
      engine: 'duckdb',
      asOf: rows === 0 && req.asOf === undefined ? null : asOf,
      found,
      inputs: [
        {
          path: req.path,
          format: req.format,
          encoding: 'binary',
          encoding_source: 'default',
          rows,
          used: rows,
          skipped: 0,
          problems: [],
          problem_counts: {},
          timezone: 'UTC',
          timezone_source: 'assumed',
          local_times: 0,
          replaced: 0,
          after_as_of: Number(after),
        },
      ],
    });
  } finally {
    // DuckDB first: it removes what it spilled before the folder goes.
    try {
      session.close();
    } finally {
      spill?.remove();
    }
  }
}
