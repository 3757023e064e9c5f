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
import type { Report } from '../../src/report.js';
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
  it('keeps some rules to compare (first response on calendar and business clocks, phone wait, satisfaction, promise updates, returns and refunds)', async () => {
    const kept = sqlRulesOnly(await policyFile('berlin-office.yaml'))
      .rules.filter((r) => r.severity !== 'off')
      .map((r) => r.id);
    expect(kept).toEqual([
      'chat-first-response',
      'email-first-response',
      'phone-wait',
      'satisfaction',
      'promise-updates',
      'returns-approval',
      'refund-speed',
      'vip-first-response',
    ]);
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

// Policies of the measures read from ticket fields (test/fixtures/sql/): every rule of each is
// computed in SQL, on the calendar and business clocks, with overrides.
const MEASURE_POLICIES: [file: string, ids: string[]][] = [
  [
    'durations.yaml',
    ['resolution-full', 'resolution-full-business', 'resolution-first', 'resolution-first-business', 'requester-wait', 'requester-wait-business'],
  ],
  ['returns.yaml', ['refund-speed', 'refund-speed-business', 'returns-approval', 'returns-approval-business']],
  ['after-sales.yaml', ['after-sales-quality', 'after-sales-business', 'after-sales-no-repair', 'presales-advice', 'presales-business']],
  ['promises.yaml', ['promise-updates', 'promise-updates-business']],
];
const measurePolicy = (name: string) => loadPolicy({ path: fixture(`test/fixtures/sql/${name}`), cwd: ROOT });

describe('duckdb engine parity on the ticket-field measures', () => {
  for (const [name, ids] of MEASURE_POLICIES) {
    it(`keeps every rule of ${name}`, async () => {
      const policy = await measurePolicy(name);
      expect(policy.rules.map((r) => r.id)).toEqual(ids);
      expect(sqlRulesOnly(policy).rules.map((r) => r.id)).toEqual(ids);
    });

    it(`${name}: the samples, with and without an as_of inside the data`, async () => {
      const policy = await measurePolicy(name);
      const [js, sql] = await both([fixture('fixtures/samples/zendesk-tickets.csv')], policy);
      expect(sql).toEqual(js);
      const [js2, sql2] = await both([fixture('fixtures/samples/support-desk.csv')], policy, { preset: 'canonical' });
      expect(sql2).toEqual(js2);
      // Every rule judges tickets in one sample or the other.
      const judged = (r: Report['rules'][number]) => r.eligible + r.pending + r.excluded > 0;
      expect(ids.filter((id) => ![js, js2].some((rep) => judged(rep.rules.find((r) => r.id === id)!)))).toEqual([]);
      // Mid-March: solves, reopens, refunds and updates after it have not happened yet.
      for (const file of ['fixtures/samples/zendesk-tickets.csv', 'fixtures/samples/support-desk.csv']) {
        const [js3, sql3] = await both([fixture(file)], policy, { asOf: Date.parse('2024-03-12T10:30:00Z'), explain: ids[0] });
        expect(sql3).toEqual(js3);
      }
    });

    it(`${name}: every ticket preset's sample`, async () => {
      const policy = await measurePolicy(name);
      for (const preset of TICKET_PRESETS) {
        const dir = fixture(`fixtures/presets/${preset}`);
        const files = readdirSync(dir)
          .filter((f) => f.endsWith('.csv'))
          .map((f) => join(dir, f));
        const [js, sql] = await both(files, policy);
        expect({ preset, report: sql }).toEqual({ preset, report: js });
      }
    });

    it.skipIf(!hasRealData('customer-support-tickets.csv'))(`${name}: the real customer-support-tickets.csv`, async () => {
      const [js, sql] = await both([realFile('customer-support-tickets.csv')], await measurePolicy(name));
      expect(sql).toEqual(js);
    });
  }
});
