// A connection to a ClickHouse server or cluster over HTTP, for `--engine clickhouse` and for
// loading tickets (docs/sql.md "ClickHouse"). Through the official `@clickhouse/client`, an
// optional peer dependency: it is loaded when a connection is opened, and its absence is a usage
// error saying how to add it.
//
// The password comes from an environment variable only (never a flag, so never in the process
// list), and nothing this module says or returns carries it: the URL it reports has any
// user:password removed, and server messages pass through `scrub` before they are shown.
//
// ClickHouse 18.16 (Debian's package) needs two settings on every query, both known to current
// releases too: `output_format_json_quote_64bit_integers=0` (else Int64 and UInt64 come back as
// JSON strings) and `wait_end_of_query=1` (else an error after the first rows arrives in a 200
// response after some JSON, which the client can only report as a JSON syntax error). Its error
// text (`Code: 47, e.displayText() = DB::Exception: …, e.what() = DB::Exception`) is older than
// the client's parser, so the message is taken from it here. Queries also send
// `max_query_size` (16 MiB): the policy's SQL repeats each rule's subquery in every part of the
// result (18.16 has no CTEs), which passes the server's default of 256 KiB with a dozen rules.

import type { ClickHouseClient } from '@clickhouse/client';
import { InputError, UsageError } from '../errors.js';

export const DEFAULT_PASSWORD_ENV = 'SUPPORT_AUDIT_CLICKHOUSE_PASSWORD';
export const CLICKHOUSE_PACKAGE = '@clickhouse/client';

export interface ClickHouseOptions {
  /** `http://host:8123` or `https://…`; a user name in it is taken, a password is refused. */
  url: string;
  /** The table audited (a `Distributed` table over the cluster, or a local one). */
  table: string;
  /** Default: the URL's path (`http://host:8123/db`), else `default`. */
  database?: string;
  /** Default: the URL's user name, else `default`. */
  user?: string;
  /** The environment variable holding the password (default SUPPORT_AUDIT_CLICKHOUSE_PASSWORD; unset: no password). */
  passwordEnv?: string;
}

export interface ClickHouseConnection {
  /** The server's URL as a report may show it: no user, no password, no query. */
  readonly url: string;
  readonly database: string;
  readonly table: string;
  /** Rows of a SELECT as objects (JSONEachRow). `sql` carries no FORMAT clause. */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** A statement without rows (CREATE, DROP, …). */
  command(sql: string): Promise<void>;
  /** Rows into `table` (a name in this database, or `db.name`), as JSONEachRow. */
  insert(table: string, rows: readonly object[]): Promise<void>;
  close(): Promise<void>;
}

type ClientModule = typeof import('@clickhouse/client');
/** How the client package is loaded (a test stands in for a missing one). */
export type ClientLoader = () => Promise<ClientModule>;

const loadClient: ClientLoader = () => import('@clickhouse/client');

/** Settings sent with every query (see the head of this file for why). */
export const QUERY_SETTINGS = { output_format_json_quote_64bit_integers: 0, wait_end_of_query: 1, max_query_size: '16777216' } as const;

/** `url` without user, password, query or fragment, for reports and messages; unchanged when it is no URL. */
export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//');
  }
  u.username = '';
  u.password = '';
  u.search = '';
  u.hash = '';
  return u.toString().replace(/\/$/, '');
}

export async function openClickHouse(opts: ClickHouseOptions, load: ClientLoader = loadClient): Promise<ClickHouseConnection> {
  let parsed: URL;
  try {
    parsed = new URL(opts.url);
  } catch {
    throw new UsageError(`--url ${redactUrl(opts.url)} is not a URL: expected http://host:8123 or https://host:8443.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UsageError(`--url ${redactUrl(opts.url)} is not an HTTP URL: ClickHouse is reached over its HTTP interface (http://host:8123).`);
  }
  const passwordEnv = opts.passwordEnv ?? DEFAULT_PASSWORD_ENV;
  if (parsed.password) {
    throw new UsageError(`--url carries a password, which would show in the process list: remove it from the URL and set ${passwordEnv} instead.`);
  }
  const shown = redactUrl(opts.url);
  const user = opts.user ?? (parsed.username ? decodeURIComponent(parsed.username) : 'default');
  const fromPath = decodeURIComponent(parsed.pathname.replace(/^\/+|\/+$/g, ''));
  const database = opts.database ?? (fromPath || 'default');
  const password = process.env[passwordEnv] ?? '';

  const mod = await loadPackage(load);
  const base = new URL(shown);
  base.pathname = '/';
  const client: ClickHouseClient = mod.createClient({
    url: base.toString(),
    username: user,
    password,
    database,
    application: 'support-audit',
    log: { level: mod.ClickHouseLogLevel.OFF },
  });
  const fail = (err: unknown): never => {
    throw serverError(err, shown, password);
  };
  const conn: ClickHouseConnection = {
    url: shown,
    database,
    table: opts.table,
    async query<T>(sql: string): Promise<T[]> {
      try {
        const rs = await client.query({ query: stripEnd(sql), format: 'JSONEachRow', clickhouse_settings: QUERY_SETTINGS });
        return await rs.json<T>();
      } catch (err) {
        return fail(err);
      }
    },
    async command(sql: string): Promise<void> {
      try {
        await client.command({ query: stripEnd(sql), clickhouse_settings: { wait_end_of_query: 1 } });
      } catch (err) {
        fail(err);
      }
    },
    async insert(table: string, rows: readonly object[]): Promise<void> {
      if (rows.length === 0) return;
      try {
        await client.insert({ table, values: rows as object[], format: 'JSONEachRow' });
      } catch (err) {
        fail(err);
      }
    },
    close: () => client.close(),
  };
  // The server, the user and the password are checked now, before any work (/ping asks none).
  try {
    await conn.query('SELECT 1 AS ok');
  } catch (err) {
    await client.close();
    throw err;
  }
  return conn;
}

async function loadPackage(load: ClientLoader): Promise<ClientModule> {
  try {
    return await load();
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new UsageError(
        `--engine clickhouse needs the package ${CLICKHOUSE_PACKAGE}, which is not installed: add it with \`npm install ${CLICKHOUSE_PACKAGE}\` where support-audit is installed.`,
      );
    }
    throw err;
  }
}

/** A trailing `;` (the client adds FORMAT after the statement). */
function stripEnd(sql: string): string {
  return sql.replace(/[\s;]+$/, '');
}

/**
 * One sentence from a failed request: the server's own message (18.16's `Code: N,
 * e.displayText() = DB::Exception: MSG, e.what() = …` or a current `Code: N. DB::Exception: MSG.
 * (NAME) (version …)`), or the network's. The password never appears in it.
 */
export function serverError(err: unknown, url: string, password: string): InputError {
  const raw = err instanceof Error ? err.message : String(err);
  const netCode = (err as { code?: string }).code;
  let sentence: string;
  const m = /^Code: (\d+)[.,]\s*(?:e\.displayText\(\) = )?(?:DB::Exception: )?([\s\S]*?)(?:, e\.what\(\) = [\s\S]*)?\s*$/.exec(raw.trim());
  if (m) {
    const text = m[2]
      .replace(/\s*\(version [^)]*\)\s*$/, '')
      .replace(/\s+/g, ' ')
      .replace(/[.\s]+$/, '');
    sentence = `ClickHouse at ${url} refused the query: ${text} (code ${m[1]}).`;
  } else if (netCode && /^E[A-Z]+$/.test(netCode)) {
    sentence = `cannot reach ClickHouse at ${url}: ${raw.replace(/[.\s]+$/, '')}.`;
  } else {
    sentence = `ClickHouse at ${url} failed: ${raw.replace(/\s+/g, ' ').replace(/[.\s]+$/, '')}.`;
  }
  return new InputError(scrub(sentence, password), url, 'clickhouse');
}

/** `text` with every occurrence of the password (and its URL-encoded form) masked. */
export function scrub(text: string, password: string): string {
  if (password === '') return text;
  let out = text;
  for (const form of new Set([password, encodeURIComponent(password)])) out = out.split(form).join('***');
  return out;
}
