// Random tickets a well-formed export would hold (fast-check), for the pipeline's invariants:
// test/bad-input/fuzz.test.ts and test/parallel/jobs-fuzz.test.ts.
import fc from 'fast-check';
import type { AuditRequest } from '../../src/audit.js';
import { builtinPolicy } from '../../src/policy/default.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 2, 4);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
export const ticket = fc.record({
  created: fc.integer({ min: 0, max: 20 * DAY }),
  channel: fc.constantFrom('email', 'chat', 'phone', 'social', 'web'),
  fr: opt(fc.integer({ min: 0, max: 3 * DAY })),
  solved: opt(fc.integer({ min: 0, max: 6 * DAY })),
  status: fc.constantFrom('new', 'open', 'pending', 'solved', 'closed'),
  priority: fc.constantFrom('low', 'normal', 'high', 'urgent'),
  tags: fc.subarray(['billing', 'complaint', 'presales', 'repair', 'spam', 'return']),
  csat: opt(fc.integer({ min: 1, max: 5 })),
  reopens: opt(fc.integer({ min: 0, max: 2 })),
  wait: opt(fc.integer({ min: 0, max: 900 })),
  agent: fc.constantFrom('Ana', 'Tom', ''),
});
type RandomTicket = typeof ticket extends fc.Arbitrary<infer T> ? T : never;

export const HEADER = 'id,channel,created_at,first_response_at,solved_at,status,priority,tags,csat,reopens,wait_seconds,agent\n';
export function line(t: RandomTicket, i: number): string {
  const at = (o: number | undefined) => (o === undefined ? '' : iso(T0 + t.created + o));
  return `T-${i},${t.channel},${iso(T0 + t.created)},${at(t.fr)},${at(t.solved)},${t.status},${t.priority},${t.tags.join(';')},${t.csat ?? ''},${t.reopens ?? ''},${t.wait ?? ''},${t.agent}\n`;
}

/** The built-in policy judging from one ticket on, with breakdowns and a few breaches. */
export function request(files: string[]): AuditRequest {
  const policy = { ...builtinPolicy(), gate: { ...builtinPolicy().gate, min_sample: 1 } };
  return { files, policy, by: ['channel', 'agent', 'week'], maxBreaches: 5, strict: false };
}
