// Freshdesk's ticket export (Tickets → Export, CSV). Older and newer accounts spell the same
// columns with different capitals (`Created time` / `Created Time`); header matching ignores case.

import type { PresetSpec } from '../preset.js';

export const freshdesk: PresetSpec = {
  id: 'freshdesk',
  label: 'Freshdesk ticket export (CSV)',
  kind: 'tickets',
  confidence: 'confirmed',
  source:
    "Freshdesk's own export field list (display_id 'Ticket ID', created_at 'Created time', first_response_time " +
    "'Initial response time', first_res_time_bhrs 'First response time (in hrs)', resolution_time_bhrs " +
    "'Resolution time (in hrs)', outbound_count 'Agent interactions', …) as it appears in Freshdesk's public " +
    'helpkit export tests, and real exports loaded by public analysis scripts',
  detect: {
    required: ['Ticket ID', 'Created time', 'Source'],
    hints: [
      'Subject',
      'Status',
      'Priority',
      'Type',
      'Agent',
      'Group',
      'Due by Time',
      'Resolved time',
      'Closed time',
      'Last updated time',
      'Initial response time',
      'First response time (in hrs)',
      'Resolution time (in hrs)',
      'Agent interactions',
      'Customer interactions',
      'Resolution status',
      'First response status',
      'Tags',
      'Survey results',
    ],
  },
  timestampFormat: 'auto',
  fields: {
    id: { columns: ['Ticket ID'] },
    subject: { columns: ['Subject'] },
    status: {
      columns: ['Status'],
      values: {
        open: 'open',
        pending: 'pending',
        resolved: 'solved',
        closed: 'closed',
        'waiting on customer': 'pending',
        'waiting on third party': 'on_hold',
      },
    },
    priority: { columns: ['Priority'], values: { low: 'low', medium: 'normal', high: 'high', urgent: 'urgent' } },
    channel: {
      columns: ['Source'],
      values: {
        email: 'email',
        'outbound email': 'email',
        portal: 'web',
        'feedback widget': 'web',
        forum: 'web',
        phone: 'phone',
        chat: 'chat',
        bot: 'chat',
        twitter: 'social',
        facebook: 'social',
        instagram: 'social',
        whatsapp: 'messaging',
        mobihelp: 'messaging',
        'mobile app': 'messaging',
        ecommerce: 'other',
        api: 'other',
      },
    },
    type: { columns: ['Type'] },
    agent: { columns: ['Agent'] },
    team: { columns: ['Group'] },
    requester: { columns: ['Email', 'Requester Email', 'Contact ID'] },
    requester_name: { columns: ['Full name', 'Requester Name'] },
    created_at: { columns: ['Created time'] },
    due_at: { columns: ['Due by Time'] },
    solved_at: { columns: ['Resolved time'] },
    closed_at: { columns: ['Closed time'] },
    updated_at: { columns: ['Last updated time', 'Last update time'] },
    // `Initial response time` is the instant of the first agent response, not a duration.
    first_response_at: { columns: ['Initial response time'] },
    // The `(in hrs)` columns are business-hours durations written `HH:MM:SS`.
    first_response_business_minutes: { columns: ['First response time (in hrs)'], unit: 'hms' },
    resolution_business_minutes: { columns: ['Resolution time (in hrs)'], unit: 'hms' },
    agent_replies: { columns: ['Agent interactions'] },
    vendor_first_response_sla: {
      columns: ['First response status'],
      values: { 'within sla': 'met', 'sla violated': 'breached' },
    },
    tags: { columns: ['Tags'], separator: ',' },
    // Freshdesk surveys answer in words; the classic 3-point and the 5-point scales both land on 1–5.
    csat: {
      columns: ['Survey results', 'Survey result'],
      scale: '1-5',
      values: {
        awesome: '5',
        'just okay': '3',
        'not good': '1',
        'extremely happy': '5',
        'very happy': '5',
        happy: '4',
        neutral: '3',
        unhappy: '2',
        'very unhappy': '1',
        'extremely unhappy': '1',
      },
    },
  },
  notes: [
    "First response status / Resolution status are Freshdesk's own SLA verdicts (`Within SLA`, `SLA Violated`); the first one is kept as vendor_first_response_sla for comparison.",
    'The `(in hrs)` durations are business hours as `HH:MM:SS`; calendar first-response time comes from Initial response time − Created time.',
    "Freshdesk writes times in the account's zone without an offset: set the policy's timezone (or inputs.timezone, or --timezone) to it.",
    'No reopen count and no message rows: reopen-based rules (after-sales quality) and next-reply gaps have no data.',
  ],
};
