// `policy describe`: each rule in words, from the resolved policy. The figures are the policy's
// own (fixtures/policy/berlin-office.yaml and the built-in policy), read off by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describePolicy, filterWords } from '../../src/policy/describe.js';
import { describeText } from '../../src/policy/describe-text.js';
import { builtinPolicy } from '../../src/policy/default.js';
import { parsePolicy } from '../../src/policy/load.js';
import { ROOT } from '../cli/run.js';

const berlin = () => parsePolicy(readFileSync(join(ROOT, 'fixtures/policy/berlin-office.yaml'), 'utf8'), 'berlin-office.yaml');

describe('policy describe', () => {
  it('a response window: what, which tickets, window, clock, target and warn, severity, sample', () => {
    const chat = describePolicy(builtinPolicy()).rules.find((r) => r.id === 'chat-first-response')!;
    expect(chat).toMatchObject({
      measure: 'first-response',
      measures: "time from a ticket's creation to the first agent reply",
      applies_to: 'channel chat',
      window: { value: '3m', words: '3 minutes' },
      clock: 'calendar',
      target: '90%',
      // The built-in warn: 10 points under the target.
      warn: '80%',
      judged: 'passes when 90% or more of the eligible tickets are within 3m; warns from 80%, fails below',
      severity: 'error',
      weight: 1,
      min_sample: 10,
      overrides: [],
    });
    expect(chat.schedule).toBeUndefined();
  });

  it('a ceiling rule: the share it allows and where it warns', () => {
    const billing = describePolicy(builtinPolicy()).rules.find((r) => r.id === 'billing-clarity')!;
    // ceiling 15 %: target = 85 %, default warn = 1 − 2 × 15 % = 70 %, i.e. a share up to 30 % warns.
    expect(billing).toMatchObject({
      ceiling: '15%',
      target: '85%',
      warn: '70%',
      judged: 'passes while the share is at most 15%, warns up to 30%, fails above',
    });
    expect(billing.parameters.match).toMatch(/^\(type billing\*, invoice\* or \*dispute\* or a tag billing, /);
  });

  it('a business clock names its schedule and hours, versions and holidays included; overrides in words', () => {
    const d = describePolicy(berlin());
    const email = d.rules.find((r) => r.id === 'email-first-response')!;
    expect(email.clock).toBe('business');
    expect(email.schedule).toEqual({
      name: 'business-hours',
      hours:
        'mon–thu 08:00-12:00, 13:00-18:00; fri 08:00-16:00 (Europe/Berlin), closed on 2 holidays (2024-12-31; 2024-12-24 12:00-24:00) and public holidays of DE-BE; ' +
        'from 2025-01-01: mon–thu 08:00-18:00; fri 08:00-16:00 (Europe/Berlin), closed on 2 holidays (2024-12-31; 2024-12-24 12:00-24:00) and public holidays of DE-BE',
    });
    // The override's target 95 % keeps the rule's warn (80 %): min(80 %, 95 % − 10 points).
    expect(email.overrides).toEqual(['priority urgent or high: window 2h, target 95%, warn 80%']);
    expect(email.window).toEqual({ value: '8h', words: '8 hours' });
    // The policy's gate: min_sample 20, min_score 75.
    expect(email.min_sample).toBe(20);
    expect(d.gate).toContain('an overall score below 75');
    expect(d.rules.find((r) => r.id === 'social-first-response')!.severity).toBe('off');
    expect(d.rules.find((r) => r.id === 'vip-first-response')!.applies_to).toBe('a tag vip or key-account*; no tag test');
  });

  it('filters in words', () => {
    expect(filterWords({})).toBe('every ticket');
    expect(filterWords({ channel: ['email', 'web'], priority: ['urgent'] })).toBe('channel email or web; priority urgent');
    expect(filterWords({ match: 'any', type: ['refund*'], subject: ['refund'] })).toBe('(type refund* or subject with refund)');
    expect(filterWords({ type: ['refund*'], subject: ['refund'] })).toBe('type refund*; subject with refund');
    expect(filterWords({ tags: { all: ['a', 'b'] } })).toBe('every tag of a and b');
  });

  it('every rule of the built-in policy has a block in the text, a measure in words and no undefined', () => {
    const d = describePolicy(builtinPolicy());
    const text = describeText(d);
    expect(d.rules).toHaveLength(15);
    for (const r of d.rules) {
      expect(text).toContain(`\n${r.id} — ${r.title}\n`);
      expect(r.measures.length).toBeGreaterThan(10);
    }
    expect(text).not.toMatch(/undefined|\[object Object\]|NaN/);
  });
});
