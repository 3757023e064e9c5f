// `--engine duckdb` on a Parquet file and on a DuckDB database with a `tickets` table: the
// canonical tickets of the Zendesk sample, written there, give the rules the CSV gives; so do
// conversations assembled from message exports, but promise-updates, which reads every agent
// update time of a thread.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { businessClocks, runAudit } from '../../src/audit.js';
import { builtinPolicy } from '../../src/policy/default.js';
import { DEFAULT_RULE_IDS } from '../../src/policy/default-document.js';
import { loadPolicy } from '../../src/policy/load.js';
import { readInputs } from '../../src/reading.js';
import { loadTickets, openDuckDB } from '../../src/sql/duckdb.js';
import { ticketCollector } from '../../src/sql/rows.js';
import { ROOT, runCli } from '../cli/run.js';

const SAMPLE = join(ROOT, 'fixtures/samples/zendesk-tickets.csv');
const dir = mkdtempSync(join(tmpdir(), 'sql-table-'));

/** The canonical tickets of `file` (read with `policy`) written to `out` (Parquet, or a DuckDB file's `tickets`), optionally columns left out. */
async function write(out: string, drop?: string | string[], policy = builtinPolicy(), file: string | string[] = SAMPLE): Promise<void> {
  const c = ticketCollector();
  await readInputs({
    files: typeof file === 'string' ? [file] : file,
    policy,
    clocks: businessClocks(policy),
    strict: false,
    jobs: 1,
    createCard: c.createCard,
    cardOptions: () => ({ by: [], maxBreaches: 10, timezone: 'UTC' }),
  });
  const s = await openDuckDB();
  try {
    await loadTickets(s, c.tickets());
    for (const column of typeof drop === 'string' ? [drop] : (drop ?? [])) await s.run(`ALTER TABLE tickets DROP COLUMN ${column}`);
    if (out.endsWith('.parquet')) await s.run(`COPY tickets TO '${out}' (FORMAT parquet)`);
    else {
      await s.run(`ATTACH '${out}' AS o`);
      await s.run('CREATE TABLE o.tickets AS SELECT * FROM tickets');
      await s.run('DETACH o');
    }
  } finally {
    s.close();
  }
}

describe('--engine duckdb on Parquet and DuckDB files', () => {
  it('computes the rules the CSV gives', async () => {
    const req = { policy: builtinPolicy(), by: [], maxBreaches: 10, strict: false };
    const csv = await runAudit({ ...req, files: [SAMPLE] });
    for (const name of ['sample.parquet', 'sample.duckdb']) {
      const path = join(dir, name);
      await write(path);
      const table = await runAudit({ ...req, files: [path], engine: 'duckdb', asOf: Date.parse(csv.as_of!) });
      expect(table.inputs[0]).toMatchObject({ path, format: name.endsWith('.parquet') ? 'parquet' : 'duckdb', rows: 40, used: 40, after_as_of: 0 });
      const computed = table.rules.filter((r) => r.status !== 'unsupported');
      expect(computed.map((r) => r.id)).toEqual([...DEFAULT_RULE_IDS]);
      for (const r of computed) expect(r).toEqual(csv.rules.find((x) => x.id === r.id));
      expect(table.distributions).toEqual(csv.distributions);
    }
  }, 60_000);

  it('reads a file made before the outbound and customer_wrote columns as ticket rows (NULL there)', async () => {
    const req = { policy: builtinPolicy(), by: [], maxBreaches: 10, strict: false };
    const csv = await runAudit({ ...req, files: [SAMPLE] });
    const path = join(dir, 'old-columns.parquet');
    await write(path, ['outbound', 'customer_wrote']);
    const table = await runAudit({ ...req, files: [path], engine: 'duckdb', asOf: Date.parse(csv.as_of!) });
    expect(table.rules).toEqual(csv.rules);
    expect(table.distributions).toEqual(csv.distributions);
  }, 60_000);

  // fixtures/sql/threads/: ticket rows joined to conversations (outbound ones, bot greetings
  // without a customer message), written as a table. Its outbound column holds values, so
  // promise-updates (every agent update time of a thread, which the table cannot hold) is not
  // computed; every other rule equals the built-in engine on the exports, at the as_of of the
  // reading the table was written from (customer_wrote is as it stood then).
  it('computes the rules on a table written from message conversations, promise-updates unsupported saying why', async () => {
    const files = [join(ROOT, 'fixtures/sql/threads/tickets.csv'), join(ROOT, 'fixtures/sql/threads/messages.csv')];
    const req = { policy: builtinPolicy(), by: [], maxBreaches: 10, strict: false };
    const csv = await runAudit({ ...req, files });
    for (const name of ['threads.parquet', 'threads.duckdb']) {
      const path = join(dir, name);
      await write(path, undefined, builtinPolicy(), files);
      const table = await runAudit({ ...req, files: [path], engine: 'duckdb', asOf: Date.parse(csv.as_of!) });
      expect(table.rules.filter((r) => r.status === 'unsupported').map((r) => [r.id, r.note])).toEqual([
        [
          'promise-updates',
          "not computed on the duckdb engine: the table's outbound column holds values, so it was loaded from message threads, and the promise-updates measure reads every agent update time of those threads, which the table does not hold (run without --engine for this rule)",
        ],
      ]);
      for (const r of table.rules) if (r.status !== 'unsupported') expect(r).toEqual(csv.rules.find((x) => x.id === r.id));
      expect(table.rules.find((r) => r.id === 'chat-first-response')).toMatchObject({ excluded_reasons: { 'no-customer-message': 1, outbound: 1 } });
      expect(table.distributions).toEqual(csv.distributions);
    }
  }, 60_000);

  // A table holds tickets as they are now; an audit as of an earlier instant must not see a solve,
  // a vendor resolution time, a return request, a refund or an order after it (the reading drops
  // them from an export: assemble/at-as-of.ts). Mid-sample, as_of falls between such events.
  // test/fixtures/sql/as-of-events.csv has one ticket per such event just after 2024-03-10 12:00
  // (A1–A7), and tickets on the judges' edges (A8–A12): done without a solve time, no reopen
  // count, due exactly at as_of, solved and updated exactly at the due time, a return requested
  // exactly 30 and 14 days after the order.
  for (const name of ['durations.yaml', 'returns.yaml', 'after-sales.yaml', 'promises.yaml']) {
    it(`leaves out what happened after an earlier as_of (${name})`, async () => {
      const policy = await loadPolicy({ path: join(ROOT, `test/fixtures/sql/${name}`), cwd: ROOT });
      const req = { policy, by: [], maxBreaches: 10, strict: false, explain: policy.rules[0].id };
      const events = join(ROOT, 'test/fixtures/sql/as-of-events.csv');
      for (const [file, times] of [
        [SAMPLE, ['2024-03-06T10:00:00Z', '2024-03-12T10:30:00Z', '2024-03-14T09:00:00Z']],
        [events, ['2024-03-10T12:00:00Z']],
      ] as const) {
        const path = join(dir, `as-of-${name}-${file === SAMPLE ? 'sample' : 'events'}.duckdb`);
        await write(path, undefined, policy, file);
        for (const at of times) {
          const asOf = Date.parse(at);
          const csv = await runAudit({ ...req, files: [file], asOf });
          const table = await runAudit({ ...req, files: [path], engine: 'duckdb', asOf });
          expect({ at, rules: table.rules }).toEqual({ at, rules: csv.rules });
        }
      }
    }, 60_000);
  }

  it('a file without created_at is an input error (exit 2) naming it', async () => {
    const path = join(dir, 'no-created.parquet');
    await write(path, 'created_at');
    const r = runCli(['audit', path, '--engine', 'duckdb']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no column created_at');
  }, 60_000);

  it('--engine clickhouse takes --url and --table, not files', () => {
    const r = runCli(['audit', SAMPLE, '--engine', 'clickhouse', '--url', 'http://127.0.0.1:1', '--table', 't']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give no files');
    const bare = runCli(['audit', '--engine', 'clickhouse']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('needs --url <url> and --table <name>');
    const none = runCli(['audit']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("missing required argument 'files'");
  });
});
