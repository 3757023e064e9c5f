// Help Scout conversations as exported to CSV. Help Scout has no fixed ticket-export file; this
// layout follows the conversation object's fields (number, mailbox, status, type, createdAt,
// closedAt, customer) and the rating words Help Scout shows (Great / Okay / Not Good).

import type { PresetSpec } from '../preset.js';

export const helpscout: PresetSpec = {
  id: 'helpscout',
  label: 'Help Scout conversations (CSV)',
  kind: 'tickets',
  confidence: 'assumed',
  source:
    'Help Scout Mailbox API conversation object (id, number, mailbox, status active/pending/closed/spam, type email/chat/phone, ' +
    'createdAt, closedAt) and its satisfaction ratings; column titles are our reading, not checked against a real export',
  detect: {
    required: ['Conversation Number', 'Mailbox', 'Created At'],
    hints: ['Conversation ID', 'Subject', 'Status', 'Type', 'Customer Email', 'Customer Name', 'Assignee', 'Tags', 'Closed At', 'First Response At', 'Rating'],
  },
  timestampFormat: 'iso',
  fields: {
    id: { columns: ['Conversation Number', 'Conversation ID'] },
    subject: { columns: ['Subject'] },
    status: { columns: ['Status'], values: { active: 'open', open: 'open', pending: 'pending', closed: 'closed', spam: 'closed' } },
    channel: { columns: ['Type'], values: { email: 'email', chat: 'chat', phone: 'phone', beacon: 'chat', messaging: 'messaging' } },
    team: { columns: ['Mailbox'] },
    agent: { columns: ['Assignee', 'Assigned To'] },
    requester: { columns: ['Customer Email'] },
    requester_name: { columns: ['Customer Name'] },
    tags: { columns: ['Tags'], separator: ',' },
    created_at: { columns: ['Created At'] },
    first_response_at: { columns: ['First Response At'] },
    closed_at: { columns: ['Closed At'] },
    updated_at: { columns: ['Modified At', 'Updated At'] },
    agent_replies: { columns: ['Replies Sent', 'Replies'] },
    csat: { columns: ['Rating', 'Customer Rating'], scale: '1-5', values: { great: '5', okay: '3', 'not good': '1' } },
  },
  notes: [
    'Status `spam` reads as closed; tag spam conversations `spam` to have them excluded.',
    'No priority, due time or reopen count: those rules report no_data.',
  ],
};
