// The first-run sample (fixtures/samples/support-desk.csv): reproducible from its generator, and
// rich enough that every default rule has data, with passes, warnings and failures. The figures
// are checked against an independent count over the CSV (plain string splits, no project code).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_IDS } from '../../src/policy/default-document.js';
import type { Report, RuleResult } from '../../src/report.js';
// @ts-expect-error: a plain ES module script without type declarations.
import { makeSample } from '../../scripts/make-sample.mjs';
import { ROOT, runCli } from '../cli/run.js';

const SAMPLE = join(ROOT, 'fixtures/samples/support-desk.csv');
const text = readFileSync(SAMPLE, 'utf8');

describe('fixtures/samples/support-desk.csv', () => {
  it('is what scripts/make-sample.mjs writes with its default seed (2,500 tickets, a few hundred KB)', () => {
    expect((makeSample as () => string)()).toBe(text);
    expect(text.split('\n').length - 2).toBe(2500);
    expect(text.length).toBeGreaterThan(200_000);
    expect(text.length).toBeLessThan(700_000);
  });

  const run = runCli(['audit', 'fixtures/samples/support-desk.csv', '--format', 'json']);
  const report = JSON.parse(run.stdout) as Report;
  const rule = (id: string): RuleResult => report.rules.find((r) => r.id === id)!;

  it('is read without a problem or a zone warning, as the canonical format', () => {
    expect(run.stderr).toBe('');
    expect(report.inputs).toMatchObject([{ format: 'canonical', rows: 2500, used: 2500, skipped: 0, problems: [] }]);
  });

  it('gives every default rule data (no no_data, no insufficient) and shows pass, warn and fail', () => {
    expect(report.rules.map((r) => r.id)).toEqual([...DEFAULT_RULE_IDS]);
    for (const r of report.rules) {
      expect({ id: r.id, status: r.status }).toEqual({ id: r.id, status: expect.stringMatching(/^(pass|warn|fail)$/) });
      expect(r.eligible, r.id).toBeGreaterThanOrEqual(20);
    }
    const statuses = new Set(report.rules.map((r) => r.status));
    expect([...statuses].sort()).toEqual(['fail', 'pass', 'warn']);
    // The gate fails on phone-wait alone (the only failing rule of severity error): exit 1.
    expect(run.code).toBe(1);
    expect(report.summary.gate.reasons).toEqual(['rule-failed:phone-wait']);
  });

  // An independent count over the file: split on commas (the generator never quotes a cell).
  const [head, ...lines] = text.trimEnd().split('\n');
  const cols = head.split(',');
  const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])) as Record<string, string>);
  const ms = (s: string): number => Date.parse(s);
  // as_of: the latest timestamp of the file except due_at (docs/timestamps.md "as_of").
  const stampCols = cols.filter((c) => c.endsWith('_at') && c !== 'due_at');
  const asOf = Math.max(...rows.flatMap((r) => stampCols.filter((c) => r[c]).map((c) => ms(r[c]))));

  it('has figures an independent count over the CSV reproduces', () => {
    expect(text).not.toContain('"');
    expect(report.as_of).toBe(new Date(asOf).toISOString());
    // chat-first-response: answered within 180 s meets; a missed chat breaches; no chat is open.
    const chats = rows.filter((r) => r.channel === 'chat');
    const chatMet = chats.filter((r) => r.first_response_at && ms(r.first_response_at) - ms(r.created_at) <= 180_000).length;
    expect(chats.every((r) => r.status === 'closed' || r.status === 'solved')).toBe(true);
    expect(rule('chat-first-response')).toMatchObject({ eligible: chats.length, met: chatMet });
    // phone-wait: answered within 300 s ÷ (calls − abandons of at most 5 s).
    const calls = rows.filter((r) => r.channel === 'phone' && !(r.abandoned === 'true' && Number(r.wait_seconds) <= 5));
    const callsMet = calls.filter((r) => r.abandoned !== 'true' && Number(r.wait_seconds) <= 300).length;
    expect(rule('phone-wait')).toMatchObject({ eligible: calls.length, met: callsMet });
    // satisfaction: ratings 4–5 of the rated tickets (no rated ticket is spam).
    const rated = rows.filter((r) => r.csat !== '');
    expect(rule('satisfaction')).toMatchObject({ eligible: rated.length, met: rated.filter((r) => Number(r.csat) >= 4).length });
    // billing-clarity: the generator tags every billing contact `billing`; spam is excluded.
    const notSpam = rows.filter((r) => !r.tags.split(';').includes('spam'));
    const billing = notSpam.filter((r) => r.tags.split(';').includes('billing')).length;
    expect(rule('billing-clarity')).toMatchObject({ eligible: notSpam.length, met: notSpam.length - billing });
    // refund-speed: approved returns refunded within 14 days, or unrefunded past 14 days at as_of.
    const fortnight = 14 * 86_400_000;
    const approved = rows.filter((r) => r.return_decision === 'approved');
    const refundJudged = approved.filter((r) => r.refunded_at || asOf - ms(r.return_requested_at) > fortnight);
    const refundMet = refundJudged.filter((r) => r.refunded_at && ms(r.refunded_at) - ms(r.return_requested_at) <= fortnight).length;
    expect(rule('refund-speed')).toMatchObject({ eligible: refundJudged.length, met: refundMet });
  });

  it('shows the weaknesses the generator builds in: phone waits worse from 19 February, slow refunds', () => {
    // ISO weeks 2024-W01…W07 are before 19 February (a Monday, W08), W08 on after it.
    const weeks = rule('phone-wait').trend;
    const share = (pts: typeof weeks): number => pts.reduce((s, p) => s + p.met, 0) / pts.reduce((s, p) => s + p.eligible, 0);
    const before = share(weeks.filter((p) => p.period < '2024-W08'));
    const after = share(weeks.filter((p) => p.period >= '2024-W08'));
    expect(before).toBeGreaterThan(0.8);
    expect(after).toBeLessThan(0.7);
    expect(rule('refund-speed').status).toBe('fail');
    // Nearly every slipped ticket's last agent update came after its due time: the ticket export
    // alone cannot tell whether an earlier one came in time, and says so rather than guess.
    const promise = rule('promise-updates');
    expect(promise.excluded_reasons['update-history-unknown']).toBeGreaterThan(promise.eligible);
  });
});
