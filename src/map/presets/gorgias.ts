// Gorgias tickets exported to CSV. Column titles follow the ticket object's fields
// (channel, status open/closed, created/closed datetimes, assignee user and team, satisfaction
// survey score 1–5).

import type { PresetSpec } from '../preset.js';

export const gorgias: PresetSpec = {
  id: 'gorgias',
  label: 'Gorgias ticket export (CSV)',
  kind: 'tickets',
  confidence: 'assumed',
  source:
    'Gorgias REST API ticket and satisfaction-survey objects (channel values, status open/closed, created_datetime, ' +
    'closed_datetime, survey score 1–5) and Gorgias help-center docs; column titles are our reading',
  detect: {
    required: ['Ticket ID', 'Created Datetime', 'Channel'],
    hints: [
      'Subject',
      'Status',
      'Closed Datetime',
      'Assignee',
      'Assignee Team',
      'Customer Email',
      'Customer Name',
      'Tags',
      'Satisfaction Score',
      'First Response Datetime',
    ],
  },
  timestampFormat: 'auto',
  fields: {
    id: { columns: ['Ticket ID'] },
    subject: { columns: ['Subject'] },
    channel: {
      columns: ['Channel'],
      values: {
        email: 'email',
        chat: 'chat',
        phone: 'phone',
        aircall: 'phone',
        sms: 'messaging',
        whatsapp: 'messaging',
        'facebook-messenger': 'messaging',
        'instagram-direct-message': 'messaging',
        facebook: 'social',
        'facebook-mention': 'social',
        'instagram-comment': 'social',
        'instagram-ad-comment': 'social',
        'instagram-mention': 'social',
        twitter: 'social',
        'twitter-direct-message': 'social',
        'help-center': 'web',
        'contact-form': 'web',
        contact_form: 'web',
        api: 'other',
        'internal-note': 'other',
        'yotpo-review': 'other',
      },
    },
    // Gorgias has two states; snoozed tickets count as closed in Gorgias until the snooze ends.
    status: { columns: ['Status'], values: { open: 'open', closed: 'closed', snoozed: 'on_hold' } },
    created_at: { columns: ['Created Datetime'] },
    first_response_at: { columns: ['First Response Datetime'] },
    closed_at: { columns: ['Closed Datetime'] },
    updated_at: { columns: ['Updated Datetime', 'Last Message Datetime'] },
    agent: { columns: ['Assignee', 'Assignee User'] },
    team: { columns: ['Assignee Team', 'Team'] },
    requester: { columns: ['Customer Email'] },
    requester_name: { columns: ['Customer Name'] },
    tags: { columns: ['Tags'], separator: ',' },
    csat: { columns: ['Satisfaction Score', 'Survey Score'], scale: '1-5' },
    priority: { columns: ['Priority'], values: { low: 'low', normal: 'normal', high: 'high', critical: 'urgent', urgent: 'urgent' } },
  },
  notes: [
    "Gorgias counts a ticket's channel as the channel of its first message, even when the thread moves to email.",
    'No reopen count, due time or business-hours durations: those rules report no_data.',
  ],
};
