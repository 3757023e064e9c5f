// The ClickHouse dialect on a real server: canonical tickets loaded over HTTP (split across the
// shards of CLICKHOUSE_URLS behind a Distributed table when there are two or more), audited with
// runClickHouseAudit, compared with the built-in engine rule by rule for the rules the SQL
// computes. Runs when CLICKHOUSE_URL is set (user CLICKHOUSE_USER, password in
// SUPPORT_AUDIT_CLICKHOUSE_PASSWORD), e.g. against scripts/clickhouse-cluster.sh; skipped otherwise.

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { businessClocks, runAudit } from '../../src/audit.js';
import { openClickHouse, QUERY_SETTINGS, type ClickHouseConnection } from '../../src/engine/clickhouse.js';
import { loadTickets } from '../../src/engine/clickhouse-load.js';
import { canonicalRows } from '../../src/engine/rows.js';
import { builtinPolicy } from '../../src/policy/default.js';
import { DEFAULT_RULE_IDS } from '../../src/policy/default-document.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/types.js';
import type { Dimension } from '../../src/report.js';
import { readInputs } from '../../src/reading.js';
import { runClickHouseAudit, type ClickHouseQuerier } from '../../src/sql/clickhouse-audit.js';
import { planRules } from '../../src/sql/compile.js';
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
      ? await fetch(
          `${url}/?max_query_size=${QUERY_SETTINGS.max_query_size}&max_ast_elements=${QUERY_SETTINGS.max_ast_elements}&max_expanded_ast_elements=${QUERY_SETTINGS.max_expanded_ast_elements}`,
          { method: 'POST', body: sql, headers: auth },
        )
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
/**
 * Loads the tickets the reading maps from `files` into a new table; its name (Distributed over the
 * shards when there are several). `without`: columns left out of the table, as in one made with an
 * older DDL.
 */
async function load(files: string[], policy: Policy, preset?: string, without: string[] = []): Promise<string> {
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
  const rows = canonicalJsonRows(
    collector.tickets(),
    TICKET_COLUMNS.filter(([column]) => !without.includes(column)),
  );
  const name = `t${loaded++}`;
  for (const url of URLS) {
    await send(url, `CREATE DATABASE IF NOT EXISTS ${database}`);
    await send(url, ticketsDdl(clickhouse, `${database}.${name}_local`));
    if (without.length > 0) await send(url, `ALTER TABLE ${database}.${name}_local ${without.map((c) => `DROP COLUMN ${c}`).join(', ')}`);
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

/** The ids of the rules compared (those ClickHouse computes); `table`: one loaded already (else the files are, with load). */
async function compare(files: string[], policy: Policy, preset?: string, table?: string): Promise<string[]> {
  const js = await runAudit({ files, policy, preset, by: [], maxBreaches: 10, strict: false });
  table ??= await load(files, policy, preset);
  const ch = await runClickHouseAudit({ policy, asOf: Date.parse(js.as_of!), maxBreaches: 10 }, querier(table));
  expect(ch.engine).toBe('clickhouse');
  const compared: string[] = [];
  for (const rule of ch.rules) {
    if (rule.status === 'unsupported') continue;
    expect(rule).toEqual(js.rules.find((r) => r.id === rule.id));
    compared.push(rule.id);
  }
  expect(ch.distributions).toEqual(js.distributions);
  expect(ch.summary.gate.measured).toBe(js.summary.gate.measured);
  return compared;
}

describe.skipIf(URLS.length === 0)('the ClickHouse dialect on a server', () => {
  // Every rule of the built-in policy (all on the calendar clock).
  const BUILTIN = [...DEFAULT_RULE_IDS];

  it('gives the built-in engine figures on the samples (every rule of the built-in policy)', async () => {
    expect(await compare([join(ROOT, 'fixtures/samples/zendesk-tickets.csv')], builtinPolicy())).toEqual(BUILTIN);
    expect(await compare([join(ROOT, 'fixtures/samples/support-desk.csv')], builtinPolicy())).toEqual(BUILTIN);
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
      expect(await compare([join(ROOT, 'fixtures/samples/zendesk-tickets.csv')], policy)).toHaveLength(calendarRules);
      expect(await compare([join(ROOT, 'fixtures/samples/support-desk.csv')], policy)).toHaveLength(calendarRules);
    }, 120_000);
  }

  it('reports business-clock rules as unsupported there, and computes the rest', async () => {
    const policy = await loadPolicy({ path: join(ROOT, 'fixtures/policy/berlin-office.yaml'), cwd: ROOT });
    // email-first-response is on the business clock.
    expect(await compare([join(ROOT, 'fixtures/samples/zendesk-tickets.csv')], policy)).toEqual([
      'chat-first-response',
      'phone-wait',
      'satisfaction',
      'promise-updates',
      'after-sales-quality',
      'billing-clarity',
      'premises-complaints',
      'queue-hygiene',
      'peak-friendliness',
      'presales-advice',
      'complaint-response',
      'returns-approval',
      'refund-speed',
      'vip-first-response',
    ]);
  }, 120_000);

  it('the rate measures (share by subject phrase, reopen rate, one touch, missed rate, NPS) and queue hygiene', async () => {
    const policy = await loadPolicy({ path: join(ROOT, 'fixtures/sql/rates.yaml'), cwd: ROOT });
    const rates = ['billing-share', 'reopens', 'one-touch', 'missed-chats', 'nps', 'queue-hygiene', 'peak-friendliness'];
    expect(await compare([join(ROOT, 'fixtures/sql/rates.csv')], policy, 'canonical')).toEqual(rates);
    expect(await compare([join(ROOT, 'fixtures/samples/support-desk.csv')], policy, 'canonical')).toEqual(rates);
  }, 120_000);

  it.skipIf(!hasRealData('customer-support-tickets.csv'))(
    'the real customer-support-tickets.csv',
    async () => {
      expect(await compare([realFile('customer-support-tickets.csv')], builtinPolicy())).toEqual(BUILTIN);
    },
    120_000,
  );

  it('audits a table made with the DDL before the outbound and customer_wrote columns (they read NULL)', async () => {
    const files = [join(ROOT, 'fixtures/samples/support-desk.csv')];
    const table = await load(files, builtinPolicy(), undefined, ['outbound', 'customer_wrote']);
    const [{ n }] = await querier(table).query<{ n: string }>(
      `SELECT count() AS n FROM system.columns WHERE database = '${database}' AND table = '${table.split('.')[1]}' AND name IN ('outbound', 'customer_wrote')`,
    );
    expect(Number(n)).toBe(0);
    expect(await compare(files, builtinPolicy(), undefined, table)).toEqual(BUILTIN);
  }, 120_000);
});

/**
 * Message exports loaded by the loader scripts/clickhouse-load.mjs calls (canonicalRows, then
 * loadTickets across the shards): conversations with their `outbound` and `customer_wrote`
 * columns, so first-response, presales and peak equal the built-in engine on the same files;
 * promise-updates is unsupported, saying why.
 */
describe.skipIf(URLS.length === 0)('message exports loaded into ClickHouse', () => {
  const mdb = `${database}_messages`;
  const shards: ClickHouseConnection[] = [];
  afterAll(async () => {
    for (const conn of shards) {
      await conn.command(`DROP DATABASE IF EXISTS ${mdb}`).catch(() => undefined);
      await conn.close();
    }
  });

  const THREADS = [join(ROOT, 'fixtures/sql/threads/tickets.csv'), join(ROOT, 'fixtures/sql/threads/messages.csv')];
  const JOIN = [join(ROOT, 'fixtures/sql/join/tickets.csv'), join(ROOT, 'fixtures/sql/join/messages.csv')];
  const NOTE =
    "not computed on the clickhouse engine: the table's outbound column holds values, so it was loaded from message threads, and the promise-updates measure reads every agent update time of those threads, which the table does not hold (run without --engine for this rule)";

  /** The rules compared, after checking promise-updates is the one rule unsupported. */
  async function compareLoaded(files: string[], table: string): Promise<string[]> {
    const policy = builtinPolicy();
    if (shards.length === 0) for (const url of URLS) shards.push(await openClickHouse({ url, table: 'tickets', user: USER }));
    const rows = await canonicalRows(files, policy);
    await loadTickets(shards, rows.tickets, { database: mdb, table, replace: true });
    const name = URLS.length === 1 ? `${mdb}.${table}_local` : `${mdb}.${table}`;
    const js = await runAudit({ files, policy, by: [], maxBreaches: 10, strict: false });
    const ch = await runClickHouseAudit({ policy, asOf: Date.parse(js.as_of!), maxBreaches: 10 }, querier(name));
    expect(ch.rules.filter((r) => r.status === 'unsupported').map((r) => [r.id, r.note])).toEqual([['promise-updates', NOTE]]);
    const compared: string[] = [];
    for (const rule of ch.rules) {
      if (rule.status === 'unsupported') continue;
      expect(rule).toEqual(js.rules.find((r) => r.id === rule.id));
      compared.push(rule.id);
    }
    expect(ch.distributions).toEqual(js.distributions);
    return compared;
  }

  const COMPUTED = DEFAULT_RULE_IDS.filter((id) => id !== 'promise-updates');

  it('a ticket export joined to its messages (outbound conversations, bot greetings without a customer message)', async () => {
    expect(await compareLoaded(THREADS, 'threads')).toEqual(COMPUTED);
    expect(await compareLoaded(JOIN, 'joined')).toEqual(COMPUTED);
  }, 120_000);

  it('the message presets’ samples', async () => {
    for (const preset of ['twitter', 'canonical-messages', 'messages']) {
      expect(await compareLoaded([join(ROOT, `fixtures/presets/${preset}/sample.csv`)], preset.replace('-', '_'))).toEqual(COMPUTED);
    }
  }, 120_000);

  it.skipIf(!hasRealData('twcs-sample.csv'))(
    'the real Twitter support threads (twcs-sample.csv): social-first-response as the built-in engine',
    async () => {
      expect(await compareLoaded([realFile('twcs-sample.csv')], 'twcs')).toEqual(COMPUTED);
    },
    120_000,
  );
});

const BY: Dimension[] = ['agent', 'team', 'channel', 'priority', 'week', 'month'];

/** The policy with only the rules the ClickHouse SQL computes: the breakdowns' ranking then weighs the same rules. */
function clickhouseRulesOnly(policy: Policy, by: readonly Dimension[] = []): Policy {
  const plans = new Map(planRules(policy, clickhouse, by).map((p) => [p.id, p.unsupported]));
  return { ...policy, rules: policy.rules.filter((r) => r.severity === 'off' || plans.get(r.id) === undefined) };
}

/** Both engines' breakdowns (--by every dimension) over the same tickets. */
async function compareBreakdowns(files: string[], policy: Policy, maxKeys?: number, preset?: string): Promise<void> {
  const cut = clickhouseRulesOnly(policy, BY);
  const js = await runAudit({ files, policy: cut, preset, by: BY, maxKeys, maxBreaches: 10, strict: false });
  const table = await load(files, cut, preset);
  const ch = await runClickHouseAudit({ policy: cut, asOf: Date.parse(js.as_of!), maxBreaches: 10, by: BY, maxKeys }, querier(table));
  expect(js.breakdowns.agent!.length).toBeGreaterThan(0);
  expect(ch.breakdowns).toEqual(js.breakdowns);
}

describe.skipIf(URLS.length === 0)('breakdowns (--by) on the ClickHouse dialect', () => {
  it('equal the built-in engine on the samples', async () => {
    await compareBreakdowns([join(ROOT, 'fixtures/samples/zendesk-tickets.csv')], builtinPolicy());
    await compareBreakdowns([join(ROOT, 'fixtures/samples/support-desk.csv')], builtinPolicy());
  }, 120_000);

  it('leave out the rules not computed there, the rest per key as the built-in engine counts them (built-in policy, the whole query)', async () => {
    const files = [join(ROOT, 'fixtures/samples/support-desk.csv')];
    const policy = builtinPolicy();
    const js = await runAudit({ files, policy, by: BY, maxBreaches: 10, strict: false });
    const ch = await runClickHouseAudit({ policy, asOf: Date.parse(js.as_of!), maxBreaches: 10, by: BY }, querier(await load(files, policy)));
    const computed = new Set(ch.rules.filter((r) => r.status !== 'unsupported').map((r) => r.id));
    expect(computed.size).toBeLessThan(ch.rules.length);
    // Fewer keys than --max-keys: every key is listed, so leaving rules out changes no ranking.
    for (const dim of BY) {
      const expected = js.breakdowns[dim]!.map((row) => ({ ...row, rules: row.rules.filter((r) => computed.has(r.id)) }));
      expect(ch.breakdowns[dim]).toEqual(expected);
    }
  }, 120_000);

  it('with no rule computed there: no rows, and the query still runs', async () => {
    const files = [join(ROOT, 'fixtures/samples/zendesk-tickets.csv')];
    const policy = builtinPolicy();
    const chat = policy.rules.find((r) => r.id === 'chat-first-response')!;
    const only = { ...policy, rules: [{ ...chat, id: 'chat-next-reply', measure: 'next-reply' } as typeof chat] };
    const ch = await runClickHouseAudit({ policy: only, maxBreaches: 10, by: ['agent', 'team', 'priority'] }, querier(await load(files, only)));
    expect(ch.rules.map((r) => r.status)).toEqual(['unsupported']);
    expect(ch.breakdowns).toEqual({ agent: [], team: [], priority: [] });
  }, 120_000);

  it('keep the keys the built-in engine keeps past --max-keys (16 agents, 8 kept by hash, 2 listed, the other row)', async () => {
    await compareBreakdowns([join(ROOT, 'fixtures/samples/support-desk.csv')], builtinPolicy(), 2);
    await compareBreakdowns([join(ROOT, 'fixtures/samples/support-desk.csv')], builtinPolicy(), 1);
  }, 120_000);

  it('weeks and months in the policy zone (berlin-office)', async () => {
    const policy = await loadPolicy({ path: join(ROOT, 'fixtures/policy/berlin-office.yaml'), cwd: ROOT });
    await compareBreakdowns([join(ROOT, 'fixtures/samples/support-desk.csv')], policy, undefined, 'canonical');
  }, 120_000);

  it.skipIf(!hasRealData('customer-support-tickets.csv'))(
    'the real customer-support-tickets.csv',
    async () => {
      await compareBreakdowns([realFile('customer-support-tickets.csv')], builtinPolicy());
      await compareBreakdowns([realFile('customer-support-tickets.csv')], builtinPolicy(), 3);
    },
    120_000,
  );
});
