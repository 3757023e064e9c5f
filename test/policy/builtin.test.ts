import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { builtinPolicy } from '../../src/policy/default.js';
import { compileFilter } from '../../src/policy/filter.js';
import { parsePolicy } from '../../src/policy/load.js';
import { printPolicy } from '../../src/policy/print.js';
import { starterPolicyYaml } from '../../src/policy/starter.js';
import type { RuleConfig } from '../../src/policy/types.js';
import type { Ticket } from '../../src/types.js';

const MIN = 60_000,
  HOUR = 60 * MIN,
  DAY = 24 * HOUR;

describe('the built-in policy (the eight baseline expectations)', () => {
  const p = builtinPolicy();
  const rule = (id: string) => p.rules.find((r) => r.id === id) as RuleConfig & Record<string, unknown>;

  it('has exactly the 15 default ids, in order', () => {
    expect(p.rules.map((r) => r.id)).toEqual([
      'chat-first-response',
      'email-first-response',
      'phone-wait',
      'social-first-response',
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
    ]);
  });

  it("keeps the baseline's numbers", () => {
    expect(rule('chat-first-response')).toMatchObject({ measure: 'first-response', window: 3 * MIN, applies_to: { channel: ['chat'] } });
    expect(rule('email-first-response')).toMatchObject({ window: 24 * HOUR, applies_to: { channel: ['email', 'web'] } });
    expect(rule('phone-wait')).toMatchObject({ measure: 'phone-wait', window: 5 * MIN, applies_to: { channel: ['phone'] } });
    expect(rule('social-first-response')).toMatchObject({ window: HOUR, applies_to: { channel: ['social', 'messaging'] } });
    expect(rule('satisfaction')).toMatchObject({ measure: 'csat', target: 0.8 });
    expect(rule('complaint-response')).toMatchObject({ measure: 'first-response', window: 7 * DAY, clock: 'calendar' });
  });

  it('numbers its expectations 1–8 as docs/policy.md does', () => {
    expect(p.rules.map((r) => r.expectation)).toEqual([null, null, null, null, null, 1, 2, 3, 4, 4, 5, 6, 7, 8, 8]);
  });

  it('has the default time zone, schedule, exclude tags and gate', () => {
    expect(p.timezone).toBe('UTC');
    expect(p.exclude_tags).toEqual(['spam', 'merged', 'duplicate', 'no_sla']);
    expect(p.gate).toEqual({ min_score: 0, fail_on: 'error', min_sample: 10, require_data: true });
    const week = p.schedules['business-hours'].versions[0].week;
    expect(week).toEqual([[], [[540, 1020]], [[540, 1020]], [[540, 1020]], [[540, 1020]], [[540, 1020]], []]);
  });

  it("its words select the real Kaggle dataset's types and subjects", () => {
    const t = (type: string, subject: string): Ticket => ({ id: '1', created_at: 0, tags: [], file: 0, line: 2, type, subject });
    const hits = (id: string, ticket: Ticket) => {
      const r = rule(id);
      return compileFilter((r.measure === 'share' ? r.match : r.applies_to) as never)(ticket);
    };
    expect(hits('billing-clarity', t('Billing inquiry', 'Account access'))).toBe(true);
    expect(hits('billing-clarity', t('Technical issue', 'Payment issue'))).toBe(true);
    expect(hits('billing-clarity', t('Technical issue', 'Battery life'))).toBe(false);
    expect(hits('after-sales-quality', t('Technical issue', 'Software bug'))).toBe(true);
    expect(hits('after-sales-quality', t('Product inquiry', 'Battery life'))).toBe(true);
    expect(hits('after-sales-quality', t('Product inquiry', 'Installation support'))).toBe(true);
    expect(hits('presales-advice', t('Product inquiry', 'Delivery problem'))).toBe(true);
    expect(hits('presales-advice', t('Refund request', 'Product recommendation'))).toBe(true);
    expect(hits('presales-advice', t('Refund request', 'Refund request'))).toBe(false);
    expect(hits('complaint-response', t('Complaint', 'x'))).toBe(true);
    expect(hits('complaint-response', t('Billing inquiry', 'Payment issue'))).toBe(false);
  });

  it('the starter YAML parses back to the built-in policy, under a name of its own', () => {
    const starter = starterPolicyYaml();
    expect(starter.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+policy\.schema\.json$/);
    const parsed = parsePolicy(starter, 'starter.yaml');
    expect(parsed.name).toBe('Our service standards');
    expect({ ...parsed, source: 'built-in', name: p.name }).toEqual(p);
    // Its schedules follow the policy's zone instead of pinning UTC.
    expect(starter).not.toMatch(/^ +timezone:/m);
  });

  it('print writes it back the human way, and that parses back the same', () => {
    const yaml = printPolicy(p, 'yaml');
    expect(yaml).toContain('window: 24h');
    expect(yaml).toContain('target: 80%');
    expect({ ...parsePolicy(yaml, 'x.yaml'), source: 'built-in' }).toEqual(p);
    expect({ ...parsePolicy(printPolicy(p, 'json'), 'x.json'), source: 'built-in' }).toEqual(p);
  });

  it('every fixture policy is valid and prints back to itself', () => {
    for (const name of ['minimal.yaml', 'berlin-office.yaml', 'full.json', 'overnight-desk.yaml']) {
      const text = readFileSync(new URL(`../../fixtures/policy/${name}`, import.meta.url), 'utf8');
      const parsed = parsePolicy(text, name);
      expect(parsePolicy(printPolicy(parsed, 'yaml'), name)).toEqual(parsed);
    }
  });
});
