import { describe, expect, it } from 'vitest';
import { builtinPolicy } from '../../src/policy/default.js';
import { parsePolicy } from '../../src/policy/load.js';
import type { RuleConfig } from '../../src/policy/types.js';

const MIN = 60_000;
const byId = (rules: RuleConfig[], id: string) => rules.find((r) => r.id === id)!;

describe('a user policy merges onto the built-in one', () => {
  it('a default id changes only the keys given', () => {
    const p = parsePolicy('rules: [{id: chat-first-response, window: 2m}]', 'p.yaml');
    const chat = byId(p.rules, 'chat-first-response');
    const builtin = byId(builtinPolicy().rules, 'chat-first-response');
    // The title names the window, so it follows the new one (the policy wrote no title).
    expect(chat).toEqual({ ...builtin, window: 2 * MIN, title: 'Live chat answered within 2 minutes' });
    // Every other built-in rule is still there, in the built-in order.
    expect(p.rules.map((r) => r.id)).toEqual(builtinPolicy().rules.map((r) => r.id));
  });

  it('a new target moves the derived warn level with it (10 points under)', () => {
    const p = parsePolicy('rules: [{id: satisfaction, target: 60%}]', 'p.yaml');
    expect(byId(p.rules, 'satisfaction')).toMatchObject({ target: 0.6, warn: 0.5 });
  });

  it('a ceiling rule targets 1 − ceiling and warns up to twice the ceiling', () => {
    const p = parsePolicy('rules: [{id: billing-clarity, ceiling: 10%}]', 'p.yaml');
    expect(byId(p.rules, 'billing-clarity')).toMatchObject({ ceiling: 0.1, target: 0.9, warn: 0.8 });
  });

  it('a key given replaces the whole default value (applies_to is not merged key by key)', () => {
    const p = parsePolicy('rules: [{id: complaint-response, applies_to: {tags: [escalation]}}]', 'p.yaml');
    expect(byId(p.rules, 'complaint-response').applies_to).toEqual({ tags: { any: ['escalation'] } });
  });

  it("new ids are appended in the user's order and must be complete", () => {
    const p = parsePolicy(
      `rules:
  - {id: vip-first-response, expectation: channel, title: VIP answered in 15 minutes, measure: first-response,
     window: 15m, target: 95%, applies_to: {tags: [vip]}, severity: warn}
  - {id: phone-wait, severity: off}
`,
      'p.yaml',
    );
    expect(p.rules).toHaveLength(16);
    expect(p.rules[15]).toMatchObject({ id: 'vip-first-response', window: 15 * MIN, target: 0.95, warn: 0.85, weight: 1, clock: 'calendar', overrides: [] });
    expect(byId(p.rules, 'phone-wait').severity).toBe('off');
  });

  it('extends: none keeps only the rules written (a default id still merges onto its built-in rule)', () => {
    const p = parsePolicy('extends: none\nrules: [{id: complaint-response}]', 'p.yaml');
    expect(p.rules.map((r) => r.id)).toEqual(['complaint-response']);
    expect(p.rules[0]).toEqual(byId(builtinPolicy().rules, 'complaint-response'));
    expect(p.schedules).toEqual({});
  });

  it('top-level defaults and gate keys fill in one by one', () => {
    const p = parsePolicy('name: Ours\ntimezone: Europe/Berlin\ngate: {min_score: 70}\ninputs: zendesk', 'p.yaml');
    expect(p).toMatchObject({
      name: 'Ours',
      source: 'p.yaml',
      timezone: 'Europe/Berlin',
      inputs: { preset: 'zendesk' },
      exclude_tags: ['spam', 'merged', 'duplicate', 'no_sla'],
      gate: { min_score: 70, fail_on: 'error', min_sample: 10 },
    });
    // The built-in schedule follows the policy's zone when it names none.
    expect(p.schedules['business-hours'].versions[0].timezone).toBe('Europe/Berlin');
  });

  it('overrides per priority keep their own numbers; an override target alone derives its warn', () => {
    const p = parsePolicy(
      'rules: [{id: email-first-response, overrides: [{when: {priority: [urgent, high]}, window: 4h, target: 95%}, {when: {channel: web}, window: 48h}]}]',
      'p.yaml',
    );
    expect(byId(p.rules, 'email-first-response').overrides).toEqual([
      { when: { priority: ['urgent', 'high'] }, window: 240 * MIN, target: 0.95, warn: 0.8 },
      { when: { channel: ['web'] }, window: 48 * 60 * MIN },
    ]);
  });

  it('a business clock defaults to the business-hours schedule', () => {
    const p = parsePolicy('rules: [{id: email-first-response, clock: business}]', 'p.yaml');
    expect(byId(p.rules, 'email-first-response')).toMatchObject({ clock: 'business', schedule: 'business-hours' });
  });
});
