// A ticket with every field present in one fixed order (absent ones undefined). Tickets built
// field by field get a different hidden class for each combination of filled cells, and the
// rules' reads of `t.status`, `t.solved_at`… turn megamorphic; one shape keeps them fast.
// `undefined` reads exactly like a missing field everywhere the code looks (`!== undefined`, `??`).

import type { Ticket } from '../types.js';

/**
 * The tags of a ticket without any: one shared, frozen list (a fresh empty array per row was
 * garbage on most rows, which have a tags cell that replaces it).
 */
const NO_TAGS = Object.freeze([]) as unknown as string[];

export function blankTicket(id: string, created_at: number, file: number, line: number): Ticket {
  return {
    id,
    channel: undefined,
    created_at,
    first_response_at: undefined,
    first_response_minutes: undefined,
    first_response_business_minutes: undefined,
    solved_at: undefined,
    closed_at: undefined,
    updated_at: undefined,
    due_at: undefined,
    status: undefined,
    priority: undefined,
    type: undefined,
    tags: NO_TAGS,
    subject: undefined,
    agent: undefined,
    team: undefined,
    requester: undefined,
    requester_name: undefined,
    csat: undefined,
    csat_good: undefined,
    nps: undefined,
    reopens: undefined,
    agent_replies: undefined,
    wait_seconds: undefined,
    missed: undefined,
    abandoned: undefined,
    order_at: undefined,
    return_requested_at: undefined,
    return_decision: undefined,
    refunded_at: undefined,
    last_agent_update_at: undefined,
    resolution_minutes: undefined,
    resolution_business_minutes: undefined,
    first_resolution_minutes: undefined,
    first_resolution_business_minutes: undefined,
    requester_wait_minutes: undefined,
    requester_wait_business_minutes: undefined,
    agent_wait_minutes: undefined,
    agent_wait_business_minutes: undefined,
    on_hold_minutes: undefined,
    on_hold_business_minutes: undefined,
    vendor_first_response_sla: undefined,
    outbound: undefined,
    agent_update_times: undefined,
    reply_pairs: undefined,
    file,
    line,
  };
}

// One store per field, each written out by name: a store to a named property stays monomorphic,
// where `record[field] = value` with a different field each time is a slow megamorphic keyed
// store. A switch on the field's number jumps straight to its store; it was a small function per
// field before, and a call through a different function per cell measured slower.

/** The fields setField stores by name; a field's number is its place here (case N of the switch stores STORED[N]: add a field at the end, with its case). */
const STORED = [
  'id',
  'channel',
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
  'subject',
  'agent',
  'team',
  'requester',
  'requester_name',
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
  'vendor_first_response_sla',
  'conversation_id',
  'in_reply_to',
  'author',
  'public',
  'first_resolution_minutes',
  'first_resolution_business_minutes',
  'requester_wait_minutes',
  'requester_wait_business_minutes',
  'agent_wait_minutes',
  'agent_wait_business_minutes',
  'on_hold_minutes',
  'on_hold_business_minutes',
];

/** The number setField takes for a field: -1 for any other name (a keyed store). */
export function fieldCode(field: string): number {
  return STORED.indexOf(field);
}

/** Stores `v` as `field` (whose fieldCode is `code`). */
export function setField(o: Record<string, unknown>, code: number, field: string, v: unknown): void {
  switch (code) {
    case 0:
      o.id = v;
      return;
    case 1:
      o.channel = v;
      return;
    case 2:
      o.first_response_at = v;
      return;
    case 3:
      o.first_response_minutes = v;
      return;
    case 4:
      o.first_response_business_minutes = v;
      return;
    case 5:
      o.solved_at = v;
      return;
    case 6:
      o.closed_at = v;
      return;
    case 7:
      o.updated_at = v;
      return;
    case 8:
      o.due_at = v;
      return;
    case 9:
      o.status = v;
      return;
    case 10:
      o.priority = v;
      return;
    case 11:
      o.type = v;
      return;
    case 12:
      o.subject = v;
      return;
    case 13:
      o.agent = v;
      return;
    case 14:
      o.team = v;
      return;
    case 15:
      o.requester = v;
      return;
    case 16:
      o.requester_name = v;
      return;
    case 17:
      o.nps = v;
      return;
    case 18:
      o.reopens = v;
      return;
    case 19:
      o.agent_replies = v;
      return;
    case 20:
      o.wait_seconds = v;
      return;
    case 21:
      o.missed = v;
      return;
    case 22:
      o.abandoned = v;
      return;
    case 23:
      o.order_at = v;
      return;
    case 24:
      o.return_requested_at = v;
      return;
    case 25:
      o.return_decision = v;
      return;
    case 26:
      o.refunded_at = v;
      return;
    case 27:
      o.last_agent_update_at = v;
      return;
    case 28:
      o.resolution_minutes = v;
      return;
    case 29:
      o.resolution_business_minutes = v;
      return;
    case 30:
      o.vendor_first_response_sla = v;
      return;
    case 31:
      o.conversation_id = v;
      return;
    case 32:
      o.in_reply_to = v;
      return;
    case 33:
      o.author = v;
      return;
    case 34:
      o.public = v;
      return;
    case 35:
      o.first_resolution_minutes = v;
      return;
    case 36:
      o.first_resolution_business_minutes = v;
      return;
    case 37:
      o.requester_wait_minutes = v;
      return;
    case 38:
      o.requester_wait_business_minutes = v;
      return;
    case 39:
      o.agent_wait_minutes = v;
      return;
    case 40:
      o.agent_wait_business_minutes = v;
      return;
    case 41:
      o.on_hold_minutes = v;
      return;
    case 42:
      o.on_hold_business_minutes = v;
      return;
    default:
      o[field] = v;
  }
}
