// `audit --engine clickhouse --url URL --table NAME`: the policy's SQL runs on a ClickHouse server
// or cluster (a Distributed table) holding canonical tickets; the report is built from its rows as
// for the other engines. Nothing is read from files: `inputs` is empty, and the fields a rule
// needs count as present when the table holds a value in them.

import { businessClocks } from '../audit.js';
import { openClickHouse } from '../engine/clickhouse.js';
import { UsageError } from '../errors.js';
import type { Policy } from '../policy/types.js';
import type { Dimension, Report } from '../report.js';
import { compile } from './compile.js';
import { clickhouse } from './dialect.js';
import { calendarRange } from './engine.js';
import { engineFindings, resultRow } from './findings.js';
import { tableReport } from './report.js';
import { TICKET_COLUMNS } from './table.js';

/** What the audit needs of a ClickHouse connection (src/engine/clickhouse.ts openClickHouse). */
export interface ClickHouseQuerier {
  readonly table: string;
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

export interface ClickHouseAuditRequest {
  policy: Policy;
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
}

/**
 * The canonical columns holding at least one value (text: not empty; tags: a non-empty list), and
 * the table's columns (undefined when the server does not list them). A table made with an older
 * DDL lacks the newest columns (`outbound`, `customer_wrote`): the query reads them as NULL.
 */
async function presentFields(db: ClickHouseQuerier): Promise<{ available: Set<string>; columns: Set<string> | undefined }> {
  const dot = db.table.indexOf('.');
  const database = dot < 0 ? 'currentDatabase()' : clickhouse.str(db.table.slice(0, dot));
  const name = clickhouse.str(db.table.slice(dot + 1));
  const columns = (await db.query<{ name: string }>(`SELECT name FROM system.columns WHERE database = ${database} AND table = ${name}`)).map((c) => c.name);
  const known = TICKET_COLUMNS.filter(([name]) => columns.length === 0 || columns.includes(name));
  const counts = known.map(
    ([name, kind]) =>
      `${kind === 'tags' ? `countIf(notEmpty(${name}))` : kind === 'text' ? `countIf(ifNull(${name}, '') != '')` : `count(${name})`} AS ${name}`,
  );
  const [row] = await db.query<Record<string, unknown>>(`SELECT ${counts.join(', ')} FROM ${db.table}`);
  const available = new Set(known.map(([name]) => name).filter((name) => Number(row[name]) > 0));
  return { available, columns: columns.length === 0 ? undefined : new Set(columns) };
}

export async function runClickHouseAudit(req: ClickHouseAuditRequest, db: ClickHouseQuerier): Promise<Report> {
  const { policy } = req;
  if (req.explain && !policy.rules.some((r) => r.id === req.explain)) throw new UsageError(`unknown rule "${req.explain}".`);
  const { available, columns } = await presentFields(db);
  const latest = TICKET_COLUMNS.filter(([, kind]) => kind === 'instant')
    .map(([name]) => `coalesce(max(${name}), 0)`)
    .reduce((a, b) => `greatest(${a}, ${b})`);
  const [bounds] = await db.query<{ latest: unknown; earliest: unknown; rows: unknown }>(
    `SELECT ${latest} AS latest, min(created_at) AS earliest, count() AS rows FROM ${db.table}`,
  );
  const rows = Number(bounds.rows);
  const asOf = req.asOf ?? (rows > 0 ? Number(bounds.latest) : 0);
  const compiled = compile({
    policy,
    dialect: clickhouse,
    table: db.table,
    asOf,
    since: req.since,
    until: req.until,
    range: calendarRange(rows > 0 ? Number(bounds.earliest) : null, asOf),
    maxBreaches: req.maxBreaches,
    explain: req.explain,
    by: req.by,
    maxKeys: req.maxKeys,
    available,
    columns,
  });
  const result = (await db.query<Record<string, unknown>>(compiled.query)).map(resultRow);
  const found = engineFindings({
    policy,
    plans: compiled.rules,
    rows: result,
    available,
    clocks: businessClocks(policy),
    maxBreaches: req.maxBreaches,
    explain: req.explain,
    engine: 'clickhouse',
    by: req.by,
    maxKeys: req.maxKeys,
  });
  return tableReport({ ...req, engine: 'clickhouse', asOf: rows === 0 && req.asOf === undefined ? null : asOf, inputs: [], found });
}

/** A connection to the server (src/engine/clickhouse.ts; it loads @clickhouse/client when called). */
export async function connectClickHouse(url: string, table: string): Promise<ClickHouseQuerier> {
  return openClickHouse({ url, table });
}
