// Which policy, which rules (docs/policy.md): rule titles follow the rule's effective numbers
// (policy-names-cli.test.ts: the reports name the policy file used, or the built-in default).
import { describe, expect, it } from 'vitest';
import { builtinPolicy } from '../../src/policy/default.js';
import { DEFAULT_DOCUMENT } from '../../src/policy/default-document.js';
import { parsePolicy } from '../../src/policy/load.js';
import { builtinTitle, durationWords } from '../../src/policy/titles.js';

describe('titles follow the effective rule', () => {
  it('each built-in title is its template at the built-in numbers', () => {
    for (const r of builtinPolicy().rules) {
      const made = builtinTitle(r);
      if (made !== undefined) expect(made, r.id).toBe(r.title);
    }
    expect(DEFAULT_DOCUMENT.rules.filter((r) => builtinTitle(builtinPolicy().rules.find((b) => b.id === r.id)!) !== undefined)).toHaveLength(9);
  });

  it('a changed window, clock or target without a title of its own retitles the rule; a title given is kept', () => {
    const p = parsePolicy(
      `schedules: { bh: { mon: ["09:00-17:00"] } }
rules:
  - { id: email-first-response, window: 8h, clock: business }
  - { id: satisfaction, target: 85% }
  - { id: complaint-response, window: 5d }
  - { id: refund-speed, window: 10d, title: Refunds within ten days }`,
      'p.yaml',
    );
    const title = (id: string) => p.rules.find((r) => r.id === id)!.title;
    expect(title('email-first-response')).toBe('Email and web form answered within 8 hours of business time');
    expect(title('satisfaction')).toBe('Customers are satisfied (CSAT at least 85%)');
    expect(title('complaint-response')).toBe('Complaints answered within 5 days');
    expect(title('refund-speed')).toBe('Refunds within ten days');
    expect(title('chat-first-response')).toBe('Live chat answered within 3 minutes');
  });

  it('durations in words', () => {
    expect([3 * 60_000, 3_600_000, 90 * 60_000, 86_400_000, 2 * 86_400_000, 3 * 86_400_000, 7 * 86_400_000, 30 * 86_400_000].map(durationWords)).toEqual([
      '3 minutes',
      '1 hour',
      '1 hour 30 minutes',
      '24 hours',
      '48 hours',
      '3 days',
      'one week',
      '30 days',
    ]);
  });
});
