// Random small ticket sets with the ticket fields the duration and return measures read, judged by
// both engines: the SQL's report equals the built-in one's for the rules the SQL computes (first
// response with an override, phone wait, CSAT, and on both clocks resolution, requester wait, refund
// speed, returns approval, after-sales quality, pre-sales advice and promise updates). as_of is
// sometimes an instant a ticket's outcome turns on (a solve, the end of a window), to hit the
// inclusive edges. property.test.ts draws the rate measures, queue hygiene, peak and --by.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit.js';
import { POLICY_HEAD } from './property-policy.js';
import { loadPolicy } from '../../src/policy/load.js';

const dir = mkdtempSync(join(tmpdir(), 'sql-property-'));
const POLICY = join(dir, 'policy.yaml');
writeFileSync(
  POLICY,
  `${POLICY_HEAD}  - id: resolution-full
    title: Resolution full
    expectation: 7
    measure: resolution
    window: 1d
    target: 80%
    overrides:
      - when: { priority: [urgent] }
        window: 4h
  - id: resolution-full-business
    title: Resolution full business
    expectation: 7
    measure: resolution
    clock: business
    schedule: office
    window: 8h
    target: 80%
  - id: resolution-first
    title: Resolution first
    expectation: 7
    measure: resolution
    which: first
    window: 1d
    target: 80%
  - id: resolution-first-business
    title: Resolution first business
    expectation: 7
    measure: resolution
    which: first
    clock: business
    schedule: office
    window: 8h
    target: 80%
  - id: requester-wait
    title: Requester wait
    expectation: 7
    measure: requester-wait
    window: 1d
    target: 80%
    overrides:
      - when: { priority: [urgent] }
        window: 4h
  - id: refund-speed
    title: Refund speed
    expectation: 8
    measure: refund-speed
    window: 1d
    target: 90%
    overrides:
      - when: { priority: [urgent] }
        window: 4h
  - id: refund-speed-business
    title: Refund speed business
    expectation: 8
    measure: refund-speed
    clock: business
    schedule: office
    window: 8h
    target: 90%
  - id: returns-approval
    title: Returns approval
    expectation: 8
    measure: returns-approval
    return_window: 30d
    answer_window: 1d
    target: 90%
  - id: returns-approval-business
    title: Returns approval business
    expectation: 8
    measure: returns-approval
    clock: business
    schedule: office
    return_window: 14d
    answer_window: 8h
    target: 90%
  - id: after-sales
    title: After sales
    expectation: 2
    measure: after-sales
    applies_to: { match: any, type: [repair, incident], tags: { any: [warranty] } }
    repair: { match: any, type: [repair], tags: { any: [warranty] } }
    repair_window: 1d
    target: 90%
    overrides:
      - when: { priority: [urgent] }
        window: 4h
  - id: after-sales-business
    title: After sales business
    expectation: 2
    measure: after-sales
    repair: { priority: [urgent] }
    repair_window: 8h
    clock: business
    schedule: office
    target: 90%
  - id: presales
    title: Presales
    expectation: 6
    measure: presales
    applies_to: { match: any, type: [question], tags: { any: [presales] } }
    window: 1h
    target: 90%
  - id: promise-updates
    title: Promise updates
    expectation: 1
    measure: promise-updates
    target: 90%
  - id: promise-updates-business
    title: Promise updates business
    expectation: 1
    measure: promise-updates
    clock: business
    schedule: office
    target: 90%
  - id: requester-wait-business
    title: Requester wait business
    expectation: 7
    measure: requester-wait
    clock: business
    schedule: office
    window: 8h
    target: 80%
gate:
  min_sample: 3
`,
);

const BASE = Date.parse('2024-03-28T00:00:00Z'); // spans Good Friday and the spring-forward night (31 March)
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A vendor's duration in minutes: at and around the windows (4h, 8h, 1d; 1440.00001 is 0.6 ms
 * past a day, which rounds to 1 ms late), or anything up to 3 days.
 */
const minutes = fc.option(
  fc.oneof(
    fc.constantFrom(0, 239.99, 240, 240.01, 480, 1440, 1440.00001, 1440.001, 0.5, 0.00001),
    fc.integer({ min: 0, max: 3 * 1440 * 8 }).map((n) => n / 8),
  ),
  { nil: undefined },
);

const ticket = fc.record({
  created: fc.integer({ min: 0, max: 6 * 86_400_000 }),
  reply: fc.option(fc.integer({ min: 0, max: 2 * 86_400_000 }), { nil: undefined }),
  channel: fc.constantFrom('email', 'chat', 'phone'),
  priority: fc.constantFrom('normal', 'urgent', ''),
  status: fc.constantFrom('open', 'solved', 'closed', ''),
  csat: fc.constantFrom('', '1', '3', '4', '5'),
  spam: fc.boolean(),
  tag: fc.constantFrom('', 'warranty', 'presales'),
  type: fc.constantFrom('', 'repair', 'incident', 'question'),
  wait: fc.option(
    fc.integer({ min: 0, max: 180_000 }).map((ms) => ms / 1000),
    { nil: undefined },
  ),
  abandoned: fc.constantFrom('', 'true', 'false'),
  missed: fc.constantFrom('', 'true', 'false'),
  solved: fc.option(fc.integer({ min: 0, max: 3 * 86_400_000 }), { nil: undefined }),
  closed: fc.option(fc.integer({ min: 0, max: 3 * 86_400_000 }), { nil: undefined }),
  reopens: fc.constantFrom('', '0', '1', '2'),
  resolution: minutes,
  resolutionBusiness: minutes,
  firstResolution: minutes,
  firstResolutionBusiness: minutes,
  requesterWait: minutes,
  requesterWaitBusiness: minutes,
  // Order and return request relative to creation (a request may precede the ticket), the refund after the request.
  order: fc.option(fc.integer({ min: -40 * 86_400_000, max: 0 }), { nil: undefined }),
  requested: fc.option(fc.integer({ min: -20 * 86_400_000, max: 2 * 86_400_000 }), { nil: undefined }),
  decision: fc.constantFrom('', 'approved', 'rejected', 'pending'),
  refunded: fc.option(fc.integer({ min: 0, max: 4 * 86_400_000 }), { nil: undefined }),
  // Due time and last agent update relative to creation (an update may predate the ticket).
  due: fc.option(fc.integer({ min: -86_400_000, max: 3 * 86_400_000 }), { nil: undefined }),
  update: fc.option(fc.integer({ min: -86_400_000, max: 3 * 86_400_000 }), { nil: undefined }),
});

function csv(tickets: fc.RecordValue<typeof ticket>[]): string {
  const rows = tickets.map((t, i) =>
    [
      `T${i}`,
      t.channel,
      iso(BASE + t.created),
      t.reply === undefined ? '' : iso(BASE + t.created + t.reply),
      t.status,
      t.priority,
      [t.spam ? 'spam' : '', t.tag].filter(Boolean).join(';'),
      t.csat,
      t.wait ?? '',
      t.abandoned,
      t.missed,
      t.solved === undefined ? '' : iso(BASE + t.created + t.solved),
      t.closed === undefined ? '' : iso(BASE + t.created + t.closed),
      t.reopens,
      ...[t.resolution, t.resolutionBusiness, t.firstResolution, t.firstResolutionBusiness, t.requesterWait, t.requesterWaitBusiness].map((m) => m ?? ''),
      t.order === undefined ? '' : iso(BASE + t.created + t.order),
      t.requested === undefined ? '' : iso(BASE + t.created + t.requested),
      t.decision,
      t.requested === undefined || t.refunded === undefined ? '' : iso(BASE + t.created + t.requested + t.refunded),
      t.type,
      t.due === undefined ? '' : iso(BASE + t.created + t.due),
      t.update === undefined ? '' : iso(BASE + t.created + t.update),
    ].join(','),
  );
  return `id,channel,created_at,first_response_at,status,priority,tags,csat,wait_seconds,abandoned,missed,solved_at,closed_at,reopens,resolution_minutes,resolution_business_minutes,first_resolution_minutes,first_resolution_business_minutes,requester_wait_minutes,requester_wait_business_minutes,order_at,return_requested_at,return_decision,refunded_at,type,due_at,last_agent_update_at\n${rows.join('\n')}\n`;
}

/**
 * as_of: any instant of the span, or one a ticket's outcome turns on: its solve or close, the
 * end of its vendor resolution, its return request or refund, its due time or last agent
 * update, or one day after its creation or
 * its return request (the 1-day windows' edge).
 */
const asOfPick = fc.record({
  offset: fc.integer({ min: 0, max: 8 * 86_400_000 }),
  ticket: fc.nat(),
  edge: fc.constantFrom('any', 'solved', 'closed', 'resolution', 'day', 'requested', 'refunded', 'answer', 'due', 'update'),
});

function asOfOf(tickets: fc.RecordValue<typeof ticket>[], pick: fc.RecordValue<typeof asOfPick>): number {
  const t = tickets.length === 0 ? undefined : tickets[pick.ticket % tickets.length];
  const at = (offset: number | undefined) => (t === undefined || offset === undefined ? BASE + pick.offset : BASE + t.created + offset);
  switch (pick.edge) {
    case 'solved':
      return at(t?.solved);
    case 'closed':
      return at(t?.closed);
    case 'resolution':
      return at(t?.resolution === undefined ? undefined : Math.round(t.resolution * 60_000));
    case 'day':
      return at(86_400_000);
    case 'requested':
      return at(t?.requested);
    case 'refunded':
      return at(t?.requested === undefined || t.refunded === undefined ? undefined : t.requested + t.refunded);
    case 'due':
      return at(t?.due);
    case 'update':
      return at(t?.update);
    case 'answer':
      return at(t?.requested === undefined ? undefined : t.requested + 86_400_000);
    default:
      return BASE + pick.offset;
  }
}

describe('duckdb engine on random ticket sets', () => {
  it('equals the built-in engine', async () => {
    const policy = await loadPolicy({ path: POLICY, cwd: dir });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(ticket, { minLength: 0, maxLength: 25 }), asOfPick, async (tickets, pick) => {
        const file = join(dir, `t${n++}.csv`);
        writeFileSync(file, csv(tickets));
        const req = { files: [file], policy, by: [], maxBreaches: 5, strict: false, preset: 'canonical', asOf: asOfOf(tickets, pick) };
        const js = await runAudit(req);
        const sql = await runAudit({ ...req, engine: 'duckdb' });
        delete sql.engine;
        expect(sql).toEqual(js);
      }),
      { numRuns: 40 },
    );
  }, 240_000);
});
