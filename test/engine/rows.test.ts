// canonicalRows: the tickets an audit judges, as a list. Checked against the JS engine itself: a
// `share` rule with nothing excluded has every judged ticket eligible and breaches the tickets
// tagged `billing`, so its eligible and breached counts are the engine's own ticket counts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit.js';
import { canonicalRows } from '../../src/engine/rows.js';
import { parsePolicy } from '../../src/policy/load.js';
import { hasRealData, realFile } from '../support/real-data.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const POLICY_TEXT = [
  'extends: none',
  'exclude_tags: []',
  'rules:',
  '  - id: billing-share',
  '    expectation: channel',
  '    title: Billing questions stay under half of the tickets',
  '    measure: share',
  '    match: {tags: {any: [billing]}}',
  '    ceiling: 50%',
].join('\n');
const POLICY = parsePolicy(POLICY_TEXT, 'billing-share.yaml');

const dir = mkdtempSync(join(tmpdir(), 'sa-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** The JS engine's judged tickets and billing-tagged ones, from the share rule. */
async function engineCounts(files: string[], asOf?: number, policy = POLICY) {
  const report = await runAudit({ files, policy, by: [], maxBreaches: 0, strict: false, asOf });
  const rule = report.rules[0];
  return { tickets: rule.eligible, billing: rule.eligible - rule.met, asOf: report.as_of };
}

describe('canonicalRows', () => {
  it('keeps the newest copy of a ticket and leaves out tickets created after as_of', async () => {
    const export1 = file('copies.csv', [
      'id,channel,created_at,first_response_at,updated_at,tags',
      'A-1,email,2024-03-01T09:00:00Z,,2024-03-01T09:00:00Z,',
      'A-2,chat,2024-03-01T10:00:00Z,2024-03-01T10:01:00Z,2024-03-01T10:01:00Z,billing',
      'A-1,email,2024-03-01T09:00:00Z,2024-03-01T11:00:00Z,2024-03-01T11:00:00Z,billing',
      'A-3,phone,2024-03-02T09:00:00Z,,2024-03-02T09:00:00Z,',
    ]);
    const asOf = Date.UTC(2024, 2, 1, 12);
    const rows = await canonicalRows([export1], POLICY, { asOf });
    // A-1's second row is the newer copy (updated 11:00 > 09:00); A-3 was created after as_of.
    expect(rows.tickets.map((t) => [t.id, t.first_response_at, t.tags])).toEqual([
      ['A-2', Date.UTC(2024, 2, 1, 10, 1), ['billing']],
      ['A-1', Date.UTC(2024, 2, 1, 11), ['billing']],
    ]);
    expect(rows.asOf).toBe(asOf);
    expect(await engineCounts([export1], asOf)).toMatchObject({ tickets: 2, billing: 2 });
  });

  it("takes each ticket as it stood at the data's as_of (an event beyond it has not happened)", async () => {
    // as_of from the data: 2024-03-01T12:00Z (A-2's update); nothing is an outlier here.
    const export1 = file('as-of.csv', [
      'id,channel,created_at,first_response_at,solved_at,updated_at,status',
      'B-1,email,2024-03-01T09:00:00Z,2024-03-01T09:30:00Z,2024-03-01T10:00:00Z,2024-03-01T10:00:00Z,solved',
      'B-2,email,2024-03-01T11:00:00Z,,,2024-03-01T12:00:00Z,open',
    ]);
    const rows = await canonicalRows([export1], POLICY);
    expect(new Date(rows.asOf!).toISOString()).toBe('2024-03-01T12:00:00.000Z');
    expect(rows.tickets.map((t) => [t.id, t.status, t.solved_at])).toEqual([
      ['B-1', 'solved', Date.UTC(2024, 2, 1, 10)],
      ['B-2', 'open', undefined],
    ]);
    // With as_of before B-1 was solved: still open then, and B-2 not yet created.
    const earlier = await canonicalRows([export1], POLICY, { asOf: Date.UTC(2024, 2, 1, 9, 45) });
    expect(earlier.tickets.map((t) => [t.id, t.status, t.solved_at, t.first_response_at])).toEqual([['B-1', 'open', undefined, Date.UTC(2024, 2, 1, 9, 30)]]);
  });

  it('joins ticket rows to their conversations from a message export', async () => {
    const tickets = file('tickets.csv', ['id,channel,created_at,tags', 'C1,email,2024-03-04T08:12:05Z,billing', 'T-9,web,2024-03-04T10:00:00Z,']);
    const messages = join(ROOT, 'fixtures/presets/canonical-messages/sample.csv');
    const rows = await canonicalRows([messages, tickets], POLICY);
    // C1 joined (its row's tags, its messages' first public agent reply at 09:47:05), C2 from the
    // messages alone (first public agent reply 09:05:41: the 09:04 note is private), T-9 as it is.
    // T-9 first: a row no conversation waits for goes on at once, the conversations at the end.
    expect(rows.tickets.map((t) => [t.id, t.tags, t.first_response_at])).toEqual([
      ['T-9', [], undefined],
      ['C1', ['billing'], Date.UTC(2024, 2, 4, 9, 47, 5)],
      ['C2', [], Date.UTC(2024, 2, 4, 9, 5, 41)],
    ]);
    expect(await engineCounts([messages, tickets])).toMatchObject({ tickets: 3, billing: 1 });
  });

  it('on the sample, as many tickets and billing tags as the JS engine judges', async () => {
    const sample = join(ROOT, 'fixtures/samples/support-desk.csv');
    const rows = await canonicalRows([sample], POLICY);
    const js = await engineCounts([sample]);
    expect(js.tickets).toBe(2500);
    expect([rows.tickets.length, rows.tickets.filter((t) => t.tags.includes('billing')).length]).toEqual([js.tickets, js.billing]);
    expect(new Date(rows.asOf!).toISOString()).toBe(js.asOf);
  });

  it.skipIf(!hasRealData('customer-support-tickets.csv'))('on the real ticket export, as many tickets and billing types as the JS engine judges', async () => {
    // This export has no tags: the rule matches the ticket type instead ("Billing inquiry").
    const policy = parsePolicy(POLICY_TEXT.replace('{tags: {any: [billing]}}', '{type: ["billing*"]}'), 'billing-type.yaml');
    const real = realFile('customer-support-tickets.csv');
    const rows = await canonicalRows([real], policy);
    const js = await engineCounts([real], undefined, policy);
    expect(js.tickets).toBeGreaterThan(1000);
    expect([rows.tickets.length, rows.tickets.filter((t) => /^billing/i.test(t.type ?? '')).length]).toEqual([js.tickets, js.billing]);
    expect(new Date(rows.asOf!).toISOString()).toBe(js.asOf);
  });
});
