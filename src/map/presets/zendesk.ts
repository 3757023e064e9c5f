// Zendesk Support's classic ticket CSV export (Admin Center → Account → Tools → Reports → CSV).
// The header below is Zendesk's documented column list; custom fields follow as `Title [type]`.

import type { PresetSpec } from '../preset.js';

/** Zendesk's `Via` (the channel the ticket came in by) → canonical channel. */
const VIA: Record<string, string> = {
  mail: 'email',
  email: 'email',
  'web form': 'web',
  'web widget': 'web',
  'help center': 'web',
  'closed ticket': 'other', // a follow-up created from a closed ticket
  'web service': 'other', // the API
  api: 'other',
  rule: 'other',
  chat: 'chat',
  'phone call (incoming)': 'phone',
  'phone call (outgoing)': 'phone',
  voicemail: 'phone',
  phone: 'phone',
  twitter: 'social',
  'twitter dm': 'messaging',
  'twitter favorite': 'social',
  facebook: 'social',
  'facebook post': 'social',
  'facebook message': 'messaging',
  instagram: 'social',
  'instagram dm': 'messaging',
  whatsapp: 'messaging',
  text: 'messaging', // SMS
  sms: 'messaging',
  'native messaging': 'messaging',
  messaging: 'messaging',
  line: 'messaging',
  wechat: 'messaging',
  telegram: 'messaging',
  'mobile sdk': 'other',
};

/** Custom dropdown values people give a return decision, as display names or as tags. */
const RETURN_DECISION: Record<string, string> = {
  approved: 'approved',
  accepted: 'approved',
  return_approved: 'approved',
  rejected: 'rejected',
  declined: 'rejected',
  denied: 'rejected',
  return_rejected: 'rejected',
  pending: 'pending',
  'in review': 'pending',
  'under review': 'pending',
  return_pending: 'pending',
};

export const zendesk: PresetSpec = {
  id: 'zendesk',
  label: 'Zendesk ticket export (classic CSV)',
  kind: 'tickets',
  confidence: 'confirmed',
  source:
    "Zendesk help article 'Exporting data to a JSON, CSV, or XML file' (CSV export column table), " +
    'and public scripts that reproduce the same header (Summation column … On hold time in minutes within business hours)',
  detect: {
    required: ['Id', 'Via', 'Created at'],
    hints: [
      'Summation column',
      'Requester',
      'Requester id',
      'Requester email',
      'Submitter',
      'Assignee',
      'Group',
      'Subject',
      'Tags',
      'Status',
      'Priority',
      'Ticket type',
      'Updated at',
      'Solved at',
      'Satisfaction Score',
      'Reopens',
      'Replies',
      'First reply time in minutes',
      'First reply time in minutes within business hours',
      'Full resolution time in minutes',
      'Requester wait time in minutes',
    ],
  },
  // Zendesk writes times in the account's time zone; the shape (with or without offset) is
  // settled from the file rather than assumed.
  timestampFormat: 'auto',
  empty: ['-'],
  fields: {
    id: { columns: ['Id'] },
    channel: { columns: ['Via'], values: VIA },
    created_at: { columns: ['Created at'] },
    first_response_minutes: { columns: ['First reply time in minutes'], unit: 'minutes' },
    first_response_business_minutes: { columns: ['First reply time in minutes within business hours'], unit: 'minutes' },
    solved_at: { columns: ['Solved at'] },
    updated_at: { columns: ['Updated at'] },
    due_at: { columns: ['Due date'] },
    status: {
      columns: ['Status'],
      values: { new: 'new', open: 'open', pending: 'pending', hold: 'on_hold', 'on-hold': 'on_hold', 'on hold': 'on_hold', solved: 'solved', closed: 'closed' },
    },
    priority: { columns: ['Priority'], values: { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' } },
    type: { columns: ['Ticket type'] },
    // Zendesk tags never contain spaces: the export joins them with single spaces.
    tags: { columns: ['Tags'], separator: ' ' },
    subject: { columns: ['Subject'] },
    agent: { columns: ['Assignee'] },
    team: { columns: ['Group'] },
    requester: { columns: ['Requester email', 'Requester'] },
    requester_name: { columns: ['Requester'] },
    // Good / Bad; `Offered`, `Not Offered`, `Unoffered` read as unrated (the shared vocabulary).
    csat: { columns: ['Satisfaction Score'], scale: 'good-bad' },
    reopens: { columns: ['Reopens'] },
    agent_replies: { columns: ['Replies'] },
    resolution_minutes: { columns: ['Full resolution time in minutes'], unit: 'minutes' },
    resolution_business_minutes: { columns: ['Full resolution time in minutes within business hours'], unit: 'minutes' },
    first_resolution_minutes: { columns: ['First resolution time in minutes'], unit: 'minutes' },
    first_resolution_business_minutes: { columns: ['First resolution time in minutes within business hours'], unit: 'minutes' },
    requester_wait_minutes: { columns: ['Requester wait time in minutes'], unit: 'minutes' },
    requester_wait_business_minutes: { columns: ['Requester wait time in minutes within business hours'], unit: 'minutes' },
    agent_wait_minutes: { columns: ['Agent wait time in minutes'], unit: 'minutes' },
    agent_wait_business_minutes: { columns: ['Agent wait time in minutes within business hours'], unit: 'minutes' },
    on_hold_minutes: { columns: ['On hold time in minutes'], unit: 'minutes' },
    on_hold_business_minutes: { columns: ['On hold time in minutes within business hours'], unit: 'minutes' },
    // Only custom fields can hold these: matched by title, whatever the field type suffix.
    order_at: { columns: [/^order(ed)? (date|at|placed|placed at|created at) \[[a-z ]+\]$/] },
    return_requested_at: { columns: [/^return (date|requested|requested at|requested on|request date) \[[a-z ]+\]$/] },
    return_decision: { columns: [/^return (decision|status|outcome) \[[a-z ]+\]$/], values: RETURN_DECISION },
    refunded_at: { columns: [/^(refunded|refunded at|refunded on|refund date|refund issued|refund issued at) \[[a-z ]+\]$/] },
  },
  notes: [
    '`-` means empty in every column.',
    "Times are in the account's time zone at export time, without an offset: set the policy's timezone (or inputs.timezone, or --timezone) to the account's zone.",
    'Satisfaction Score Offered / Not Offered / Unoffered count as unrated.',
    'First reply, first and full resolution, requester wait, agent wait and on-hold durations come from Zendesk itself (calendar and business minutes); there is no first-reply timestamp column and no status history.',
    'The CSV export leaves out multi-line text, multi-select and custom date fields, so order/return/refund dates are only present when kept in a single-line text or list field titled e.g. `Order date [text]`, `Return decision [list]`.',
    'No message rows: next-reply gaps and promise updates (agent updates before a due time) have no data.',
  ],
};
