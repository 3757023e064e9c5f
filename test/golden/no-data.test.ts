// Golden tests for missing inputs and small samples: every default rule on an export with only
// id, created_at and channel is no_data naming what it lacks (never a guessed score); and the
// built-in gate (min_sample 10) makes a fixture's small samples "insufficient".

import { beforeAll, describe, expect, it } from 'vitest';
import { audit, ruleOf, type GoldenReport } from './golden.js';

// Worked out from each rule's inputs (docs/rules/*.md): alternatives are all named.
const MISSING: Record<string, string[]> = {
  'chat-first-response': ['first_response_at', 'first_response_minutes'],
  'email-first-response': ['first_response_at', 'first_response_minutes'],
  'phone-wait': ['wait_seconds'],
  'social-first-response': ['first_response_at', 'first_response_minutes'],
  satisfaction: ['csat'],
  'promise-updates': ['due_at', 'agent_update_times', 'last_agent_update_at'],
  'after-sales-quality': ['reopens', 'type', 'tags', 'subject'],
  'billing-clarity': ['type', 'tags', 'subject'],
  'premises-complaints': ['type', 'tags', 'subject'],
  'queue-hygiene': ['status', 'updated_at'],
  'peak-friendliness': ['csat'],
  'presales-advice': ['first_response_at', 'first_response_minutes', 'type', 'tags', 'subject'],
  'complaint-response': ['first_response_at', 'first_response_minutes', 'type', 'tags', 'subject'],
  'returns-approval': ['return_requested_at', 'order_at', 'return_decision'],
  'refund-speed': ['return_requested_at', 'return_decision', 'refunded_at'],
};

describe('missing inputs → no_data naming the missing fields', () => {
  let report: GoldenReport;
  beforeAll(() => {
    report = audit('no-data.csv', '2024-03-05T00:00:00Z');
  });

  it('all 15 default rules are no_data, and there is no score', () => {
    expect(report.rules.map((r) => r.id)).toEqual(Object.keys(MISSING));
    expect(report.rules.map((r) => r.status)).toEqual(Array(15).fill('no_data'));
    expect(report.summary.counts.no_data).toBe(15);
    expect(report.summary.score).toBeNull();
  });

  for (const [id, missing] of Object.entries(MISSING)) {
    it(`${id} lacks ${missing.join(', ')}`, () => {
      const r = ruleOf(report, id);
      expect([...(r.missing ?? [])].sort()).toEqual([...missing].sort());
      expect(r.note).toMatch(/^the inputs lack /);
      // Nothing is judged without the inputs: no guessed counts, compliance or breaches.
      expect([r.eligible, r.met, r.breached, r.pending, r.excluded]).toEqual([0, 0, 0, 0, 0]);
      expect([r.compliance, r.p50, r.p90, r.mean]).toEqual([null, null, null, null]);
      expect(r.breaches).toEqual([]);
    });
  }

  it('alternatives read "X or Y" in the note', () => {
    expect(ruleOf(report, 'chat-first-response').note).toBe('the inputs lack first_response_at or first_response_minutes');
    expect(ruleOf(report, 'promise-updates').note).toBe('the inputs lack due_at, agent_update_times or last_agent_update_at');
    expect(ruleOf(report, 'queue-hygiene').note).toBe('the inputs lack status, updated_at');
  });
});

describe('the built-in gate: fewer than 10 eligible tickets is insufficient', () => {
  let report: GoldenReport;
  beforeAll(() => {
    // The built-in policy (no --policy; the repository has no policy file of its own).
    report = audit('email-first-response.csv', '2024-03-06T12:00:00Z', null);
  });

  it('email-first-response: same counts as with min_sample 1, status insufficient', () => {
    const r = ruleOf(report, 'email-first-response');
    expect(report.summary).toMatchObject({ status: 'pass', exit_code: 0 });
    expect([r.status, r.eligible, r.met, r.breached, r.pending, r.excluded]).toEqual(['insufficient', 6, 2, 4, 2, 6]);
    expect(r.note).toBe("6 eligible, fewer than the gate's minimum sample of 10");
    expect(r.compliance).toBeCloseTo(1 / 3, 12);
  });
});
