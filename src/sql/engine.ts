// `audit --engine duckdb`: the tickets the reading stage mapped are loaded into an in-process
// DuckDB, the policy's SQL runs there, and its rows become the rules' findings.

import { dirname } from 'node:path';
import type { Clock } from '../measure/clock.js';
import type { Policy } from '../policy/types.js';
import type { Dimension } from '../report.js';
import type { Ticket } from '../types.js';
import { compile } from './compile.js';
import { duckdb } from './dialect.js';
import { openDuckDB, type DuckSession } from './duckdb.js';
import { boundedMemory, DUCKDB_MEMORY_LIMIT } from './memory.js';
import { stagedTable, ticketStage } from './stage.js';
import { TICKET_COLUMNS } from './table.js';
import { engineFindings, resultRow, type EngineFindings } from './findings.js';

const DAY = 86_400_000;

export type EngineName = 'duckdb' | 'clickhouse';

export interface EngineRequest {
  policy: Policy;
  asOf: number;
  since?: number;
  until?: number;
  available: ReadonlySet<string>;
  clocks: Record<string, Clock>;
  maxBreaches: number;
  explain?: string;
  /** Breakdowns (--by) and the keys each lists at most (--max-keys). */
  by?: readonly Dimension[];
  maxKeys?: number;
}

/** The instants the calendar tables must cover: from the earliest instant a clock counts from (`earliest`) to as_of, a day either side. */
export function calendarRange(earliest: number | null, asOf: number): { from: number; to: number } {
  const from = earliest === null || earliest > asOf ? asOf : earliest;
  return { from: from - DAY, to: asOf + DAY };
}

/**
 * A DuckDB session the reading streams its tickets into (`sink`), then `finish` judges those of
 * the last reading. `close` always, even when reading failed.
 *
 * The tickets are staged as JSON lines in a temporary file (one per reading; a second reading's
 * tickets replace the first's) and DuckDB reads the last one with its own parallel JSON reader:
 * one JSON.stringify per ticket, where an appender took one native call per cell.
 */
export async function duckdbReading(memoryLimit = DUCKDB_MEMORY_LIMIT): Promise<{
  sink: (t: Ticket, generation: number) => void;
  finish(req: EngineRequest, generation: number): Promise<EngineFindings>;
  close(): void;
}> {
  const session = await openDuckDB();
  const stage = ticketStage();
  return {
    sink: stage.add,
    async finish(req, generation) {
      const file = stage.end(generation);
      for (const statement of boundedMemory(dirname(file), memoryLimit)) await session.run(statement);
      await session.run(stagedTable(file, 'tickets', columnsRead(req)));
      return judgeTable(session, req);
    },
    close() {
      // DuckDB first: it removes what it spilled before the folder goes.
      try {
        session.close();
      } finally {
        stage.remove();
      }
    },
  };
}

/**
 * The canonical columns the policy's SQL reads: those its text names (as the ClickHouse dialect
 * finds its own), with the same breakdowns and inputs' fields as the audit's query. The range of the schedule tables does not change which columns are read, so a
 * day either side of as_of does. A column left out is loaded as NULLs (a Zendesk export's
 * subjects and requesters need not fill DuckDB's memory for rules that never read them).
 */
export function columnsRead(req: EngineRequest): Set<string> {
  const { query } = compile({
    policy: req.policy,
    dialect: duckdb,
    table: 'tickets',
    asOf: req.asOf,
    since: req.since,
    until: req.until,
    range: calendarRange(null, req.asOf),
    maxBreaches: req.maxBreaches,
    explain: req.explain,
    by: req.by,
    maxKeys: req.maxKeys,
    available: req.available,
  });
  return new Set(TICKET_COLUMNS.filter(([name]) => new RegExp(`\\b${name}\\b`).test(query)).map(([name]) => name));
}

/** Runs the policy's SQL on the session's `tickets` table (or view) and turns its rows into findings. */
export async function judgeTable(session: DuckSession, req: EngineRequest): Promise<EngineFindings> {
  // Business time is counted from creation, and also from a return request or a due time, which
  // may come before the earliest creation: the schedule tables cover those too.
  const [{ earliest }] = await session.all(
    `SELECT min(least(created_at, coalesce(return_requested_at, created_at), coalesce(due_at, created_at))) AS earliest FROM tickets WHERE created_at <= ${req.asOf}`,
  );
  const compiled = compile({
    policy: req.policy,
    dialect: duckdb,
    table: 'tickets',
    asOf: req.asOf,
    since: req.since,
    until: req.until,
    range: calendarRange(earliest === null ? null : Number(earliest), req.asOf),
    maxBreaches: req.maxBreaches,
    explain: req.explain,
    by: req.by,
    maxKeys: req.maxKeys,
    available: req.available,
  });
  for (const statement of compiled.setup) await session.run(statement);
  const rows = (await session.all(compiled.query)).map(resultRow);
  return engineFindings({
    policy: req.policy,
    plans: compiled.rules,
    rows,
    available: req.available,
    clocks: req.clocks,
    maxBreaches: req.maxBreaches,
    explain: req.explain,
    engine: 'duckdb',
    by: req.by,
    maxKeys: req.maxKeys,
  });
}
