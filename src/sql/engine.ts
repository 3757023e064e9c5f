// `audit --engine duckdb`: the tickets the reading stage mapped are loaded into an in-process
// DuckDB, the policy's SQL runs there, and its rows become the rules' findings.

import type { Clock } from '../measure/clock.js';
import type { Policy } from '../policy/types.js';
import type { Ticket } from '../types.js';
import { compile } from './compile.js';
import { duckdb } from './dialect.js';
import { createReadTable, openDuckDB, ticketSink, type DuckSession, type TicketSink } from './duckdb.js';
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
}

/** The instants the calendar tables must cover: from the earliest instant a clock counts from (`earliest`) to as_of, a day either side. */
export function calendarRange(earliest: number | null, asOf: number): { from: number; to: number } {
  const from = earliest === null || earliest > asOf ? asOf : earliest;
  return { from: from - DAY, to: asOf + DAY };
}

/**
 * A DuckDB session the reading streams its tickets into (`sink`), then `finish` judges those of
 * the last reading. `close` always, even when reading failed.
 */
export async function duckdbReading(): Promise<{
  sink: (t: Ticket, generation: number) => void;
  finish(req: EngineRequest, generation: number): Promise<EngineFindings>;
  close(): void;
}> {
  const session = await openDuckDB();
  let sink: TicketSink | undefined;
  try {
    await createReadTable(session, 'tickets_read');
    sink = await ticketSink(session, 'tickets_read', true);
  } catch (err) {
    session.close();
    throw err;
  }
  const open = sink;
  let closed = false;
  return {
    sink: (t, generation) => open.append(t, generation),
    async finish(req, generation) {
      open.close();
      closed = true;
      await session.run(`CREATE VIEW tickets AS SELECT * EXCLUDE (generation) FROM tickets_read WHERE generation = ${generation}`);
      return judgeTable(session, req);
    },
    close() {
      if (!closed) open.close();
      session.close();
    },
  };
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
  });
}
