// DuckDB in process through @duckdb/node-api, an optional peer dependency: loaded only when
// `--engine duckdb` is asked for, with a clear way out when it is not installed.

import type { Ticket } from '../types.js';
import { UsageError } from '../errors.js';
import { duckdb as dialect } from './dialect.js';
import { outOfMemory } from './memory.js';
import { columnValue, ticketsDdl, TICKET_COLUMNS } from './table.js';

type DuckDBApi = typeof import('@duckdb/node-api');
type Connection = Awaited<ReturnType<Awaited<ReturnType<DuckDBApi['DuckDBInstance']['create']>>['connect']>>;

export const DUCKDB_PACKAGE = '@duckdb/node-api';

export async function loadDuckDB(): Promise<DuckDBApi> {
  try {
    return (await import(DUCKDB_PACKAGE)) as DuckDBApi;
  } catch {
    throw new UsageError(
      `--engine duckdb needs the optional package ${DUCKDB_PACKAGE}, which is not installed: add it with "npm install ${DUCKDB_PACKAGE}" next to support-audit (or leave out --engine to use the built-in engine).`,
    );
  }
}

export interface DuckSession {
  api: DuckDBApi;
  connection: Connection;
  /** Runs a query and returns its rows as plain objects (BIGINT as bigint). */
  all(sql: string): Promise<Record<string, unknown>[]>;
  run(sql: string): Promise<void>;
  close(): void;
}

/** A failed statement's error, out of memory said as such (memory.ts). */
function rethrow(err: unknown): never {
  throw outOfMemory(err);
}

export async function openDuckDB(path?: string): Promise<DuckSession> {
  const api = await loadDuckDB();
  const instance = await api.DuckDBInstance.create(path ?? ':memory:', path ? { access_mode: 'READ_ONLY' } : undefined);
  const connection = await instance.connect();
  return {
    api,
    connection,
    all: async (sql) => (await connection.runAndReadAll(sql).catch(rethrow)).getRowObjectsJS() as Record<string, unknown>[],
    run: async (sql) => void (await connection.run(sql).catch(rethrow)),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Creates the canonical `tickets` table and appends the tickets to it. */
export async function loadTickets(session: DuckSession, tickets: readonly Ticket[], table = 'tickets'): Promise<void> {
  await session.run(ticketsDdl(dialect, table));
  const sink = await ticketSink(session, table, false);
  for (let r = 0; r < tickets.length; r++) sink.append(tickets[r], 0);
  sink.close();
}

export interface TicketSink {
  /** Appends one ticket, of reading `generation`. */
  append(t: Ticket, generation: number): void;
  close(): void;
}

/**
 * An appender into `table` (with a trailing `generation` column when `generations`): tickets go
 * to DuckDB as the reading hands them over, so the process never holds them all.
 */
export async function ticketSink(session: DuckSession, table: string, generations: boolean): Promise<TicketSink> {
  const { api } = session;
  const listType = api.LIST(api.VARCHAR);
  const appender = await session.connection.createAppender(table);
  return {
    append(ticket, generation) {
      for (let c = 0; c < TICKET_COLUMNS.length; c++) {
        const [name, kind] = TICKET_COLUMNS[c];
        const v = columnValue(ticket, name);
        if (v === undefined || v === null) {
          if (kind === 'tags') appender.appendList([], listType);
          else appender.appendNull();
          continue;
        }
        switch (kind) {
          case 'text':
            appender.appendVarchar(v as string);
            break;
          case 'instant':
            appender.appendBigInt(BigInt(v as number));
            break;
          case 'number':
            appender.appendDouble(v as number);
            break;
          case 'flag':
            appender.appendBoolean(v as boolean);
            break;
          case 'tags':
            appender.appendList(v as string[], listType);
            break;
        }
      }
      if (generations) appender.appendInteger(generation);
      appender.endRow();
    },
    close: () => appender.closeSync(),
  };
}
