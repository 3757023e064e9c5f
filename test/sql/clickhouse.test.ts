// The ClickHouse dialect on a real server: canonical tickets loaded over HTTP (split across the
// shards of CLICKHOUSE_URLS behind a Distributed table when there are two or more), audited with
// runClickHouseAudit, compared with the built-in engine rule by rule for the rules the SQL
// computes. Runs when CLICKHOUSE_URL is set (user CLICKHOUSE_USER, password in
// SUPPORT_AUDIT_CLICKHOUSE_PASSWORD), e.g. against scripts/clickhouse-cluster.sh; skipped otherwise.

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { businessClocks, runAudit } from '../../src/audit.js';
import { QUERY_SETTINGS } from '../../src/engine/clickhouse.js';
import { builtinPolicy } from '../../src/policy/default.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/types.js';
import { readInputs } from '../../src/reading.js';
import { runClickHouseAudit, type ClickHouseQuerier } from '../../src/sql/clickhouse-audit.js';
import { clickhouse } from '../../src/sql/dialect.js';
import { canonicalJsonRows, ticketCollector } from '../../src/sql/rows.js';
import { ticketsDdl, TICKET_COLUMNS } from '../../src/sql/table.js';
import { ROOT } from '../cli/run.js';
import { hasRealData, realFile } from '../support/real-data.js';

const URLS = (process.env.CLICKHOUSE_URLS ?? process.env.CLICKHOUSE_URL ?? '').split(',').filter(Boolean);
const USER = process.env.CLICKHOUSE_USER ?? 'default';
const PASSWORD = process.env.SUPPORT_AUDIT_CLICKHOUSE_PASSWORD ?? '';
if (URLS.length === 0)
  process.stderr.write('skipping the ClickHouse dialect tests: CLICKHOUSE_URL is not set (scripts/clickhouse-cluster.sh starts a local cluster)\n');

async function send(url: string, sql: string, body?: string): Promise<string> {
  const auth = { 'X-ClickHouse-User': USER, 'X-ClickHouse-Key': PASSWORD };
  const r =
    body === undefined
      ? await fetch(`${url}/?max_query_size=${QUERY_SETTINGS.max_query_size}`, { method: 'POST', body: sql, headers: auth })
      : await fetch(`${url}/?query=${encodeURIComponent(sql)}`, { method: 'POST', body, headers: auth });
  const text = await r.text();
  if (!r.ok) throw new Error(`ClickHouse: ${text.slice(0, 500)}`);
  return text;
}

function querier(table: string): ClickHouseQuerier {
  return {
    table,
    query: async <T>(sql: string) =>
      (await send(URLS[0], `${sql}\nFORMAT JSONEachRow`))
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as T),
    close: async () => {},
  };
}

const database = `sql_dialect_${process.pid}`;
afterAll(async () => {
  if (URLS.length === 0) return;
  for (const url of URLS) await send(url, `DROP DATABASE IF EXISTS ${database}`);
});

let loaded = 0;
/** Loads the tickets the reading maps from `files` into a new table; its name (Distributed over the shards when there are several). */
async function load(files: string[], policy: Policy, preset?: string): Promise<string> {
  const collector = ticketCollector();
  await readInputs({
    files,
    policy,
    preset,
    clocks: businessClocks(policy),
    strict: false,
    jobs: 1,
    createCard: collector.createCard,
    cardOptions: () => ({ by: [], maxBreaches: 10, timezone: policy.timezone }),
  });
  const rows = canonicalJsonRows(collector.tickets(), TICKET_COLUMNS);
  const name = `t${loaded++}`;
  for (const url of URLS) {
    await send(url, `CREATE DATABASE IF NOT EXISTS ${database}`);
    await send(url, ticketsDdl(clickhouse, `${database}.${name}_local`));
  }
  // Split by row across the shards.
  for (let s = 0; s < URLS.length; s++) {
    const part = rows
      .filter((_, i) => i % URLS.length === s)
      .map((r) => JSON.stringify(r))
      .join('\n');
    if (part) await send(URLS[s], `INSERT INTO ${database}.${name}_local FORMAT JSONEachRow`, part);
  }
  if (URLS.length === 1) return `${database}.${name}_local`;
  await send(URLS[0], `CREATE TABLE ${database}.${name} AS ${database}.${name}_local ENGINE = Distributed(support_audit, ${database}, ${name}_local)`);
  return `${database}.${name}`;
}

async function compare(files: string[], policy: Policy, preset?: string): Promise<number> {
  const js = await runAudit({ files, policy, preset, by: [], maxBreaches: 10, strict: false });
  const table = await load(files, policy, preset);
  const ch = await runClickHouseAudit({ policy, asOf: Date.parse(js.as_of!), maxBreaches: 10 }, querier(table));
  expect(ch.engine).toBe('clickhouse');
  let compared = 0;
  for (const rule of ch.rules) {
    if (rule.status === 'unsupported') continue;
    expect(rule).toEqual(js.rules.find((r) => r.id === rule.id));
    compared++;
  }
  expect(ch.distributions).toEqual(js.distributions);
  expect(ch.summary.gate.measured).toBe(js.summary.gate.measured);
  return compared;
}

describe.skipIf(URLS.length === 0)('the ClickHouse dialect on a server', () => {
  it('gives the built-in engine figures on the samples (calendar first response, phone wait, CSAT, promise updates, returns, refunds)', async () => {
    expect(await compare([join(ROOT, 'fixtures/samples/zendesk-tickets.csv')], builtinPolicy())).toBe(8);
    expect(await compare([join(ROOT, 'fixtures/samples/support-desk.csv')], builtinPolicy())).toBe(8);
  }, 120_000);

  // The calendar-clock rules of the ticket-field measures' policies (test/fixtures/sql/).
  for (const [name, calendarRules] of [
    ['durations.yaml', 3],
    ['returns.yaml', 2],
    ['after-sales.yaml', 3],
    ['promises.yaml', 1],
  ] as const) {
    it(`computes the calendar rules of ${name} on the samples`, async () => {
      const policy = await loadPolicy({ path: join(ROOT, `test/fixtures/sql/${name}`), cwd: ROOT });
      expect(await compare([join(ROOT, 'fixtures/samples/zendesk-tickets.csv')], policy)).toBe(calendarRules);
      expect(await compare([join(ROOT, 'fixtures/samples/support-desk.csv')], policy)).toBe(calendarRules);
    }, 120_000);
  }

  it('reports business-clock rules as unsupported there, and computes the rest', async () => {
    const policy = await loadPolicy({ path: join(ROOT, 'fixtures/policy/berlin-office.yaml'), cwd: ROOT });
    // chat-first-response, phone-wait, satisfaction, promise-updates, returns-approval, refund-speed, vip-first-response;
    // email-first-response is on the business clock.
    expect(await compare([join(ROOT, 'fixtures/samples/zendesk-tickets.csv')], policy)).toBe(7);
  }, 120_000);

  it.skipIf(!hasRealData('customer-support-tickets.csv'))(
    'the real customer-support-tickets.csv',
    async () => {
      expect(await compare([realFile('customer-support-tickets.csv')], builtinPolicy())).toBe(8);
    },
    120_000,
  );
});
