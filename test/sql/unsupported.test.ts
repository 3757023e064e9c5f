// Rules the SQL cannot compute exactly report `unsupported`: out of the score like no_data,
// counted in summary.counts.unsupported, never enough on their own to pass the gate.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideGate } from '../../src/aggregate/gate.js';
import { runAudit } from '../../src/audit.js';
import { builtinPolicy } from '../../src/policy/default.js';
import { ruleUnsupported } from '../../src/sql/compile.js';
import { duckdb } from '../../src/sql/dialect.js';
import { THREAD_FIELDS } from '../../src/sql/threads.js';
import type { RuleResult } from '../../src/report.js';
import { ROOT, runCli } from '../cli/run.js';

const SAMPLE = join(ROOT, 'fixtures/samples/zendesk-tickets.csv');

describe('unsupported rules on the duckdb engine', () => {
  it('are reported as unsupported, named by engine and reason, and left out of the score', async () => {
    const builtin = builtinPolicy();
    const chat = builtin.rules.find((r) => r.id === 'chat-first-response')!;
    const policy = { ...builtin, rules: [...builtin.rules, { ...chat, id: 'chat-next-reply', measure: 'next-reply' } as typeof chat] };
    const req = { files: [SAMPLE], policy, by: [], maxBreaches: 10, strict: false };
    const js = await runAudit(req);
    const sql = await runAudit({ ...req, engine: 'duckdb' });
    // Every rule of the built-in policy computes in SQL; the added next-reply rule cannot.
    const next = sql.rules.find((r) => r.id === 'chat-next-reply')!;
    expect(next.status).toBe('unsupported');
    expect(next.note).toBe(
      'not computed on the duckdb engine: the next-reply measure needs the reply pairs of message threads, which the SQL table does not hold (run without --engine for this rule)',
    );
    expect(next.eligible).toBe(0);
    expect(sql.rules.find((r) => r.id === 'complaint-response')!.status).not.toBe('unsupported');
    expect(sql.summary.counts.unsupported).toBe(1);
    expect(js.summary.counts.unsupported).toBeUndefined();
    // The score is the weight-average over the computed rules with data only: those equal the
    // built-in engine's, so their terms do too (checked through the gate's own function).
    const computed = js.rules.filter((r) => sql.rules.find((s) => s.id === r.id)!.status !== 'unsupported');
    expect(sql.summary.score).toBe(decideGate(computed, req.policy.gate).score);
  });

  it('name the phrase when after-sales repairs are picked by a subject phrase the SQL cannot lower-case alike (σ, ς)', () => {
    const rule = builtinPolicy().rules.find((r) => r.id === 'after-sales-quality')!;
    const greek = { ...rule, applies_to: { type: ['repair'] }, repair: { subject: ['επισκευής'] } } as typeof rule;
    expect(ruleUnsupported(greek, duckdb)).toBe('the subject phrase "επισκευής" spells σ or ς (JavaScript lower-cases a final Σ to ς, SQL to σ)');
    expect(ruleUnsupported({ ...rule, applies_to: { type: ['repair'] } }, duckdb)).toBeUndefined();
    const typed = { ...rule, applies_to: { type: ['repair'] }, repair: { type: ['repair'] } } as typeof rule;
    expect(ruleUnsupported(typed, duckdb)).toBeUndefined();
  });

  it('say so when a measure needs message threads, which the SQL table does not hold', async () => {
    const policy = builtinPolicy();
    const rule = policy.rules.find((r) => r.id === 'chat-first-response')!;
    const next = { ...rule, id: 'chat-next-reply', measure: 'next-reply' } as typeof rule;
    const sql = await runAudit({ files: [SAMPLE], policy: { ...policy, rules: [rule, next] }, by: [], maxBreaches: 10, strict: false, engine: 'duckdb' });
    expect(sql.rules.find((r) => r.id === 'chat-next-reply')).toMatchObject({
      status: 'unsupported',
      note: 'not computed on the duckdb engine: the next-reply measure needs the reply pairs of message threads, which the SQL table does not hold (run without --engine for this rule)',
    });
    expect(ruleUnsupported({ ...rule, measure: 'next-reply' } as typeof rule, duckdb)).toBe(
      'the next-reply measure needs the reply pairs of message threads, which the SQL table does not hold',
    );
    expect(ruleUnsupported({ ...rule, measure: 'update-gap' } as typeof rule, duckdb)).toBe(
      'the update-gap measure needs every agent update time of message threads, which the SQL table does not hold',
    );
  });

  it('name the thread fields a rule reads when a message export (or a table loaded from one) is among the inputs, and only then', () => {
    const policy = builtinPolicy();
    const withMessages = new Set([...THREAD_FIELDS, 'id', 'created_at']);
    // A Parquet, DuckDB or ClickHouse table's fields: its columns holding a value, outbound among them.
    const threadTable = new Set(['id', 'created_at', 'first_response_at', 'outbound', 'customer_wrote']);
    const tickets = new Set(['id', 'created_at', 'first_response_at', 'last_agent_update_at']);
    const reasons = Object.fromEntries(policy.rules.map((r) => [r.id, ruleUnsupported(r, duckdb, [], withMessages)]));
    expect(reasons['promise-updates']).toBe(
      'with message exports, the promise-updates measure reads every agent update time of message threads, which the SQL table does not hold',
    );
    expect(ruleUnsupported(policy.rules.find((r) => r.id === 'promise-updates')!, duckdb, [], threadTable)).toBe(
      "the table's outbound column holds values, so it was loaded from message threads, and the promise-updates measure reads every agent update time of those threads, which the table does not hold",
    );
    // The table marks outbound conversations and those without a customer message: these compute.
    for (const id of ['chat-first-response', 'presales-advice', 'peak-friendliness', 'satisfaction', 'queue-hygiene']) {
      expect(reasons[id]).toBeUndefined();
      expect(ruleUnsupported(policy.rules.find((r) => r.id === id)!, duckdb, [], threadTable)).toBeUndefined();
    }
    // Ticket exports alone (or fields unknown): nothing changes.
    for (const available of [tickets, undefined]) for (const r of policy.rules) expect(ruleUnsupported(r, duckdb, [], available)).toBeUndefined();
  });

  it('never pass the nothing-measured gate on their own', () => {
    const rule = { id: 'x', status: 'unsupported', severity: 'error', weight: 1, compliance: null, target: 0.9 } as unknown as RuleResult;
    const summary = decideGate([rule], { min_score: 0, fail_on: 'error', min_sample: 1, require_data: true }, { measured: 10 });
    expect(summary.gate.reasons).toEqual(['nothing-measured']);
    expect(summary.counts).toEqual({ pass: 0, warn: 0, fail: 0, no_data: 0, insufficient: 0, unsupported: 1 });
    expect(summary.score).toBeNull();
  });
});

describe('support-audit sql', () => {
  it('prints DuckDB SQL that DuckDB runs', async () => {
    const r = runCli(['sql', '--dialect', 'duckdb', '--as-of', '2024-03-17']);
    expect(r.code).toBe(0);
    // Every rule of the built-in policy compiles.
    expect(r.stdout).not.toContain('unsupported');
    expect(r.stdout).toMatch(/^ {2}r1 AS \(/m);
    const { openDuckDB } = await import('../../src/sql/duckdb.js');
    const { duckdb } = await import('../../src/sql/dialect.js');
    const { ticketsDdl } = await import('../../src/sql/table.js');
    const session = await openDuckDB();
    try {
      await session.run(ticketsDdl(duckdb));
      await session.run(
        `INSERT INTO tickets (id, channel, created_at, first_response_at, tags) VALUES ('1', 'chat', ${Date.parse('2024-03-16T10:00:00Z')}, ${Date.parse('2024-03-16T10:05:00Z')}, ['vip'])`,
      );
      const statements = r.stdout
        .split(/;\n/)
        .map((s) => s.trim())
        .filter((s) => s.replace(/^--.*$/gm, '').trim() !== '');
      let rows: Record<string, unknown>[] = [];
      for (const s of statements) rows = await session.all(s);
      // The chat ticket answered in 5 minutes breaches the 3-minute window: 300000 ms.
      expect(rows.find((x) => x.part === 'breach' && x.rule === 'chat-first-response')).toMatchObject({ id: '1', v: 300000, key: 'late' });
    } finally {
      session.close();
    }
  });

  it('asks for the date range when the policy has schedules, and refuses an unknown dialect', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sql-cli-'));
    const r = runCli(['sql', '--dialect', 'duckdb', '--policy', join(ROOT, 'fixtures/policy/berlin-office.yaml')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give --from and --to');
    const ch = runCli(['sql', '--dialect', 'clickhouse'], { cwd: dir });
    expect(ch.code).toBe(2);
    expect(ch.stderr).toContain('--dialect clickhouse needs --as-of');
    const chOk = runCli(['sql', '--dialect', 'clickhouse', '--as-of', '2024-03-17'], { cwd: dir });
    expect(chOk.code).toBe(0);
    expect(chOk.stdout).toContain('LIMIT 10 BY rule');
    expect(chOk.stdout).not.toMatch(/\bWITH\b|\bOVER \(/);
    const bad = runCli(['sql', '--dialect', 'postgres']);
    expect(bad.code).toBe(2);
  });
});
