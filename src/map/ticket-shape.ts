// A ticket with every field present in one fixed order (absent ones undefined). Tickets built
// field by field get a different hidden class for each combination of filled cells, and the
// rules' reads of `t.status`, `t.solved_at`… turn megamorphic; one shape keeps them fast.
// `undefined` reads exactly like a missing field everywhere the code looks (`!== undefined`, `??`).

import type { Ticket } from '../types.js';

/**
 * The tags of a ticket without any: one shared, frozen list, like the lists the mapper shares
 * between rows with the same tags cell (a fresh empty array per row was garbage on most rows,
 * which have a tags cell that replaces it).
 */
const NO_TAGS = Object.freeze([]) as unknown as string[];

export function blankTicket(id: string, created_at: number, file: number, line: number): Ticket {
  return {
    id, channel: undefined, created_at, first_response_at: undefined, first_response_minutes: undefined,
    first_response_business_minutes: undefined, solved_at: undefined, closed_at: undefined, updated_at: undefined,
    due_at: undefined, status: undefined, priority: undefined, type: undefined, tags: NO_TAGS, subject: undefined,
    agent: undefined, team: undefined, requester: undefined, requester_name: undefined, csat: undefined,
    csat_good: undefined, nps: undefined, reopens: undefined, agent_replies: undefined, wait_seconds: undefined,
    missed: undefined, abandoned: undefined, order_at: undefined, return_requested_at: undefined,
    return_decision: undefined, refunded_at: undefined, last_agent_update_at: undefined, resolution_minutes: undefined,
    resolution_business_minutes: undefined, vendor_first_response_sla: undefined, outbound: undefined,
    agent_update_times: undefined, reply_pairs: undefined, file, line,
  };
}

export type Setter = (record: Record<string, unknown>, value: unknown) => void;

// One small function per field: a store to a named property stays monomorphic, where
// `record[field] = value` with a different field each time is a slow megamorphic keyed store.
const SETTERS: Record<string, Setter> = {
  id: (o, v) => { o.id = v; },
  channel: (o, v) => { o.channel = v; },
  first_response_at: (o, v) => { o.first_response_at = v; },
  first_response_minutes: (o, v) => { o.first_response_minutes = v; },
  first_response_business_minutes: (o, v) => { o.first_response_business_minutes = v; },
  solved_at: (o, v) => { o.solved_at = v; },
  closed_at: (o, v) => { o.closed_at = v; },
  updated_at: (o, v) => { o.updated_at = v; },
  due_at: (o, v) => { o.due_at = v; },
  status: (o, v) => { o.status = v; },
  priority: (o, v) => { o.priority = v; },
  type: (o, v) => { o.type = v; },
  subject: (o, v) => { o.subject = v; },
  agent: (o, v) => { o.agent = v; },
  team: (o, v) => { o.team = v; },
  requester: (o, v) => { o.requester = v; },
  requester_name: (o, v) => { o.requester_name = v; },
  nps: (o, v) => { o.nps = v; },
  reopens: (o, v) => { o.reopens = v; },
  agent_replies: (o, v) => { o.agent_replies = v; },
  wait_seconds: (o, v) => { o.wait_seconds = v; },
  missed: (o, v) => { o.missed = v; },
  abandoned: (o, v) => { o.abandoned = v; },
  order_at: (o, v) => { o.order_at = v; },
  return_requested_at: (o, v) => { o.return_requested_at = v; },
  return_decision: (o, v) => { o.return_decision = v; },
  refunded_at: (o, v) => { o.refunded_at = v; },
  last_agent_update_at: (o, v) => { o.last_agent_update_at = v; },
  resolution_minutes: (o, v) => { o.resolution_minutes = v; },
  resolution_business_minutes: (o, v) => { o.resolution_business_minutes = v; },
  vendor_first_response_sla: (o, v) => { o.vendor_first_response_sla = v; },
  conversation_id: (o, v) => { o.conversation_id = v; },
  in_reply_to: (o, v) => { o.in_reply_to = v; },
  author: (o, v) => { o.author = v; },
  public: (o, v) => { o.public = v; },
};

/** The store for a canonical field (any other name falls back to a keyed store). */
export function fieldSetter(field: string): Setter {
  return Object.hasOwn(SETTERS, field) ? SETTERS[field] : (o, v) => { o[field] = v; };
}
