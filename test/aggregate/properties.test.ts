import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyHash } from '../../src/aggregate/key-table.js';
import { MAX_TREND_WEEKS } from '../../src/aggregate/rule-state.js';
import { Periods } from '../../src/aggregate/periods.js';
import { createScorecard } from '../../src/aggregate/scorecard.js';
import { ruleResult } from '../../src/render/findings.js';
import { CHANNELS, PRIORITIES, STATUSES, type Ticket } from '../../src/types.js';
import { ALL_FIELDS, DAY, HOUR, T0, options, policy, rule, ticket as ticketOf } from '../rules/helpers.js';

const rules = [
  rule({ measure: 'first-response', window: HOUR }, { id: 'fr', overrides: [{ when: { priority: ['urgent'] }, window: 10 * 60_000, target: 0.99 }] }),
  rule({ measure: 'next-reply', window: HOUR }, { id: 'nr' }),
  rule({ measure: 'update-gap', window: DAY }, { id: 'ug' }),
  rule({ measure: 'resolution', which: 'full', window: 2 * DAY }, { id: 'res' }),
  rule({ measure: 'phone-wait', window: 300_000 }, { id: 'pw' }),
  rule({ measure: 'csat' }, { id: 'sat' }),
  rule({ measure: 'nps' }, { id: 'nps' }),
  rule({ measure: 'share', ceiling: 0.1, match: { type: ['billing*'] } }, { id: 'share' }),
  rule({ measure: 'reopen-rate', ceiling: 0.1 }, { id: 'reopen' }),
  rule({ measure: 'one-touch' }, { id: 'one' }),
  rule({ measure: 'missed-rate', ceiling: 0.1 }, { id: 'missed' }),
  rule({ measure: 'promise-updates' }, { id: 'promise' }),
  rule({ measure: 'after-sales', repair: { type: ['repair'] }, repair_window: 7 * DAY }, { id: 'after' }),
  rule({ measure: 'queue-hygiene', untouched: DAY, unassigned: HOUR }, { id: 'queue' }),
  rule({ measure: 'peak', peak_hours: [], max_csat_gap: 0.1, max_response_ratio: 2 }, { id: 'peak' }),
  rule({ measure: 'presales', window: HOUR }, { id: 'pre' }),
  rule({ measure: 'returns-approval', return_window: 30 * DAY, answer_window: 2 * DAY }, { id: 'ret' }),
  rule({ measure: 'refund-speed', window: 14 * DAY }, { id: 'refund' }),
];
const p = policy(rules);

const offset = fc.option(fc.integer({ min: 0, max: 10 * DAY }), { nil: undefined });
const arbTicket = fc.record({
  created: fc.integer({ min: 0, max: 30 * DAY }),
  channel: fc.option(fc.constantFrom(...CHANNELS), { nil: undefined }),
  priority: fc.option(fc.constantFrom(...PRIORITIES), { nil: undefined }),
  status: fc.option(fc.constantFrom(...STATUSES), { nil: undefined }),
  type: fc.option(fc.constantFrom('billing', 'repair', 'question'), { nil: undefined }),
  fr: offset,
  solved: offset,
  updated: offset,
  due: offset,
  order: offset,
  asked: offset,
  refunded: offset,
  decision: fc.option(fc.constantFrom('approved' as const, 'rejected' as const, 'pending' as const), { nil: undefined }),
  csat: fc.option(fc.constantFrom(0, 0.25, 0.5, 0.75, 1), { nil: undefined }),
  nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  reopens: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  replies: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  wait: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
  missed: fc.boolean(),
  outbound: fc.boolean(),
  spam: fc.boolean(),
  updates: fc.array(fc.integer({ min: 0, max: 5 * DAY }), { maxLength: 4 }),
});

type Raw = typeof arbTicket extends fc.Arbitrary<infer T> ? T : never;

function toTicket(r: Raw, i: number): Ticket {
  const c = T0 + r.created;
  const at = (o: number | undefined) => (o === undefined ? undefined : c + o);
  const updates = [...r.updates].sort((a, b) => a - b).map((u) => c + u);
  return {
    id: `t${i}`,
    created_at: c,
    channel: r.channel,
    priority: r.priority,
    status: r.status,
    type: r.type,
    first_response_at: at(r.fr),
    solved_at: at(r.solved),
    updated_at: at(r.updated),
    due_at: at(r.due),
    order_at: r.order === undefined ? undefined : c - r.order,
    return_requested_at: at(r.asked),
    return_decision: r.decision,
    refunded_at: at(r.refunded),
    csat: r.csat,
    nps: r.nps,
    reopens: r.reopens,
    agent_replies: r.replies,
    wait_seconds: r.wait,
    missed: r.missed,
    outbound: r.outbound,
    tags: r.spam ? ['spam'] : [],
    agent_update_times: updates,
    reply_pairs: updates.length ? [c, updates[0]] : [c, NaN],
    file: 0,
    line: i + 2,
  };
}

describe('scorecard invariants (fast-check)', () => {
  it('0 ≤ compliance ≤ 1, met ≤ eligible, and split == whole', () => {
    fc.assert(
      fc.property(fc.array(arbTicket, { maxLength: 60 }), fc.nat(), fc.integer({ min: 0, max: 45 * DAY }), (raw, cutSeed, asOfOffset) => {
        const tickets = raw.map(toTicket);
        const opts = options({ by: ['channel', 'priority', 'week'], maxBreaches: 3 });
        const asOf = T0 + asOfOffset;
        const whole = createScorecard(p, opts);
        for (const t of tickets) whole.add(t);
        const expected = whole.finish(asOf, ALL_FIELDS);
        for (const r of expected.rules) {
          expect(r.met).toBeLessThanOrEqual(r.eligible);
          expect(r.met + r.breached).toBe(r.eligible);
          if (r.compliance !== null) {
            expect(r.compliance).toBeGreaterThanOrEqual(0);
            expect(r.compliance).toBeLessThanOrEqual(1);
          }
          expect(r.breaches.length).toBeLessThanOrEqual(3);
        }
        const cut = tickets.length ? cutSeed % tickets.length : 0;
        const left = createScorecard(p, opts);
        const right = createScorecard(p, opts);
        tickets.forEach((t, i) => (i < cut ? left : right).add(t));
        right.merge(structuredClone(left.snapshot()));
        expect(JSON.stringify(right.finish(asOf, ALL_FIELDS))).toBe(JSON.stringify(expected));
      }),
      { numRuns: 60 },
    );
  });

  it('skipping the rules that lack an input changes no result, and those rules count nothing', () => {
    const fields = [...ALL_FIELDS];
    fc.assert(
      fc.property(fc.array(arbTicket, { maxLength: 40 }), fc.subarray(fields, { maxLength: 6 }), (raw, absent) => {
        const tickets = raw.map(toTicket);
        const available = new Set(fields.filter((f) => !absent.includes(f)));
        const opts = options({ by: ['channel', 'week'], maxBreaches: 3 });
        const asOf = T0 + 40 * DAY;
        const judged = createScorecard(p, opts);
        const skipping = createScorecard(p, opts);
        skipping.inputsKnown(available);
        // A part's scorecard made from partOptions() skips the same rules from its start.
        const part = createScorecard(p, { ...skipping.partOptions(), clocks: opts.clocks });
        for (const t of tickets) {
          judged.add(t);
          skipping.add(t);
          part.add(t);
        }
        const expected = judged.finish(asOf, available);
        const lacking = expected.rules.flatMap((r, i) => (r.status === 'no_data' && r.notes[0]?.code === 'inputs-lack' ? [i] : []));
        for (const state of [skipping.snapshot(), part.snapshot()]) {
          state.rules.forEach((slots, i) => expect(slots, `rule ${i}`).toEqual(lacking.includes(i) ? {} : judged.snapshot().rules[i]));
        }
        expect(JSON.stringify(skipping.finish(asOf, available))).toBe(JSON.stringify(expected));
        expect(JSON.stringify(part.finish(asOf, available))).toBe(JSON.stringify(expected));
      }),
      { numRuns: 60 },
    );
  });

  it('breakdown keys past the cap: parts merged in any order give the one-pass report, the other row holds exact totals', () => {
    // 2 keys listed, 8 counted one by one (KEPT_PER_LISTED × 2): with up to 30 agents and teams,
    // keys are folded while reading and pushed out when parts are merged.
    const keyed = fc.record({ raw: arbTicket, agent: fc.integer({ min: 0, max: 29 }), team: fc.integer({ min: 0, max: 11 }) });
    fc.assert(
      fc.property(fc.array(keyed, { maxLength: 80 }), fc.array(fc.nat(), { minLength: 2, maxLength: 2 }), fc.nat(), (rows, cutSeeds, orderSeed) => {
        const tickets = rows.map((r, i) => ({ ...toTicket(r.raw, i), agent: `agent ${r.agent}`, team: r.team === 11 ? undefined : `team ${r.team}` }));
        const opts = options({ by: ['agent', 'team', 'week'], maxBreaches: 3, maxKeys: 2 });
        const asOf = T0 + 40 * DAY;
        const whole = createScorecard(p, opts);
        for (const t of tickets) whole.add(t);
        const expected = whole.finish(asOf, ALL_FIELDS);
        const uncapped = createScorecard(p, { ...opts, maxKeys: 1_000_000 });
        for (const t of tickets) uncapped.add(t);
        const exact = uncapped.finish(asOf, ALL_FIELDS);
        for (const dim of ['agent', 'team', 'week'] as const) {
          const table = expected.breakdowns[dim]!;
          // A listed key is one of the 8 counted one by one (smallest by hash), with its exact counts.
          const seen = [...new Set(tickets.map((t) => (dim === 'week' ? null : (t[dim] ?? '(none)'))))].filter((k): k is string => k !== null);
          const kept = new Set(seen.sort((a, b) => keyHash(a) - keyHash(b) || (a < b ? -1 : 1)).slice(0, 8));
          for (const row of table.filter((r) => !r.other)) {
            if (dim !== 'week') expect(kept.has(row.key), row.key).toBe(true);
            expect(row).toEqual(exact.breakdowns[dim]!.find((r) => r.key === row.key));
          }
          expect(table.filter((r) => !r.other).length).toBeLessThanOrEqual(2);
          expect(table.filter((r) => r.other).length).toBeLessThanOrEqual(1);
          // Every eligible ticket is in exactly one row, the other row included.
          expected.rules.forEach((rule, i) => {
            const sum = table.reduce((n, row) => n + row.rules[i].eligible, 0);
            const met = table.reduce((n, row) => n + row.rules[i].met, 0);
            expect([rule.id, sum, met]).toEqual([rule.id, rule.eligible, rule.met]);
          });
        }
        const cuts = cutSeeds.map((c) => (tickets.length ? c % (tickets.length + 1) : 0)).sort((a, b) => a - b);
        const bounds = [0, ...cuts, tickets.length];
        const parts = bounds.slice(0, -1).map((start, k) => {
          const card = createScorecard(p, opts);
          for (const t of tickets.slice(start, bounds[k + 1])) card.add(t);
          return card.snapshot();
        });
        const order = [orderSeed % 3, (orderSeed + 1 + ((orderSeed >> 2) % 2)) % 3];
        order.push(3 - order[0] - order[1]);
        const merged = createScorecard(p, opts);
        for (const k of order) merged.merge(structuredClone(parts[k]));
        expect(JSON.stringify(merged.finish(asOf, ALL_FIELDS))).toBe(JSON.stringify(expected));
      }),
      { numRuns: 80 },
    );
  });

  it('a ticket waiting for as_of counts in the other row when its key was pushed out meanwhile', () => {
    // maxKeys 1: four keys counted one by one. The key with the largest hash comes first with an
    // unanswered ticket (decided only at as_of), then four keys with smaller hashes push it out.
    const names = Array.from({ length: 40 }, (_, i) => `agent ${i}`).sort((a, b) => keyHash(a) - keyHash(b));
    const [small, big] = [names.slice(0, 4), names[39]];
    const fr = rule({ measure: 'first-response', window: HOUR }, { id: 'fr' });
    const tickets = [
      ticketOf('late', { created_at: T0, agent: big }),
      ...small.map((agent, i) => ticketOf(`ok${i}`, { created_at: T0 + HOUR, agent, first_response_at: T0 + HOUR + 10 * 60_000 })),
    ];
    const card = createScorecard(policy([fr]), options({ by: ['agent'], maxKeys: 1 }));
    for (const t of tickets) card.add(t);
    const table = card.finish(T0 + 2 * DAY, ALL_FIELDS).breakdowns.agent!;
    // The waiting ticket was breached at as_of, under the other row, not a row of its pushed-out key.
    expect(table.map((r) => [r.key, r.other ?? false, r.rules[0].eligible, r.rules[0].met])).toEqual([
      [[...small].sort()[0], false, 1, 1],
      ['(other)', true, 4, 3],
    ]);
  });

  it('a trend over more weeks than it keeps: the latest weeks, whatever the order of the parts merged', () => {
    // 1,500 tickets over 40 years (about 2,000 weeks), in a scrambled order: the trend keeps the
    // latest MAX_TREND_WEEKS weeks, the rest count in the figures and a note.
    const fr = rule({ measure: 'first-response', window: HOUR }, { id: 'fr' });
    const tickets = Array.from({ length: 1500 }, (_, i) => {
      const created = T0 - ((i * 7919) % 1500) * 10 * DAY;
      return ticketOf(`t${i}`, { created_at: created, first_response_at: created + (i % 3 === 0 ? 2 * HOUR : 10 * 60_000) });
    });
    const whole = createScorecard(policy([fr]), options());
    for (const t of tickets) whole.add(t);
    const expected = whole.finish(T0 + DAY, ALL_FIELDS).rules[0];
    expect(expected.trend).toHaveLength(MAX_TREND_WEEKS);
    expect(expected.eligible).toBe(1500);
    const kept = expected.trend.reduce((n, p) => n + p.eligible, 0);
    expect(ruleResult(expected).note).toBe(
      `trend: the latest ${MAX_TREND_WEEKS} weeks; ${(1500 - kept).toLocaleString('en-US')} eligible tickets of earlier weeks count in the figures, not in the trend`,
    );
    expect(expected.trend.at(-1)!.period).toBe('2024-W10');
    for (const order of [
      [0, 1, 2],
      [2, 0, 1],
      [1, 2, 0],
    ]) {
      const parts = [tickets.slice(0, 400), tickets.slice(400, 1100), tickets.slice(1100)].map((part) => {
        const card = createScorecard(policy([fr]), options());
        for (const t of part) card.add(t);
        return card.snapshot();
      });
      const merged = createScorecard(policy([fr]), options());
      for (const k of order) merged.merge(structuredClone(parts[k]));
      expect(JSON.stringify(merged.finish(T0 + DAY, ALL_FIELDS).rules[0])).toBe(JSON.stringify(expected));
    }
  });

  it('a trend over more weeks than it keeps, with outcomes decided as they come (as_of given): every kept week exact', () => {
    // Unanswered tickets are decided at once against the given as_of, each counting into its own
    // week's pair, which may push out the week whose pair the scorecard holds for the next ticket.
    const fr = rule({ measure: 'first-response', window: HOUR }, { id: 'fr' });
    const tickets = Array.from({ length: 3000 }, (_, i) => {
      const created = T0 - ((i * 7919) % 1500) * 3 * DAY;
      return ticketOf(`t${i}`, { created_at: created, first_response_at: i % 4 === 0 ? undefined : created + 10 * 60_000 });
    });
    const card = createScorecard(policy([fr]), options({ asOf: T0 + DAY }));
    for (const t of tickets) card.add(t);
    const result = card.finish(T0 + DAY, ALL_FIELDS).rules[0];
    const periods = new Periods('UTC');
    const perWeek = new Map<string, [number, number]>();
    for (const t of tickets) {
      const pair = perWeek.get(periods.week(t.created_at)) ?? [0, 0];
      pair[0]++;
      if (t.first_response_at !== undefined) pair[1]++;
      perWeek.set(periods.week(t.created_at), pair);
    }
    const latest = [...perWeek.keys()].sort().slice(-MAX_TREND_WEEKS);
    expect(result.trend.map((p) => [p.period, p.eligible, p.met])).toEqual(latest.map((w) => [w, ...perWeek.get(w)!]));
    const earlier = [...perWeek].filter(([w]) => !latest.includes(w)).reduce((n, [, [e]]) => n + e, 0);
    expect(ruleResult(result).note).toContain(`; ${earlier.toLocaleString('en-US')} eligible tickets of earlier weeks count in the figures`);
  });

  it('a week pushed out of the trend while the scorecard holds its pair: the next ticket of that week counts as earlier', () => {
    // 520 weeks filled; a ticket of the earliest week (its pair now held), an unanswered ticket of
    // a new later week decided at once (which pushes the earliest week out), then one more ticket
    // of the earliest week: it must count among the earlier weeks, not in the pair pushed out.
    const fr = rule({ measure: 'first-response', window: HOUR }, { id: 'fr' });
    const week = (w: number) => T0 - (MAX_TREND_WEEKS - 1 - w) * 7 * DAY;
    const answered = (id: string, at: number) => ticketOf(id, { created_at: at, first_response_at: at + 10 * 60_000 });
    const tickets = [
      ...Array.from({ length: MAX_TREND_WEEKS }, (_, w) => answered(`fill${w}`, week(w))),
      answered('x', week(0)),
      ticketOf('y', { created_at: week(MAX_TREND_WEEKS) }),
      answered('z', week(0)),
    ];
    const card = createScorecard(policy([fr]), options({ asOf: week(MAX_TREND_WEEKS) + 2 * DAY }));
    for (const t of tickets) card.add(t);
    const result = card.finish(week(MAX_TREND_WEEKS) + 2 * DAY, ALL_FIELDS).rules[0];
    expect(result.eligible).toBe(MAX_TREND_WEEKS + 3);
    // The earliest week held fill0 and x when pushed out; z came after: 3 earlier tickets.
    expect(ruleResult(result).note).toContain('; 3 eligible tickets of earlier weeks count in the figures');
    expect(result.trend.reduce((n, p) => n + p.eligible, 0)).toBe(MAX_TREND_WEEKS);
  });
});
