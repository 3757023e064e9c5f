// Against a real ClickHouse cluster (scripts/clickhouse-cluster.sh; CI starts one): the sample
// export loaded split across the shards, read back through the Distributed table, compared with
// the JS engine. Skipped without CLICKHOUSE_URL(S), failed without it under REQUIRE_CLICKHOUSE=1.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit.js';
import { InputError } from '../../src/errors.js';
import { openClickHouse, type ClickHouseConnection } from '../../src/engine/clickhouse.js';
import { dropTablesDdl, qualified } from '../../src/engine/clickhouse-ddl.js';
import { loadTickets } from '../../src/engine/clickhouse-load.js';
import { canonicalRows } from '../../src/engine/rows.js';
import { parsePolicy } from '../../src/policy/load.js';
import { clickhouseEnv } from './clickhouse-env.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE = `${ROOT}fixtures/samples/support-desk.csv`;
const ZENDESK = `${ROOT}fixtures/samples/zendesk-tickets.csv`;
const env = clickhouseEnv();
// One database per run: runs side by side do not meet.
const database = `support_audit_test_${process.pid}_${Date.now().toString(36)}`;
const names = { database, table: 'tickets' };

// Every ticket eligible (no excluded tags), billing-tagged ones breached: per channel, eligible is
// the channel's ticket count and met its tickets without the tag `billing`.
const POLICY = parsePolicy(
  [
    'extends: none',
    'exclude_tags: []',
    'rules:',
    '  - id: billing-share',
    '    expectation: channel',
    '    title: Billing questions stay under half of the tickets',
    '    measure: share',
    '    match: {tags: {any: [billing]}}',
    '    ceiling: 50%',
  ].join('\n'),
  'billing-share.yaml',
);

describe.skipIf(!env)('ClickHouse cluster', () => {
  const shards: ClickHouseConnection[] = [];
  let loaded: number[] = [];
  let tickets = 0;

  beforeAll(async () => {
    for (const url of env!.urls) shards.push(await openClickHouse({ url, table: 'tickets', user: env!.user }));
    const rows = await canonicalRows([SAMPLE], POLICY);
    tickets = rows.tickets.length;
    loaded = (await loadTickets(shards, rows.tickets, { ...names, replace: true })).rows;
  });

  afterAll(async () => {
    for (const conn of shards) {
      for (const sql of dropTablesDdl(names)) await conn.command(sql).catch(() => undefined);
      await conn.command(`DROP DATABASE IF EXISTS ${database}`).catch(() => undefined);
      await conn.close();
    }
  });

  it('the cluster has two shards, each holding its half of the ids (odd/even last digit)', async () => {
    expect(env!.urls.length, 'CLICKHOUSE_URLS names one server per shard').toBe(2);
    const [cluster] = await shards[0].query<{ shards: number }>("SELECT uniqExact(shard_num) AS shards FROM system.clusters WHERE cluster = 'support_audit'");
    expect(cluster.shards).toBe(2);
    // The ids of the sample, counted from the file itself: SD-10001 … SD-12500.
    const ids = readFileSync(SAMPLE, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    const even = ids.filter((id) => Number(id.at(-1)) % 2 === 0).length;
    expect(loaded).toEqual([even, ids.length - even]);
    for (let s = 0; s < 2; s++) {
      const [local] = await shards[s].query<{ n: number }>(`SELECT count() AS n FROM ${qualified(database, 'tickets_local')}`);
      expect(local.n).toBe(loaded[s]);
      const [odd] = await shards[s].query<{ n: number }>(
        `SELECT countIf(toUInt8(substring(id, length(id), 1)) % 2 = 1) AS n FROM ${qualified(database, 'tickets_local')}`,
      );
      expect(odd.n).toBe(s === 0 ? 0 : loaded[1]);
    }
  });

  it('counts through the Distributed table as many tickets as the JS engine read', async () => {
    const report = await runAudit({ files: [SAMPLE], policy: POLICY, by: [], maxBreaches: 0, strict: false });
    const input = report.inputs[0];
    expect([input.replaced, input.after_as_of]).toEqual([0, 0]);
    expect(input.used).toBe(2500);
    expect(tickets).toBe(input.used);
    for (const conn of shards) {
      const [all] = await conn.query<{ n: number }>(`SELECT count() AS n FROM ${qualified(database, 'tickets')}`);
      expect(all.n).toBe(input.used);
    }
  });

  it("per channel, counts and tag matches through the Distributed table equal the JS engine's breakdown", async () => {
    const report = await runAudit({ files: [SAMPLE], policy: POLICY, by: ['channel'], maxBreaches: 0, strict: false });
    const js = Object.fromEntries(report.breakdowns.channel!.map((row) => [row.key, { n: row.rules[0].eligible, met: row.rules[0].met }]));
    const sql = await shards[1].query<{ channel: string; n: number; met: number }>(
      `SELECT channel, count() AS n, countIf(NOT has(tags, 'billing')) AS met FROM ${qualified(database, 'tickets')} GROUP BY channel ORDER BY channel`,
    );
    expect(Object.fromEntries(sql.map((r) => [r.channel, { n: r.n, met: r.met }]))).toEqual(js);
    // The sample's channels, counted by `cut -d, -f2 | sort | uniq -c`: 469 chat, 1069 email, 92
    // messaging, 313 phone, 172 social, 385 web (2,500).
    expect(sql.map((r) => [r.channel, r.n])).toEqual([
      ['chat', 469],
      ['email', 1069],
      ['messaging', 92],
      ['phone', 313],
      ['social', 172],
      ['web', 385],
    ]);
  });

  it('keeps instants as UTC milliseconds and absent values as null', async () => {
    // SD-10001: created 2024-01-01T07:38:15Z, first response 10:50:29Z, csat empty, tags [technical].
    const [row] = await shards[0].query<Record<string, unknown>>(
      `SELECT created_at, first_response_at, csat, tags, agent FROM ${qualified(database, 'tickets')} WHERE id = 'SD-10001'`,
    );
    expect(row).toEqual({
      created_at: Date.UTC(2024, 0, 1, 7, 38, 15),
      first_response_at: Date.UTC(2024, 0, 1, 10, 50, 29),
      csat: null,
      tags: ['technical'],
      agent: 'Jonas Berg',
    });
  });

  it("a server error is one InputError sentence with the server's message, never the password", async () => {
    const password = process.env.SUPPORT_AUDIT_CLICKHOUSE_PASSWORD ?? '';
    const err = await shards[0].query(`SELECT nope FROM ${qualified(database, 'tickets')}`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/^ClickHouse at http:\/\/127\.0\.0\.1:\d+ refused the query: .*nope.* \(code 47\)\.$/);
    if (password) {
      // A syntax error makes the server quote the query from where it failed: the password is masked.
      const echoed = await shards[0].query(`SELECT 1 FROM WHERE '${password}'`).catch((e: unknown) => e);
      expect((echoed as Error).message).toContain('***');
      expect((echoed as Error).message).not.toContain(password);
    }
  });

  it("a wrong password fails on opening, with the server's reason and without the password", async () => {
    const wrong = `wrong-${Math.random().toString(36).slice(2)}`;
    process.env.SUPPORT_AUDIT_TEST_WRONG_PASSWORD = wrong;
    try {
      const err = await openClickHouse({ url: env!.urls[0], table: 'tickets', user: env!.user, passwordEnv: 'SUPPORT_AUDIT_TEST_WRONG_PASSWORD' }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toMatch(/refused the query: (Wrong password|.*[Aa]uthentication failed)/);
      expect((err as Error).message).not.toContain(wrong);
    } finally {
      delete process.env.SUPPORT_AUDIT_TEST_WRONG_PASSWORD;
    }
  });
});

describe.skipIf(!env)('scripts/clickhouse-load.mjs', () => {
  const zdb = `${database}_zendesk`;
  afterAll(async () => {
    for (const url of env!.urls) {
      const conn = await openClickHouse({ url, table: 'tickets', user: env!.user });
      await conn.command(`DROP DATABASE IF EXISTS ${zdb}`);
      await conn.close();
    }
  });

  it('loads a Zendesk export across the shards: the Distributed table counts what the JS engine read', async () => {
    const args = ['scripts/clickhouse-load.mjs', '--urls', env!.urls.join(','), '--user', env!.user, '--database', zdb, '--replace', ZENDESK];
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = await runAudit({ files: [ZENDESK], policy: parsePolicy('{}', 'empty.yaml'), by: ['channel'], maxBreaches: 0, strict: false });
    expect(report.inputs[0]).toMatchObject({ format: 'zendesk', rows: 40, used: 40, replaced: 0, after_as_of: 0 });
    // The sample's 40 ids end in every digit equally often: 20 even, 20 odd.
    expect(r.stdout).toMatch(
      new RegExp(
        `^loaded 40 tickets into ${zdb}\\.tickets \\(as of ${report.as_of!.replace(/\./g, '\\.')}\\): shard 1 \\(${env!.urls[0]}\\) 20, shard 2 \\(${env!.urls[1]}\\) 20\n`,
      ),
    );
    const conn = await openClickHouse({ url: env!.urls[1], table: 'tickets', user: env!.user });
    try {
      const [n] = await conn.query<{ n: number }>(`SELECT count() AS n FROM ${zdb}.tickets`);
      expect(n.n).toBe(report.inputs[0].used);
    } finally {
      await conn.close();
    }
  });

  // A table made before the outbound and customer_wrote columns: ticket rows are still added to
  // it; conversations, which fill those columns, are refused with the statement that adds them
  // (never loaded without them, which would audit them as ticket rows), and load once added.
  it('adds ticket rows to a table made before the conversations’ columns, and refuses conversations until they are added', async () => {
    const odb = `${database}_old`;
    const load = (...files: string[]) =>
      spawnSync(process.execPath, ['scripts/clickhouse-load.mjs', '--urls', env!.urls.join(','), '--user', env!.user, '--database', odb, ...files], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    const conns = [];
    for (const url of env!.urls) conns.push(await openClickHouse({ url, table: 'tickets', user: env!.user }));
    try {
      expect(load('--replace', ZENDESK).status).toBe(0);
      const alter = (table: string, change: string) =>
        `ALTER TABLE ${odb}.${table} ${['outbound', 'customer_wrote'].map((c) => `${change} COLUMN ${c}${change === 'ADD' ? ' Nullable(UInt8)' : ''}`).join(', ')}`;
      for (const conn of conns) for (const table of ['tickets_local', 'tickets']) await conn.command(alter(table, 'DROP'));
      const more = load(ZENDESK);
      expect(more.stderr).toBe('');
      expect(more.status).toBe(0);
      const count = async () => Number((await conns[0].query<{ n: number }>(`SELECT count() AS n FROM ${odb}.tickets`))[0].n);
      expect(await count()).toBe(80);
      const twitter = `${ROOT}fixtures/presets/twitter/sample.csv`;
      const refused = load(twitter);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toBe(
        `error: ${odb}.tickets_local has no column outbound, which conversations from message exports fill (it was made before the column was): add it on every shard, ALTER TABLE ${odb}.tickets_local ADD COLUMN outbound Nullable(UInt8) and the same for ${odb}.tickets, or load with --replace (docs/sql.md).\n`,
      );
      expect(await count()).toBe(80);
      for (const conn of conns) for (const table of ['tickets_local', 'tickets']) await conn.command(alter(table, 'ADD'));
      expect(load(twitter).status).toBe(0);
      // The sample's two conversations, both inbound with a customer message.
      const marked = await conns[0].query<{ outbound: number; customer_wrote: number; n: number }>(
        `SELECT outbound, customer_wrote, count() AS n FROM ${odb}.tickets WHERE outbound IS NOT NULL GROUP BY outbound, customer_wrote`,
      );
      expect(marked).toEqual([{ outbound: 0, customer_wrote: 1, n: 2 }]);
    } finally {
      for (const conn of conns) {
        await conn.command(`DROP DATABASE IF EXISTS ${odb}`).catch(() => undefined);
        await conn.close();
      }
    }
  }, 120_000);
});
