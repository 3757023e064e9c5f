// What kind of value each canonical field holds, so the mapper knows how to read its column.
// Every canonical field (docs/mapping.md, with the extras of `Ticket` / `Message`) is listed here once.

import type { DurationUnit, MessageField, TicketField } from './preset.js';
import type { ValueKind } from './values.js';

export type FieldKind =
  | { kind: 'id' }
  | { kind: 'text' }
  | { kind: 'time' }
  /** A vendor duration; `unit` is the default when the preset names none; `as` is the stored unit. */
  | { kind: 'duration'; unit: DurationUnit; as: 'minutes' | 'seconds' }
  | { kind: 'count' }
  | { kind: 'value'; value: ValueKind }
  | { kind: 'tags' }
  | { kind: 'csat' };

const ID = { kind: 'id' } as const;
const TEXT = { kind: 'text' } as const;
const TIME = { kind: 'time' } as const;
const MINUTES = { kind: 'duration', unit: 'minutes', as: 'minutes' } as const;
const COUNT = { kind: 'count' } as const;
const value = (v: ValueKind): FieldKind => ({ kind: 'value', value: v });

export const TICKET_FIELDS: Record<TicketField, FieldKind> = {
  id: ID,
  channel: value('channel'),
  created_at: TIME,
  first_response_at: TIME,
  first_response_minutes: MINUTES,
  first_response_business_minutes: MINUTES,
  solved_at: TIME,
  closed_at: TIME,
  updated_at: TIME,
  due_at: TIME,
  status: value('status'),
  priority: value('priority'),
  type: TEXT,
  tags: { kind: 'tags' },
  subject: TEXT,
  agent: TEXT,
  team: TEXT,
  requester: TEXT,
  requester_name: TEXT,
  csat: { kind: 'csat' },
  // csat_good is filled together with csat from the same column.
  csat_good: { kind: 'csat' },
  nps: value('nps'),
  reopens: COUNT,
  agent_replies: COUNT,
  wait_seconds: { kind: 'duration', unit: 'seconds', as: 'seconds' },
  missed: value('boolean'),
  abandoned: value('boolean'),
  order_at: TIME,
  return_requested_at: TIME,
  return_decision: value('return_decision'),
  refunded_at: TIME,
  last_agent_update_at: TIME,
  resolution_minutes: MINUTES,
  resolution_business_minutes: MINUTES,
  first_resolution_minutes: MINUTES,
  first_resolution_business_minutes: MINUTES,
  requester_wait_minutes: MINUTES,
  requester_wait_business_minutes: MINUTES,
  agent_wait_minutes: MINUTES,
  agent_wait_business_minutes: MINUTES,
  on_hold_minutes: MINUTES,
  on_hold_business_minutes: MINUTES,
  vendor_first_response_sla: value('vendor_sla'),
};

export const MESSAGE_FIELDS: Record<MessageField, FieldKind> = {
  conversation_id: ID,
  id: ID,
  in_reply_to: ID,
  at: TIME,
  author_role: value('author_role'),
  author: TEXT,
  public: value('boolean'),
  channel: value('channel'),
  subject: TEXT,
};

/**
 * Vendor durations that only a rule reads, and only when its needs() name them: an audit reads
 * their cells only for a policy with such a rule (MapContext.unread). Bound all the same, so
 * inspect shows them and rules see them as available. A Zendesk export has eight of them on
 * every row, and decoding cells nothing uses is per-row work for nothing.
 */
export const ON_DEMAND: ReadonlySet<string> = new Set([
  'first_resolution_minutes',
  'first_resolution_business_minutes',
  'requester_wait_minutes',
  'requester_wait_business_minutes',
  'agent_wait_minutes',
  'agent_wait_business_minutes',
  'on_hold_minutes',
  'on_hold_business_minutes',
]);

/** Times that must not come before created_at (dropped with `negative-duration` when they do). */
export const AFTER_CREATION = new Set<string>(['first_response_at', 'solved_at', 'closed_at', 'last_agent_update_at']);

/** Times that may lie ahead of "now": a due date is a promise, not an event, so it neither moves as_of nor is a future-timestamp. */
export const FORWARD_LOOKING = new Set<string>(['due_at']);
