// Loading canonical tickets into the ClickHouse `tickets` table of a cluster (docs/sql.md
// "ClickHouse"): the local MergeTree table and the Distributed table are created on every shard,
// and each ticket is inserted into one shard's local table, chosen by its id (`shardOf`).

import { clickhouse } from '../sql/dialect.js';
import { columnValue } from '../sql/table.js';
import type { Ticket } from '../types.js';
import type { ClickHouseConnection } from './clickhouse.js';
import { UsageError } from '../errors.js';
import {
  clickhouseType,
  distributedTableDdl,
  dropTablesDdl,
  localName,
  localTableDdl,
  qualified,
  quoteIdent,
  TICKET_COLUMNS,
  type TableNames,
} from './clickhouse-ddl.js';

/** Rows per INSERT. */
export const INSERT_BATCH = 10_000;

/**
 * One ticket as a JSONEachRow object of the canonical table (clickhouse-ddl.ts for the types);
 * `columns`: the canonical columns of the table loaded into, when it lacks some.
 */
export function ticketRow(t: Ticket, columns: readonly { name: string; kind: string }[] = TICKET_COLUMNS): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const { name, kind } of columns) {
    const v = columnValue(t, name);
    switch (kind) {
      case 'id':
      case 'created':
        row[name] = v;
        break;
      case 'text':
        row[name] = v === undefined ? '' : v;
        break;
      case 'tags':
        row[name] = v ?? [];
        break;
      case 'flag':
        row[name] = v === undefined ? null : v ? 1 : 0;
        break;
      default:
        // Instants and numbers: a NaN or an infinity is no value ClickHouse's JSON reads back; the reader makes neither.
        row[name] = typeof v === 'number' && Number.isFinite(v) ? v : null;
    }
  }
  return row;
}

/**
 * The shard (0-based, of `shards`) a ticket id goes to: by the parity (more generally, the
 * remainder) of its last digit, so `T-1`, `T-3` go to one shard and `T-2`, `T-4` to the other;
 * an id without a trailing digit by the sum of its character codes.
 */
export function shardOf(id: string, shards: number): number {
  const last = id.charCodeAt(id.length - 1) - 48;
  if (last >= 0 && last <= 9) return last % shards;
  let sum = 0;
  for (let i = 0; i < id.length; i++) sum += id.charCodeAt(i);
  return sum % shards;
}

export interface LoadOptions extends TableNames {
  /** Drop both tables first (else rows are added to what is there). */
  replace?: boolean;
}

/** Per shard, the rows inserted. */
export interface LoadResult {
  rows: number[];
}

/**
 * Creates the database and the tables on every shard (one connection each, in the cluster's shard
 * order) and inserts `tickets` across them. The connections' own database must exist already
 * (`default`): every name here is qualified with `opts.database`.
 */
export async function loadTickets(shards: ClickHouseConnection[], tickets: readonly Ticket[], opts: LoadOptions): Promise<LoadResult> {
  const absent = new Set<string>();
  for (const conn of shards) {
    if (opts.database !== 'default') await conn.command(`CREATE DATABASE IF NOT EXISTS ${quoteIdent(opts.database)}`);
    if (opts.replace) for (const sql of dropTablesDdl(opts)) await conn.command(sql);
    await conn.command(localTableDdl(opts));
    await conn.command(distributedTableDdl(opts));
    for (const name of await missingColumns(conn, opts)) absent.add(name);
  }
  // A table made with an older DDL (without the conversations' columns) takes ticket rows as
  // before; a conversation stops the load before any row is inserted.
  for (const name of absent) for (const t of tickets) if (columnValue(t, name) !== undefined) throw tableTooOld(opts, name);
  const columns = TICKET_COLUMNS.filter((c) => !absent.has(c.name));
  const target = qualified(opts.database, localName(opts));
  const batches: Record<string, unknown>[][] = shards.map(() => []);
  const rows = shards.map(() => 0);
  for (const t of tickets) {
    const s = shardOf(t.id, shards.length);
    batches[s].push(ticketRow(t, columns));
    if (batches[s].length >= INSERT_BATCH) {
      await shards[s].insert(target, batches[s]);
      rows[s] += batches[s].length;
      batches[s] = [];
    }
  }
  for (let s = 0; s < shards.length; s++) {
    await shards[s].insert(target, batches[s]);
    rows[s] += batches[s].length;
  }
  return { rows };
}

/** Columns only conversations fill, added after the first DDL: a table made before may lack them. */
const CONVERSATION_COLUMNS = ['outbound', 'customer_wrote'];

/** The conversations' columns the shard's local table lacks (made before they were added). */
async function missingColumns(conn: ClickHouseConnection, opts: TableNames): Promise<string[]> {
  const found = await conn.query<{ name: string }>(
    `SELECT name FROM system.columns WHERE database = ${clickhouse.str(opts.database)} AND table = ${clickhouse.str(localName(opts))}`,
  );
  const names = new Set(found.map((c) => c.name));
  return CONVERSATION_COLUMNS.filter((name) => !names.has(name));
}

/** A ticket has a value for a column the existing table lacks: say how to add it, never drop the value. */
function tableTooOld(opts: TableNames, name: string): UsageError {
  const kind = TICKET_COLUMNS.find((c) => c.name === name)!.kind;
  const table = qualified(opts.database, localName(opts));
  return new UsageError(
    `${table} has no column ${name}, which conversations from message exports fill (it was made before the column was): add it on every shard, ALTER TABLE ${table} ADD COLUMN ${name} ${clickhouseType(kind)} and the same for ${qualified(opts.database, opts.table)}, or load with --replace (docs/sql.md).`,
  );
}
