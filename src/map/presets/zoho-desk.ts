// Zoho Desk tickets exported to CSV (Setup → Data Administration → Export). Titles follow
// Zoho Desk's ticket field labels; the happiness rating is Good / Okay / Bad.

import type { PresetSpec } from '../preset.js';

export const zohoDesk: PresetSpec = {
  id: 'zoho-desk',
  label: 'Zoho Desk ticket export (CSV)',
  kind: 'tickets',
  confidence: 'assumed',
  source:
    'Zoho Desk ticket field labels (Ticket Id, Ticket Owner, Department, Channel, Created Time, Ticket Closed Time, ' +
    'Due Date, Happiness Rating Good/Okay/Bad) from Zoho Desk help pages; not checked against a real export',
  detect: {
    required: ['Ticket Id', 'Ticket Owner', 'Created Time'],
    hints: [
      'Department',
      'Contact Name',
      'Email',
      'Subject',
      'Status',
      'Priority',
      'Channel',
      'Classification',
      'Modified Time',
      'Ticket Closed Time',
      'Due Date',
      'Happiness Rating',
      'Tags',
    ],
  },
  timestampFormat: 'auto',
  fields: {
    id: { columns: ['Ticket Id', 'Request Id'] },
    subject: { columns: ['Subject'] },
    status: {
      columns: ['Status'],
      values: { open: 'open', 'on hold': 'on_hold', escalated: 'open', 'in progress': 'open', closed: 'closed', resolved: 'solved' },
    },
    priority: { columns: ['Priority'], values: { low: 'low', medium: 'normal', normal: 'normal', high: 'high', urgent: 'urgent' } },
    channel: {
      columns: ['Channel'],
      values: {
        email: 'email',
        phone: 'phone',
        web: 'web',
        'web form': 'web',
        'feedback widget': 'web',
        forums: 'web',
        chat: 'chat',
        twitter: 'social',
        facebook: 'social',
        instagram: 'social',
        whatsapp: 'messaging',
        telegram: 'messaging',
        'customer portal': 'web',
      },
    },
    type: { columns: ['Classification', 'Category'] },
    agent: { columns: ['Ticket Owner'] },
    team: { columns: ['Department'] },
    requester: { columns: ['Email', 'Contact Email'] },
    requester_name: { columns: ['Contact Name'] },
    created_at: { columns: ['Created Time'] },
    updated_at: { columns: ['Modified Time'] },
    closed_at: { columns: ['Ticket Closed Time', 'Closed Time'] },
    due_at: { columns: ['Due Date'] },
    first_response_at: { columns: ['First Response Time'] },
    tags: { columns: ['Tags'], separator: ',' },
    csat: { columns: ['Happiness Rating'], scale: '1-5', values: { good: '5', okay: '3', bad: '1' } },
  },
  notes: [
    'Happiness ratings read Good = 5, Okay = 3, Bad = 1 on the 1–5 scale, so Okay does not count as good.',
    "Zoho writes times in the portal's zone: set the policy's timezone (or inputs.timezone, or --timezone) to it.",
  ],
};
