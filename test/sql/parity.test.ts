// Parity: for the rules the SQL computes, `--engine duckdb` gives the very report the built-in
// engine gives (apart from the `engine` key). The policies are cut to those rules, so the whole
// report is compared: summary, score, gate, inputs, distributions and every rule's figures.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit, type AuditRequest } from '../../src/audit.js';
import { builtinPolicy } from '../../src/policy/default.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/types.js';
import type { BreakdownRow, Dimension, Report } from '../../src/report.js';
import { duckdb } from '../../src/sql/dialect.js';
import { planRules } from '../../src/sql/compile.js';
import { hasRealData, realFile } from '../support/real-data.js';
import { ROOT } from '../cli/run.js';

/** The policy with only the rules the SQL computes (and those switched off). */
function sqlRulesOnly(policy: Policy): Policy {
  const plans = new Map(planRules(policy, duckdb).map((p) => [p.id, p.unsupported]));
  return { ...policy, rules: policy.rules.filter((r) => r.severity === 'off' || plans.get(r.id) === undefined) };
}

async function both(files: string[], policy: Policy, extra: Partial<AuditRequest> = {}): Promise<[Report, Report]> {
  const req: AuditRequest = { files, policy: sqlRulesOnly(policy), by: [], maxBreaches: 10, strict: false, ...extra };
  const js = await runAudit(req);
  const sql = await runAudit({ ...req, engine: 'duckdb' });
  expect(sql.engine).toBe('duckdb');
  delete sql.engine;
  return [js, sql];
}

const fixture = (p: string) => join(ROOT, p);
const policyFile = (name: string) => loadPolicy({ path: fixture(`fixtures/policy/${name}`), cwd: ROOT });

const TICKET_PRESETS = readdirSync(fixture('fixtures/presets')).filter((p) => !['canonical-messages', 'messages', 'twitter'].includes(p));

describe('duckdb engine parity with the built-in engine', () => {
  it('keeps some rules to compare (first response on calendar and business clocks, phone wait, satisfaction)', async () => {
    const kept = sqlRulesOnly(await policyFile('berlin-office.yaml'))
      .rules.filter((r) => r.severity !== 'off')
      .map((r) => r.id);
    expect(kept).toEqual(['chat-first-response', 'email-first-response', 'phone-wait', 'satisfaction', 'vip-first-response']);
  });

  for (const sample of ['zendesk-tickets.csv', 'support-desk.csv']) {
    it(`fixtures/samples/${sample}, built-in policy`, async () => {
      const [js, sql] = await both([fixture(`fixtures/samples/${sample}`)], builtinPolicy());
      expect(js.rules.length).toBeGreaterThan(0);
      expect(sql).toEqual(js);
    });
  }

  for (const preset of TICKET_PRESETS) {
    it(`the ${preset} preset's sample`, async () => {
      const dir = fixture(`fixtures/presets/${preset}`);
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.csv'))
        .map((f) => join(dir, f));
      const [js, sql] = await both(files, builtinPolicy());
      expect(sql).toEqual(js);
    });
  }

  it('business hours across DST and holidays, overrides and tag filters (berlin-office)', async () => {
    const [js, sql] = await both([fixture('fixtures/samples/zendesk-tickets.csv')], await policyFile('berlin-office.yaml'));
    expect(js.rules.find((r) => r.id === 'email-first-response')?.clock).toBe('business');
    expect(sql).toEqual(js);
    const [js2, sql2] = await both([fixture('fixtures/samples/support-desk.csv')], await policyFile('berlin-office.yaml'), { preset: 'canonical' });
    expect(sql2).toEqual(js2);
  });

  it('an overnight schedule across the US spring-forward night (overnight-desk)', async () => {
    const [js, sql] = await both([fixture('fixtures/samples/zendesk-tickets.csv')], await policyFile('overnight-desk.yaml'));
    expect(js.rules.find((r) => r.id === 'chat-first-response')?.clock).toBe('business');
    expect(sql).toEqual(js);
    const [js2, sql2] = await both([fixture('fixtures/samples/support-desk.csv')], await policyFile('overnight-desk.yaml'), { preset: 'canonical' });
    expect(sql2).toEqual(js2);
  });

  it('a selection, an as_of and an explained rule', async () => {
    const [js, sql] = await both([fixture('fixtures/samples/support-desk.csv')], builtinPolicy(), {
      since: { kind: 'instant', at: Date.parse('2024-02-01T00:00:00Z') },
      asOf: Date.parse('2024-03-01T00:00:00Z'),
      explain: 'email-first-response',
    });
    expect(sql).toEqual(js);
  });

  it.skipIf(!hasRealData('customer-support-tickets.csv'))('the real customer-support-tickets.csv', async () => {
    const [js, sql] = await both([realFile('customer-support-tickets.csv')], builtinPolicy());
    expect(sql).toEqual(js);
  });
});

const BY: Dimension[] = ['agent', 'team', 'channel', 'priority', 'week', 'month'];

/** Breakdowns of both engines, checked to hold something (a comparison of empty lists proves nothing). */
async function bothBy(files: string[], policy: Policy, extra: Partial<AuditRequest> = {}): Promise<[Report, Report]> {
  const [js, sql] = await both(files, policy, { by: BY, ...extra });
  expect(Object.keys(js.breakdowns).sort()).toEqual([...BY].sort());
  expect(js.breakdowns.channel!.length).toBeGreaterThan(0);
  return [js, sql];
}

describe('duckdb engine parity with the built-in engine: breakdowns (--by)', () => {
  for (const sample of ['zendesk-tickets.csv', 'support-desk.csv']) {
    it(`fixtures/samples/${sample}, built-in policy`, async () => {
      const [js, sql] = await bothBy([fixture(`fixtures/samples/${sample}`)], builtinPolicy());
      expect(sql).toEqual(js);
    });
  }

  for (const preset of TICKET_PRESETS) {
    it(`the ${preset} preset's sample`, async () => {
      const dir = fixture(`fixtures/presets/${preset}`);
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.csv'))
        .map((f) => join(dir, f));
      const [js, sql] = await both(files, builtinPolicy(), { by: BY });
      expect(sql).toEqual(js);
    });
  }

  it('weeks and months in the policy zone, business clocks (berlin-office)', async () => {
    const [js, sql] = await bothBy([fixture('fixtures/samples/zendesk-tickets.csv')], await policyFile('berlin-office.yaml'));
    expect(sql).toEqual(js);
    const [js2, sql2] = await bothBy([fixture('fixtures/samples/support-desk.csv')], await policyFile('berlin-office.yaml'), { preset: 'canonical' });
    expect(sql2).toEqual(js2);
  });

  it('more keys than --max-keys: the listed keys and the other row', async () => {
    // support-desk.csv has 16 agent keys: --max-keys 2 lists 2 and keeps 8 (4 x 2) one by one,
    // chosen by key hash, so the SQL's choice of kept keys is compared too.
    const [js, sql] = await bothBy([fixture('fixtures/samples/support-desk.csv')], builtinPolicy(), { maxKeys: 2 });
    const agents = js.breakdowns.agent!;
    expect(agents).toHaveLength(3);
    expect(agents[2].other).toBe(true);
    expect(js.breakdowns.week!.at(-1)?.other).toBe(true);
    expect(sql).toEqual(js);
    // The two agents listed are not the two with the most breaches of all 16 (Nina Rossi leads
    // with 201): the 8 kept by hash decide, so a different choice in SQL would show here.
    const all = await runAudit({
      files: [fixture('fixtures/samples/support-desk.csv')],
      policy: builtinPolicy(),
      by: ['agent'],
      maxBreaches: 10,
      strict: false,
    });
    const breaches = (row: BreakdownRow) => row.rules.reduce((n, r) => n + r.eligible - r.met, 0);
    const top2 = all.breakdowns
      .agent!.slice()
      .sort((a, b) => breaches(b) - breaches(a))
      .slice(0, 2)
      .map((r) => r.key);
    expect(top2).toContain('Nina Rossi');
    expect(agents.map((r) => r.key)).not.toContain('Nina Rossi');
    const [js1, sql1] = await bothBy([fixture('fixtures/samples/support-desk.csv')], builtinPolicy(), { maxKeys: 1 });
    expect(js1.breakdowns.agent).toHaveLength(2);
    expect(sql1).toEqual(js1);
  });

  it.skipIf(!hasRealData('customer-support-tickets.csv'))('the real customer-support-tickets.csv', async () => {
    const [js, sql] = await bothBy([realFile('customer-support-tickets.csv')], builtinPolicy());
    expect(sql).toEqual(js);
    const [js2, sql2] = await bothBy([realFile('customer-support-tickets.csv')], builtinPolicy(), { maxKeys: 3 });
    expect(sql2).toEqual(js2);
  });
});
