// Test scaffolding: tickets, rules and policies as plain objects (no YAML parser involved),
// and one call that runs a scorecard over tickets.

import { createScorecard, type ScorecardOptions } from '../../src/aggregate/scorecard.js';
import type { Clock } from '../../src/measure/clock.js';
import type { Measure, Policy, RuleBase, RuleConfig } from '../../src/policy/types.js';
import { ruleResult } from '../../src/render/findings.js';
import type { RuleResult } from '../../src/report.js';
import type { Ticket } from '../../src/types.js';

export const SEC = 1000;
export const MIN = 60 * SEC;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
/** Monday 2024-03-04 09:00 UTC. */
export const T0 = Date.UTC(2024, 2, 4, 9, 0, 0);

export function ticket(id: string, fields: Partial<Ticket> = {}): Ticket {
  return { id, created_at: T0, tags: [], file: 0, line: 2, ...fields };
}

export function rule(measure: Measure, base: Partial<RuleBase> = {}): RuleConfig {
  return {
    id: base.id ?? String(measure.measure),
    expectation: null,
    title: 'test rule',
    applies_to: {},
    target: 0.9,
    warn: 0.8,
    severity: 'error',
    weight: 1,
    clock: 'calendar',
    overrides: [],
    ...base,
    ...measure,
  } as RuleConfig;
}

export function policy(rules: RuleConfig[], extra: Partial<Policy> = {}): Policy {
  return {
    name: 'test',
    source: 'test',
    timezone: 'UTC',
    schedules: {},
    inputs: {},
    exclude_tags: ['spam', 'merged', 'duplicate', 'no_sla'],
    rules,
    gate: { min_score: 0, fail_on: 'error', min_sample: 1 },
    ...extra,
  };
}

/** Every canonical field: tests that are not about missing inputs pass this. */
export const ALL_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'channel',
  'created_at',
  'first_response_at',
  'first_response_minutes',
  'first_response_business_minutes',
  'solved_at',
  'closed_at',
  'updated_at',
  'due_at',
  'status',
  'priority',
  'type',
  'tags',
  'subject',
  'agent',
  'team',
  'requester',
  'csat',
  'nps',
  'reopens',
  'agent_replies',
  'wait_seconds',
  'missed',
  'abandoned',
  'order_at',
  'return_requested_at',
  'return_decision',
  'refunded_at',
  'last_agent_update_at',
  'resolution_minutes',
  'resolution_business_minutes',
  'outbound',
  'agent_update_times',
  'reply_pairs',
]);

export function options(extra: Partial<ScorecardOptions> = {}): ScorecardOptions {
  return { by: [], maxBreaches: 10, clocks: {}, timezone: 'UTC', ...extra };
}

export function run(p: Policy, tickets: Ticket[], asOf: number, opts: Partial<ScorecardOptions> = {}, available: ReadonlySet<string> = ALL_FIELDS) {
  const card = createScorecard(p, options(opts));
  for (const t of tickets) card.add(t);
  const found = card.finish(asOf, available);
  // Worded as the report is (its notes and breach reasons).
  return { ...found, rules: found.rules.map(ruleResult) };
}

/** The one rule's result of a one-rule policy. */
export function judge(r: RuleConfig, tickets: Ticket[], asOf: number, opts: Partial<ScorecardOptions> = {}, available?: ReadonlySet<string>): RuleResult {
  return run(policy([r]), tickets, asOf, opts, available).rules[0];
}

/** A clock that counts only 09:00–17:00 UTC on every day (a stand-in for a business clock). */
export const nineToFive: Clock = {
  elapsed(from, to) {
    let total = 0;
    for (let day = Math.floor(from / DAY) * DAY; day < to; day += DAY) {
      const open = Math.max(from, day + 9 * HOUR);
      const close = Math.min(to, day + 17 * HOUR);
      if (close > open) total += close - open;
    }
    return total;
  },
};
