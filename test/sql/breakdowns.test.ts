// Breakdowns (--by) on the SQL engines from the outside: the parts `sql --by` prints, run by
// DuckDB on a hand-made table (which keys are counted one by one, worked out by hand), and
// `audit --engine duckdb --by` on the command line and on a Parquet file.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { businessClocks, runAudit } from '../../src/audit.js';
import { builtinPolicy } from '../../src/policy/default.js';
import { readInputs } from '../../src/reading.js';
import type { Report } from '../../src/report.js';
import { duckdb } from '../../src/sql/dialect.js';
import { loadTickets, openDuckDB } from '../../src/sql/duckdb.js';
import { ticketCollector } from '../../src/sql/rows.js';
import { ticketsDdl } from '../../src/sql/table.js';
import { ROOT, runCli } from '../cli/run.js';

const SAMPLE = join(ROOT, 'fixtures/samples/zendesk-tickets.csv');

/** The statements of `sql`'s output, comments alone left out. */
function statements(sql: string): string[] {
  return sql
    .split(/;\n/)
    .map((s) => s.trim())
    .filter((s) => s.replace(/^--.*$/gm, '').trim() !== '');
}

describe('support-audit sql --by', () => {
  it('prints a part per dimension that DuckDB runs, the keys past 4 x --max-keys under the empty key', async () => {
    const r = runCli(['sql', '--dialect', 'duckdb', '--as-of', '2024-03-17', '--by', 'agent,month', '--max-keys', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain("-- breakdowns: parts 'by:agent', 'by:month' hold eligible (n) and met (m) per rule and key, the 4 keys");
    const session = await openDuckDB();
    try {
      await session.run(ticketsDdl(duckdb));
      // Six chats, each answered after 5 minutes: a breach of chat-first-response (3 minutes) each.
      const at = Date.parse('2024-03-16T10:00:00Z');
      const agents = ['Ana', 'Ben', 'Cy', 'Dee', 'Eve', 'Flo'];
      const values = agents.map((a, i) => `('${i}', 'chat', ${at}, ${at + 300_000}, '${a}')`).join(', ');
      await session.run(`INSERT INTO tickets (id, channel, created_at, first_response_at, agent) VALUES ${values}`);
      let rows: Record<string, unknown>[] = [];
      for (const s of statements(r.stdout)) rows = await session.all(s);
      const part = (name: string) =>
        rows
          .filter((x) => x.part === name && x.rule === 'chat-first-response')
          .map((x) => [x.key, Number(x.n), Number(x.m)])
          .sort();
      // --max-keys 1 keeps 4 keys one by one: the 4 smallest 32-bit FNV-1a hashes of the UTF-16
      // code units (Python: h = 0x811c9dc5; for u in units: h = ((h ^ u) * 0x01000193) & 0xffffffff):
      // Flo 209442784, Dee 761168869, Cy 1339676113, Ana 1991636261, then Ben 3216201546 and
      // Eve 3232163429, whose 2 tickets count under ''.
      expect(part('by:agent')).toEqual([
        ['', 2, 0],
        ['Ana', 1, 0],
        ['Cy', 1, 0],
        ['Dee', 1, 0],
        ['Flo', 1, 0],
      ]);
      expect(part('by:month')).toEqual([['2024-03', 6, 0]]);
    } finally {
      session.close();
    }
  });

  it('prints the ClickHouse parts, with the keys seen', () => {
    const r = runCli(['sql', '--dialect', 'clickhouse', '--as-of', '2024-03-17', '--by', 'team']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("concat('by:', by_dim)");
    expect(r.stdout).toContain("concat('seen:', by_dim)");
    expect(r.stdout).not.toMatch(/\bWITH\b|\bOVER \(/);
  });

  it('refuses a dimension it does not know', () => {
    const r = runCli(['sql', '--dialect', 'duckdb', '--by', 'region']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--by takes agent, team, channel, priority, week, month (got "region")');
  });
});

describe('audit --engine duckdb --by', () => {
  it('prints the breakdowns the built-in engine prints (JSON and the scorecard), same exit code', () => {
    const args = ['audit', SAMPLE, '--by', 'agent,team,week', '--no-color'];
    const js = runCli([...args, '--format', 'json']);
    const sql = runCli([...args, '--format', 'json', '--engine', 'duckdb']);
    expect(sql.stderr).toBe(js.stderr);
    expect(sql.code).toBe(js.code);
    const a = JSON.parse(js.stdout) as Report;
    const b = JSON.parse(sql.stdout) as Report;
    expect(a.breakdowns.agent!.length).toBeGreaterThan(1);
    // The rules not computed in SQL are left out of its rows: compare the computed ones.
    const computed = new Set(b.rules.filter((r) => r.status !== 'unsupported').map((r) => r.id));
    for (const dim of ['agent', 'team', 'week'] as const) {
      expect(b.breakdowns[dim]).toEqual(a.breakdowns[dim]!.map((row) => ({ ...row, rules: row.rules.filter((r) => computed.has(r.id)) })));
    }
    const table = runCli([...args, '--engine', 'duckdb']);
    expect(table.stdout).toContain('by agent');
    expect(table.stdout).toContain('by week');
  });

  it('with no rule computed in SQL: no rows, and the query still runs (team and priority passed through empty facts)', async () => {
    const policy = builtinPolicy();
    const chat = policy.rules.find((r) => r.id === 'chat-first-response')!;
    const only = { ...policy, rules: [{ ...chat, id: 'chat-next-reply', measure: 'next-reply' } as typeof chat] };
    const report = await runAudit({ files: [SAMPLE], policy: only, by: ['agent', 'team', 'priority'], maxBreaches: 10, strict: false, engine: 'duckdb' });
    expect(report.rules.map((r) => r.status)).toEqual(['unsupported']);
    expect(report.breakdowns).toEqual({ agent: [], team: [], priority: [] });
  });

  it('on a Parquet file of canonical tickets', async () => {
    const policy = builtinPolicy();
    const c = ticketCollector();
    await readInputs({
      files: [SAMPLE],
      policy,
      clocks: businessClocks(policy),
      strict: false,
      jobs: 1,
      createCard: c.createCard,
      cardOptions: () => ({ by: [], maxBreaches: 10, timezone: 'UTC' }),
    });
    const path = join(mkdtempSync(join(tmpdir(), 'sql-by-')), 'sample.parquet');
    const s = await openDuckDB();
    try {
      await loadTickets(s, c.tickets());
      await s.run(`COPY tickets TO '${path}' (FORMAT parquet)`);
    } finally {
      s.close();
    }
    const req = { policy, by: ['agent', 'channel', 'month'] as const, maxKeys: 2, maxBreaches: 10, strict: false };
    const csv = await runAudit({ ...req, by: [...req.by], files: [SAMPLE], engine: 'duckdb' });
    const table = await runAudit({ ...req, by: [...req.by], files: [path], engine: 'duckdb', asOf: Date.parse(csv.as_of!) });
    expect(table.breakdowns.agent!.at(-1)?.other).toBe(true);
    expect(table.breakdowns).toEqual(csv.breakdowns);
  }, 60_000);
});
