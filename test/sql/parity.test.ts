// Parity: for the rules the SQL computes, `--engine duckdb` gives the very report the built-in
// engine gives (apart from the `engine` key). The policies are cut to those rules, so the whole
// report is compared: summary, score, gate, inputs, distributions and every rule's figures.

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
function sqlRulesOnly(policy: Policy, by: readonly Dimension[] = []): Policy {
  const plans = new Map(planRules(policy, duckdb, by).map((p) => [p.id, p.unsupported]));
  return { ...policy, rules: policy.rules.filter((r) => r.severity === 'off' || plans.get(r.id) === undefined) };
}

async function both(files: string[], policy: Policy, extra: Partial<AuditRequest> = {}): Promise<[Report, Report]> {
  const req: AuditRequest = { files, policy: sqlRulesOnly(policy, extra.by), by: [], maxBreaches: 10, strict: false, ...extra };
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
  it('keeps some rules to compare (first response on calendar and business clocks, by subject phrases, phone wait, satisfaction, shares, queue, peak, promise updates, returns and refunds)', async () => {
    const kept = sqlRulesOnly(await policyFile('berlin-office.yaml'))
      .rules.filter((r) => r.severity !== 'off')
      .map((r) => r.id);
    expect(kept).toEqual([
      // Every rule of berlin-office: the business clock, holidays, overrides, subject phrases.
      'chat-first-response',
      'email-first-response',
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
    const rates = sqlRulesOnly(await loadPolicy({ path: fixture('fixtures/sql/rates.yaml'), cwd: ROOT })).rules.map((r) => r.id);
    expect(rates).toEqual(['billing-share', 'reopens', 'one-touch', 'missed-chats', 'nps', 'queue-hygiene', 'peak-friendliness']);
  });

  it('the rate measures: share by subject phrase, reopen rate, one touch, missed rate, NPS (rates.yaml)', async () => {
    const policy = await loadPolicy({ path: fixture('fixtures/sql/rates.yaml'), cwd: ROOT });
    // At the data's own as_of and on 7 March, when R-02, R-10 (chat) are solved only later: pending.
    for (const asOf of [undefined, Date.parse('2024-03-07T00:00:00Z')]) {
      const [js, sql] = await both([fixture('fixtures/sql/rates.csv')], policy, { preset: 'canonical', asOf });
      expect(sql).toEqual(js);
    }
    const [deskJs, deskSql] = await both([fixture('fixtures/samples/support-desk.csv')], policy, { preset: 'canonical' });
    expect(deskSql).toEqual(deskJs);
    const [js, sql] = await both([fixture('fixtures/sql/rates.csv')], policy, { preset: 'canonical' });
    const rule = (id: string) => sql.rules.find((r) => r.id === id)!;
    // Hand-counted on rates.csv at its own as_of (2024-03-09 12:00Z, R-10's solve), spam R-08 excluded:
    // billing-share 14 eligible (R-16 spam), 6 matched: R-01 (type billing*, "invoice"), R-05 ("BILL", b?ll),
    // R-06 (tag invoicing, "Straße"), R-07 ("Charged Twice"), R-10 ("Bell", b?ll), R-12 ("STRAẞE"
    // is straße); not R-09: "İnvoice" lower-cases to i, a combining dot, nvoice (two words).
    expect([rule('billing-share').eligible, rule('billing-share').breached]).toEqual([14, 6]);
    expect(sql.rules.find((r) => r.id === 'billing-share')!.breaches.map((b) => b.id)).toEqual(['R-01', 'R-05', 'R-06', 'R-07', 'R-10', 'R-12']);
    // reopens: known on R-01 R-02 R-04 R-05 R-06 R-09 R-10 R-11 R-12; reopened R-02 (2), R-04 (1),
    // R-12 (3); not done and not reopened R-06 (pending), R-11 (open): eligible 7, breached 3.
    expect([rule('reopens').eligible, rule('reopens').breached, rule('reopens').pending]).toEqual([7, 3, 2]);
    expect(rule('reopens').breaches.map((b) => b.reason)).toEqual(['reopened 3 times', 'reopened 2 times', 'reopened 1 time']);
    // NPS: rated R-01 10, R-02 9, R-03 8, R-04 7, R-05 6, R-06 0, R-09 10, R-10 9, R-12 8 (R-08
    // spam): 4 promoters, 2 detractors of 9: NPS round(100 × 2 / 9) = 22.
    expect(rule('nps').note).toBe('NPS 22 (promoters 4, detractors 2, rated 9)');
    expect(js.rules.find((r) => r.id === 'nps')).toEqual(rule('nps'));
  });

  it('queue hygiene: untouched, unassigned (the second check at as_of), tidy, with and without an agent column', async () => {
    const policy = await loadPolicy({ path: fixture('fixtures/sql/rates.yaml'), cwd: ROOT });
    const asOf = Date.parse('2024-03-07T00:00:00Z');
    const [js, sql] = await both([fixture('fixtures/sql/rates.csv')], policy, { preset: 'canonical', asOf });
    expect(sql).toEqual(js);
    // Open or new at 7 March 00:00Z (R-16 spam excluded), closed and solved later,
    // are open then, their updates (later too) unknown: R-02 untouched since its creation on
    // 4 March 09:00 (2d15h = 3780 min > 2d), R-10 since 5 March 12:00 (1d12h, agent Ben: tidy);
    // R-03 untouched since 4 March 10:00 (2d14h > 2d), R-04 urgent untouched since 4 March 11:05
    // (> 4h), R-11 no update, no agent, created 6 March 08:00 (16h > 12h unassigned), R-13 updated
    // 6 March 10:00, no agent (14h > 12h unassigned), R-14 updated 6 March 18:00 with an agent
    // (tidy), R-15 no agent, created 6 March 20:00 (4h, tidy).
    const q = sql.rules.find((r) => r.id === 'queue-hygiene')!;
    expect([q.eligible, q.met, q.breached, q.excluded]).toEqual([8, 3, 5, 1]);
    expect(q.breaches.map((b) => [b.id, b.code, b.value])).toEqual([
      ['R-02', 'untouched', 3780],
      ['R-03', 'untouched', 3720],
      ['R-04', 'untouched', 3655],
      ['R-11', 'unassigned', 960],
      ['R-13', 'unassigned', 840],
    ]);
    // Without the agent column the second check is skipped: are tidy.
    const noAgent = join(mkdtempSync(join(tmpdir(), 'sql-queue-')), 'no-agent.csv');
    const [header, ...lines] = readFileSync(fixture('fixtures/sql/rates.csv'), 'utf8').trimEnd().split('\n');
    const drop = header.split(',').indexOf('agent');
    const cut = (line: string) =>
      line
        .split(',')
        .filter((_, i) => i !== drop)
        .join(',');
    writeFileSync(noAgent, `${[header, ...lines].map(cut).join('\n')}\n`);
    const [js2, sql2] = await both([noAgent], policy, { preset: 'canonical', asOf });
    expect(sql2).toEqual(js2);
    const q2 = sql2.rules.find((r) => r.id === 'queue-hygiene')!;
    expect([q2.met, q2.breached, q2.note]).toEqual([5, 3, expect.stringContaining('agent')]);
  });

  it('the peak rule: its slots counted in SQL, picked by its own summary step (busiest hours, configured hours, a slot past 2,000 samples)', async () => {
    const policy = await loadPolicy({ path: fixture('fixtures/sql/rates.yaml'), cwd: ROOT });
    const [js, sql] = await both([fixture('fixtures/sql/rates.csv')], policy, { preset: 'canonical' });
    expect(sql).toEqual(js);
    // 2,100 tickets on Mondays 10:00-11:00 Berlin (one slot past EXACT_LIMIT: its log buckets), 300
    // the other hours of the week, first responses 1 s to 3 h apart, every third rating bad.
    const rows = ['id,channel,created_at,first_response_at,csat,status'];
    const monday = Date.parse('2024-01-01T09:00:00Z');
    for (let i = 0; i < 2400; i++) {
      const created = i < 2100 ? monday + (i % 30) * 7 * 86_400_000 + ((i * 1_013) % 3_600_000) : monday + (i % 150) * 3_600_000 + 1_800_000;
      const reply = created + 1000 + ((i * 7_919) % (3 * 3_600_000));
      rows.push(`P${i},chat,${new Date(created).toISOString()},${new Date(reply).toISOString()},${i % 3 === 0 ? 1 : 5},solved`);
    }
    const big = join(mkdtempSync(join(tmpdir(), 'sql-peak-')), 'peak.csv');
    writeFileSync(big, `${rows.join('\n')}\n`);
    for (const p of [builtinPolicy(), policy]) {
      const [bigJs, bigSql] = await both([big], p, { preset: 'canonical' });
      expect(bigJs.rules.find((r) => r.id === 'peak-friendliness')!.status).not.toBe('no_data');
      expect(bigSql).toEqual(bigJs);
    }
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
