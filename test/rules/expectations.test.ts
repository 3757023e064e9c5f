import { describe, expect, it } from 'vitest';
import { ALL_FIELDS, DAY, HOUR, T0, judge, rule, ticket } from './helpers.js';

describe('promise-updates (expectation 1)', () => {
  const r = rule({ measure: 'promise-updates' }, { id: 'promise-updates' });
  const due = T0 + DAY;
  it('judges only tickets that miss their due time, by an update at or before it', () => {
    const res = judge(
      r,
      [
        // solved late, updated before due → met (1 day late)
        ticket('told', { status: 'solved', due_at: due, solved_at: due + DAY, agent_update_times: [T0 + HOUR, due + DAY] }),
        // solved late, first update only after due → breached (2 days late)
        ticket('silent', { status: 'solved', due_at: due, solved_at: due + 2 * DAY, agent_update_times: [due + HOUR] }),
        // update exactly at the due time counts (inclusive)
        ticket('edge', { status: 'solved', due_at: due, solved_at: due + HOUR, agent_update_times: [due] }),
        // solved on time: not judged
        ticket('kept', { status: 'solved', due_at: due, solved_at: due, agent_update_times: [] }),
        // open past due at as_of (due + 3d), last update column before due → met
        ticket('open-told', { status: 'open', due_at: due, last_agent_update_at: T0 + HOUR }),
        // open past due, never updated → breached (3 days late at as_of)
        ticket('open-silent', { status: 'open', due_at: due }),
        // open, due later than as_of → pending
        ticket('not-due', { status: 'open', due_at: due + 10 * DAY }),
        // only the last update is known and it came after due → excluded, not guessed
        ticket('unknown', { status: 'solved', due_at: due, solved_at: due + DAY, last_agent_update_at: due + DAY }),
      ],
      due + 3 * DAY,
    );
    expect([res.met, res.breached, res.pending, res.excluded]).toEqual([3, 2, 1, 1]);
    expect(res.excluded_reasons).toEqual({ 'update-history-unknown': 1 });
    expect(res.breaches.map((b) => [b.id, b.value])).toEqual([
      ['open-silent', 4320],
      ['silent', 2880],
    ]);
    expect(res.compliance).toBe(0.6);
  });
  it('is no_data naming due_at and both update sources when they are missing', () => {
    const available = new Set([...ALL_FIELDS].filter((f) => !['due_at', 'agent_update_times', 'last_agent_update_at'].includes(f)));
    const res = judge(r, [ticket('a')], T0, {}, available);
    expect(res.status).toBe('no_data');
    expect(res.missing).toEqual(['due_at', 'agent_update_times', 'last_agent_update_at']);
  });
});

describe('after-sales-quality (expectation 2)', () => {
  const r = rule(
    { measure: 'after-sales', repair: { tags: { any: ['repair'] } }, repair_window: 7 * DAY },
    { id: 'after-sales-quality', applies_to: { type: ['after-sales'] } },
  );
  it('meets solved tickets not reopened; repairs also within the repair window', () => {
    const res = judge(
      r,
      [
        ticket('ok', { type: 'after-sales', status: 'solved', reopens: 0, solved_at: T0 + DAY }),
        ticket('reopened', { type: 'after-sales', status: 'solved', reopens: 1, solved_at: T0 + DAY }),
        ticket('repair-ok', { type: 'after-sales', tags: ['repair'], status: 'solved', reopens: 0, solved_at: T0 + 7 * DAY }),
        ticket('repair-slow', { type: 'after-sales', tags: ['repair'], status: 'solved', reopens: 0, solved_at: T0 + 8 * DAY }),
        ticket('open', { type: 'after-sales', status: 'open' }), // pending
        ticket('other', { type: 'question', status: 'solved', reopens: 3 }), // not after-sales
      ],
      T0 + 9 * DAY,
    );
    expect([res.met, res.breached, res.pending]).toEqual([2, 2, 1]);
    expect(res.breaches.map((b) => [b.id, b.code])).toEqual([
      ['repair-slow', 'repair-late'],
      ['reopened', 'reopened'],
    ]);
  });
});

describe('queue-hygiene (expectation 4)', () => {
  const r = rule({ measure: 'queue-hygiene', untouched: 2 * DAY, unassigned: 4 * HOUR }, { id: 'queue-hygiene' });
  const asOf = T0 + 3 * DAY;
  const tickets = [
    ticket('tidy', { status: 'open', agent: 'ann', updated_at: T0 + DAY }), // untouched 2d exactly → met
    ticket('stale', { status: 'open', agent: 'ann', updated_at: T0 + DAY - 1000 }), // 2d + 1s → breached
    ticket('orphan', { status: 'new', updated_at: asOf - HOUR }), // unassigned 3d > 4h → breached
    ticket('waiting', { status: 'pending', updated_at: T0 }), // pending on the customer: not judged
    ticket('done', { status: 'solved', updated_at: T0 }),
  ];
  it('judges open tickets at as_of: untouched and unassigned limits', () => {
    const res = judge(r, tickets, asOf);
    expect([res.met, res.breached, res.eligible]).toEqual([1, 2, 3]);
    expect(res.breaches.map((b) => [b.id, b.code])).toEqual([
      ['orphan', 'unassigned'],
      ['stale', 'untouched'],
    ]);
  });
  it('skips the unassigned check when the inputs have no agent column', () => {
    const available = new Set([...ALL_FIELDS].filter((f) => f !== 'agent'));
    const res = judge(r, tickets, asOf, {}, available);
    expect([res.met, res.breached]).toEqual([2, 1]);
    expect(res.note).toContain('unassigned check skipped');
  });
});

describe('returns-approval (expectation 8)', () => {
  const r = rule({ measure: 'returns-approval', return_window: 30 * DAY, answer_window: 2 * DAY }, { id: 'returns-approval' });
  it('approves returns within the window; undecided ones wait for the answer window', () => {
    const order = T0 - 40 * DAY;
    const res = judge(
      r,
      [
        ticket('yes', { order_at: T0 - 30 * DAY, return_requested_at: T0, return_decision: 'approved' }), // exactly 30d → eligible, met
        ticket('no', { order_at: T0 - DAY, return_requested_at: T0, return_decision: 'rejected' }), // breached
        ticket('late-request', { order_at: order, return_requested_at: T0, return_decision: 'rejected' }), // 40d > 30d: not judged
        ticket('waiting', { order_at: T0 - DAY, return_requested_at: T0 + 2 * DAY }), // 1d undecided at as_of → pending
        ticket('ignored', { order_at: T0 - DAY, return_requested_at: T0 }), // 3d undecided → breached `unanswered`
      ],
      T0 + 3 * DAY,
    );
    expect([res.met, res.breached, res.pending]).toEqual([1, 2, 1]);
    expect(res.breaches.map((b) => b.code).sort()).toEqual(['rejected', 'unanswered']);
  });
});
