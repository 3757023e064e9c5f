#!/usr/bin/env node
// Loads help-desk exports into the canonical `tickets` table of a ClickHouse cluster (docs/sql.md
// "ClickHouse"): the exports are read with support-audit's own reader and mapping (the preset
// detected or given, the policy's inputs mapping), the tables are created on every shard (a
// MergeTree `<table>_local` and a Distributed `<table>` over the cluster), and each ticket goes to
// one shard's local table by its id (even last digit: the first URL; odd: the second).
//
//   node scripts/clickhouse-load.mjs --url http://127.0.0.1:29100 --url http://127.0.0.1:29103 \
//     [--user support_audit] [--database default] [--table tickets] [--cluster support_audit] \
//     [--policy support-audit.yml] [--preset zendesk] [--timezone Europe/Berlin] [--as-of ISO] \
//     [--replace] export.csv [more.csv …]
//
// One --url per shard, in the cluster's shard order (or --urls a,b). The password is read from
// SUPPORT_AUDIT_CLICKHOUSE_PASSWORD, never from a flag. The tickets are those an audit of the same
// files judges, each as it stood at the audit's as_of. Runs the built code (`npm run build`).
import { parseArgs } from 'node:util';

const { describeError } = await import('../dist/errors.js');

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string', multiple: true },
      urls: { type: 'string' },
      user: { type: 'string' },
      database: { type: 'string', default: 'default' },
      table: { type: 'string', default: 'tickets' },
      cluster: { type: 'string', default: 'support_audit' },
      policy: { type: 'string' },
      preset: { type: 'string' },
      timezone: { type: 'string' },
      'as-of': { type: 'string' },
      replace: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(
      'usage: node scripts/clickhouse-load.mjs --url URL [--url URL …] [--user U] [--database D] [--table T] [--cluster C] [--policy P] [--preset ID] [--timezone Z] [--as-of ISO] [--replace] FILE…\n',
    );
    return 0;
  }
  const { UsageError } = await import('../dist/errors.js');
  const urls = [...(values.url ?? []), ...(values.urls ? values.urls.split(',') : [])].map((u) => u.trim()).filter(Boolean);
  if (urls.length === 0) throw new UsageError("give the HTTP URL of every shard: --url URL (once per shard, in the cluster's shard order) or --urls URL,URL.");
  if (positionals.length === 0) throw new UsageError('give the exports to load (CSV files).');
  let asOf;
  if (values['as-of'] !== undefined) {
    asOf = Date.parse(values['as-of']);
    if (Number.isNaN(asOf)) throw new UsageError(`--as-of "${values['as-of']}" is not an ISO 8601 instant.`);
  }

  const { loadPolicy } = await import('../dist/policy/load.js');
  const { canonicalRows } = await import('../dist/engine/rows.js');
  const { openClickHouse } = await import('../dist/engine/clickhouse.js');
  const { loadTickets } = await import('../dist/engine/clickhouse-load.js');

  const policy = await loadPolicy({ path: values.policy, cwd: process.cwd() });
  const user = values.user ?? process.env.CLICKHOUSE_USER;
  const shards = [];
  try {
    // Connected first (a wrong URL or password fails before a large export is read), to the
    // `default` database: the one to load into may not exist yet.
    for (const url of urls) shards.push(await openClickHouse({ url, table: values.table, database: 'default', user }));
    const rows = await canonicalRows(positionals, policy, { preset: values.preset, timezone: values.timezone, asOf });
    const names = { database: values.database, table: values.table, cluster: values.cluster };
    const { rows: perShard } = await loadTickets(shards, rows.tickets, { ...names, replace: values.replace });
    const total = perShard.reduce((a, b) => a + b, 0);
    const asOfText = rows.asOf === null ? 'no as_of (no data)' : `as of ${new Date(rows.asOf).toISOString()}`;
    process.stdout.write(
      `loaded ${total} tickets into ${values.database}.${values.table} (${asOfText}): ${perShard.map((n, i) => `shard ${i + 1} (${shards[i].url}) ${n}`).join(', ')}\n`,
    );
    for (const f of rows.files) {
      const problems = f.problems.total ?? 0;
      process.stdout.write(
        `  ${f.path}: ${f.detection.preset.id}, ${f.rows} rows, ${f.used} used${problems ? `, ${problems} problems (run support-audit inspect on it)` : ''}\n`,
      );
    }
  } finally {
    for (const conn of shards) await conn.close();
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    const { exitCode, lines } = describeError(err);
    for (const line of lines) process.stderr.write(`${line}\n`);
    process.exitCode = exitCode;
  },
);
