// The canonical ticket format (docs/mapping.md "Canonical fields"): snake_case canonical names as headers, ISO 8601
// timestamps, canonical values. What to write when converting an unsupported export by hand.

import type { FieldSource, PresetSpec, TicketField } from '../preset.js';

/** Canonical fields whose column is a plain instant. */
const INSTANTS: TicketField[] = [
  'created_at',
  'first_response_at',
  'solved_at',
  'closed_at',
  'updated_at',
  'due_at',
  'order_at',
  'return_requested_at',
  'refunded_at',
  'last_agent_update_at',
];

/** A vendor's own durations in minutes (calendar and business), under their canonical names. */
const VENDOR_MINUTES: TicketField[] = [
  'first_resolution_minutes',
  'first_resolution_business_minutes',
  'requester_wait_minutes',
  'requester_wait_business_minutes',
  'agent_wait_minutes',
  'agent_wait_business_minutes',
  'on_hold_minutes',
  'on_hold_business_minutes',
];

/** Fields read as-is from the column of the same name. */
const PLAIN: TicketField[] = [
  'id',
  'channel',
  'status',
  'priority',
  'type',
  'subject',
  'agent',
  'team',
  'requester',
  'requester_name',
  'reopens',
  'agent_replies',
  'missed',
  'abandoned',
  'return_decision',
  'vendor_first_response_sla',
  'nps',
];

function byName(): Partial<Record<TicketField, FieldSource>> {
  const out: Partial<Record<TicketField, FieldSource>> = {};
  for (const f of [...PLAIN, ...INSTANTS]) out[f] = { columns: [f] };
  out.first_response_minutes = { columns: ['first_response_minutes'], unit: 'minutes' };
  out.first_response_business_minutes = { columns: ['first_response_business_minutes'], unit: 'minutes' };
  out.resolution_minutes = { columns: ['resolution_minutes'], unit: 'minutes' };
  out.resolution_business_minutes = { columns: ['resolution_business_minutes'], unit: 'minutes' };
  for (const f of VENDOR_MINUTES) out[f] = { columns: [f], unit: 'minutes' };
  out.wait_seconds = { columns: ['wait_seconds'], unit: 'seconds' };
  // `;` because tags written by people may contain spaces ("late delivery").
  out.tags = { columns: ['tags'], separator: ';' };
  out.csat = { columns: ['csat'], scale: '1-5' };
  return out;
}

export const canonical: PresetSpec = {
  id: 'canonical',
  label: 'Canonical tickets (support-audit format)',
  kind: 'tickets',
  confidence: 'confirmed',
  source: "this project's own format (docs/mapping.md)",
  detect: {
    required: ['id', 'created_at', 'channel'],
    hints: [
      'first_response_at',
      'first_response_minutes',
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
      'reopens',
      'agent_replies',
      'wait_seconds',
      'missed',
      'abandoned',
      'order_at',
      'return_requested_at',
      'return_decision',
      'refunded_at',
    ],
  },
  timestampFormat: 'iso',
  fields: byName(),
  notes: [
    "Timestamps ISO 8601; without an offset they are read in the data's zone: --timezone, else the policy's inputs.timezone, else its timezone (UTC only when none is set, with a warning).",
    'tags separated by `;`; csat is the 1–5 rating (4–5 counts as good); missed/abandoned are true/false.',
    'Also read: resolution_minutes, resolution_business_minutes, first_resolution_minutes, requester_wait_minutes, agent_wait_minutes, on_hold_minutes (each also as *_business_minutes), last_agent_update_at, vendor_first_response_sla (met/breached), nps (0–10).',
  ],
};
