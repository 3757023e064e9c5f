// Message exports on the DuckDB engine: the conversations the reading assembles are judged in SQL
// like ticket rows, with their `outbound` and `customer_wrote` columns, so first-response,
// presales and peak judge them as the built-in engine does. The rules whose built-in judging reads
// what the table cannot hold (reply pairs, every agent update time) report `unsupported`, naming
// the engine; every other rule, and the rest of the report, equals the built-in engine's.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit, type AuditRequest } from '../../src/audit.js';
import { builtinPolicy } from '../../src/policy/default.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/types.js';
import type { Dimension, Report } from '../../src/report.js';
import { planRules } from '../../src/sql/compile.js';
import { duckdb } from '../../src/sql/dialect.js';
import { THREAD_FIELDS } from '../../src/sql/threads.js';
import { ROOT, runCli } from '../cli/run.js';
import { hasRealData, realFile } from '../support/real-data.js';

const fixture = (p: string) => join(ROOT, p);
const ALL_DIMENSIONS: Dimension[] = ['agent', 'team', 'channel', 'priority', 'week', 'month'];
/** The fields of inputs holding messages, as the reading reports them (ingest.ts availableFields). */
const WITH_MESSAGES = new Set<string>(THREAD_FIELDS);

/** The policy with only the rules the SQL computes when messages are among the inputs. */
function computedOnly(policy: Policy, by: readonly Dimension[] = []): Policy {
  const plans = new Map(planRules(policy, duckdb, by, WITH_MESSAGES).map((p) => [p.id, p.unsupported]));
  return { ...policy, rules: policy.rules.filter((r) => r.severity === 'off' || plans.get(r.id) === undefined) };
}

async function both(files: string[], policy: Policy, extra: Partial<AuditRequest> = {}): Promise<[Report, Report]> {
  const req: AuditRequest = { files, policy, by: [], maxBreaches: 10, strict: false, ...extra };
  const js = await runAudit(req);
  const sql = await runAudit({ ...req, engine: 'duckdb' });
  expect(sql.engine).toBe('duckdb');
  delete sql.engine;
  return [js, sql];
}

const NOTE = (measure: string, reason: string) =>
  `not computed on the duckdb engine: with message exports, the ${measure} ${reason} (run without --engine for this rule)`;
const SAMPLES = ['twitter', 'canonical-messages', 'messages'].map((p) => fixture(`fixtures/presets/${p}/sample.csv`));
const JOIN = [fixture('fixtures/sql/join/tickets.csv'), fixture('fixtures/sql/join/messages.csv')];
/** Ticket rows joined to conversations on each branch of the first-response judging (fixtures/sql/threads/). */
const THREADS = [fixture('fixtures/sql/threads/tickets.csv'), fixture('fixtures/sql/threads/messages.csv')];
/** The built-in rules judging first responses or their samples, which read `outbound` and `customer_wrote`. */
const THREAD_RULES = ['chat-first-response', 'email-first-response', 'social-first-response', 'peak-friendliness', 'presales-advice', 'complaint-response'];

describe('message exports on the duckdb engine', () => {
  it('report promise-updates as unsupported, naming the engine and the reason; first-response, presales, peak and the others as the built-in engine', async () => {
    const policy = builtinPolicy();
    for (const files of [...SAMPLES.map((s) => [s]), JOIN, THREADS]) {
      const [js, sql] = await both(files, policy);
      const unsupported = sql.rules.filter((r) => r.status === 'unsupported');
      expect(unsupported.map((r) => [r.id, r.note])).toEqual([
        ['promise-updates', NOTE('promise-updates', 'measure reads every agent update time of message threads, which the SQL table does not hold')],
      ]);
      expect(sql.summary.counts.unsupported).toBe(1);
      // Every other rule has the built-in engine's figures, those reading outbound and customer_wrote included.
      for (const r of sql.rules) if (r.status !== 'unsupported') expect(r).toEqual(js.rules.find((j) => j.id === r.id));
      expect(sql.rules.filter((r) => THREAD_RULES.includes(r.id)).map((r) => r.id)).toEqual(THREAD_RULES);
      expect(sql.inputs).toEqual(js.inputs);
      expect(sql.distributions).toEqual(js.distributions);
    }
  });

  // fixtures/sql/threads/, joined (K1–K5 ticket rows with conversations, K6 and K9 conversations
  // alone, K8 a ticket row alone). chat-first-response (3 minutes) on chat: K3 and K9 are bot
  // greetings (no customer message: excluded), K4 a bot greeting on a row flagged missed (missed is
  // judged before: breached), K6 outbound (excluded first), K5 unanswered (breached), K8 met in 2
  // minutes. email-first-response: K1 met in 20 minutes, K2 outbound although its row has a first
  // response (excluded, and left out of the histogram). K9's customer wrote at 18:00, the latest
  // time (as_of): pending then, without a customer message at 17:00.
  it('judge outbound conversations and those without a customer message as the built-in engine, at any as_of', async () => {
    const policy = builtinPolicy();
    for (const [asOf, chat] of [
      [undefined, { eligible: 3, met: 1, breached: 2, pending: 1, excluded: 2, excluded_reasons: { 'no-customer-message': 1, outbound: 1 } }],
      [
        Date.parse('2024-03-06T17:00:00Z'),
        { eligible: 3, met: 1, breached: 2, pending: 0, excluded: 3, excluded_reasons: { 'no-customer-message': 2, outbound: 1 } },
      ],
    ] as const) {
      const [js, sql] = await both(THREADS, computedOnly(policy), { asOf });
      expect(sql).toEqual(js);
      const rule = (id: string) => sql.rules.find((r) => r.id === id)!;
      expect(rule('chat-first-response')).toMatchObject(chat);
      expect(rule('chat-first-response').breaches.map((b) => [b.id, b.code])).toEqual([
        ['K5', 'unanswered'],
        ['K4', 'missed'],
      ]);
      expect(rule('email-first-response')).toMatchObject({ eligible: 1, met: 1, excluded_reasons: { outbound: 1 } });
      // K1's 20 minutes (bin 30) by email, K8's 2 minutes (bin 3) by chat; K2's 40 minutes are outbound.
      expect(sql.distributions!.first_response.counts).toEqual({
        chat: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        email: [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
      });
    }
  });

  it('equal the built-in engine whole on the rules they compute: the presets’ samples, a ticket export joined to its messages, with and without --by', async () => {
    const file = (path: string) => loadPolicy({ path: fixture(path), cwd: ROOT });
    // berlin-office names the zendesk preset for its inputs: the files' own presets are detected here.
    const berlin = { ...(await file('fixtures/policy/berlin-office.yaml')), inputs: builtinPolicy().inputs };
    // Business hours across DST and holidays, the rate measures (one-touch counts the conversations' agent replies).
    for (const policy of [builtinPolicy(), berlin, await file('fixtures/policy/overnight-desk.yaml'), await file('fixtures/sql/rates.yaml')]) {
      for (const files of [...SAMPLES.map((s) => [s]), JOIN, THREADS, [SAMPLES[1], SAMPLES[2]]]) {
        for (const by of [[], ALL_DIMENSIONS]) {
          const cut = computedOnly(policy, by);
          // Every first-response, presales and peak rule is computed (peak not with --by, on any input).
          const reading = (r: Policy['rules'][number]) =>
            ['first-response', 'presales', 'peak'].includes(r.measure) && (by.length === 0 || r.measure !== 'peak');
          expect(cut.rules.filter(reading)).toEqual(policy.rules.filter(reading));
          const [js, sql] = await both(files, cut, { by });
          expect(sql).toEqual(js);
        }
      }
    }
  });

  it('are audited by the command, no longer refused with exit 2', () => {
    const r = runCli(['audit', JOIN[0], JOIN[1], '--engine', 'duckdb', '--format', 'json']);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as Report;
    expect(report.engine).toBe('duckdb');
    expect(report.inputs.map((i) => [i.format, i.joined])).toEqual([
      ['canonical', 4],
      ['canonical-messages', 4],
    ]);
    // J3 answered in 3 minutes, J4 a bot greeting (no customer message); J2 and C7 outbound.
    expect(report.rules.find((x) => x.id === 'chat-first-response')).toMatchObject({
      status: 'insufficient',
      eligible: 2,
      excluded_reasons: { 'no-customer-message': 1 },
    });
    expect(report.rules.find((x) => x.id === 'email-first-response')).toMatchObject({ status: 'insufficient', eligible: 1, excluded_reasons: { outbound: 2 } });
    expect(report.rules.find((x) => x.id === 'promise-updates')).toMatchObject({ status: 'unsupported', eligible: 0 });
    // Too few tickets to judge the computed rules: the gate holds (exit 0), as on the built-in engine.
    expect(report.summary.gate.passed).toBe(true);
    expect(r.code).toBe(0);
  });

  it.skipIf(!hasRealData('twcs-sample.csv'))('equal the built-in engine on the real Twitter support threads (twcs-sample.csv)', async () => {
    const [js, sql] = await both([realFile('twcs-sample.csv')], computedOnly(builtinPolicy(), ALL_DIMENSIONS), { by: ALL_DIMENSIONS });
    expect(sql).toEqual(js);
    // With the whole built-in policy, social-first-response judges 1,288 inbound conversations as
    // the built-in engine does (it was unsupported, and nothing was measured); only promise-updates
    // is not computed (no_data on the built-in engine).
    const req: AuditRequest = { files: [realFile('twcs-sample.csv')], policy: builtinPolicy(), by: [], maxBreaches: 10, strict: false };
    const wholeJs = await runAudit(req);
    const whole = await runAudit({ ...req, engine: 'duckdb' });
    expect(whole.rules.filter((r) => r.status === 'unsupported').map((r) => r.id)).toEqual(['promise-updates']);
    for (const r of whole.rules) if (r.status !== 'unsupported') expect(r).toEqual(wholeJs.rules.find((j) => j.id === r.id));
    expect(whole.rules.find((r) => r.id === 'social-first-response')).toMatchObject({ status: 'fail', eligible: 1288 });
    expect(whole.summary.score).toBe(wholeJs.summary.score);
    expect(whole.summary.gate).toEqual(wholeJs.summary.gate);
    expect(whole.distributions).toEqual(wholeJs.distributions);
    const social = js.distributions!.first_response.counts.social;
    expect(social.reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
  });
});
