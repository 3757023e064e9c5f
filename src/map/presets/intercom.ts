// Intercom conversations exported to CSV (Reports → Conversations → export). Layout follows the
// conversation model's fields (created_at, state, statistics.time_to_admin_reply in seconds,
// first/last close, conversation_rating 1–5) under the titles Intercom's reports use.

import type { PresetSpec } from '../preset.js';

export const intercom: PresetSpec = {
  id: 'intercom',
  label: 'Intercom conversation export (CSV)',
  kind: 'tickets',
  confidence: 'assumed',
  source:
    'Intercom REST API conversation model (state open/closed/snoozed, statistics.time_to_admin_reply, first_close_at, ' +
    'last_close_at, conversation_rating 1–5, priority/not_priority); column titles are our reading of the report export',
  detect: {
    required: ['Conversation ID', 'Conversation started at'],
    hints: [
      'Conversation state',
      'Channel',
      'Teammate assigned',
      'Team assigned',
      'Contact email',
      'Contact name',
      'Conversation tags',
      'Time to first response (seconds)',
      'First closed at',
      'Last closed at',
      'Conversation rating',
      'Priority',
    ],
  },
  timestampFormat: 'auto',
  fields: {
    id: { columns: ['Conversation ID'] },
    created_at: { columns: ['Conversation started at'] },
    updated_at: { columns: ['Last updated at', 'Conversation last updated at'] },
    status: { columns: ['Conversation state', 'State'], values: { open: 'open', snoozed: 'on_hold', closed: 'closed' } },
    channel: {
      columns: ['Channel', 'Conversation channel'],
      values: {
        chat: 'chat',
        messenger: 'chat',
        conversation: 'chat',
        email: 'email',
        phone: 'phone',
        'phone call': 'phone',
        whatsapp: 'messaging',
        sms: 'messaging',
        facebook: 'social',
        instagram: 'social',
        twitter: 'social',
        api: 'other',
      },
    },
    agent: { columns: ['Teammate assigned', 'Assignee'] },
    team: { columns: ['Team assigned'] },
    requester: { columns: ['Contact email', 'Contact ID'] },
    requester_name: { columns: ['Contact name'] },
    tags: { columns: ['Conversation tags', 'Tags'], separator: ',' },
    first_response_minutes: { columns: ['Time to first response (seconds)', 'Time to first admin reply (seconds)'], unit: 'seconds' },
    solved_at: { columns: ['First closed at'] },
    closed_at: { columns: ['Last closed at'] },
    // Intercom's rating is 1–5 (Terrible … Amazing); the words appear when exported as labels.
    csat: {
      columns: ['Conversation rating', 'Rating'],
      scale: '1-5',
      values: { terrible: '1', bad: '2', ok: '3', okay: '3', great: '4', amazing: '5' },
    },
    priority: { columns: ['Priority'], values: { priority: 'high', 'not priority': 'normal', not_priority: 'normal' } },
    agent_replies: { columns: ['Teammate replies', 'Replies from teammates'] },
  },
  notes: [
    'Conversations started by a teammate (outbound messages) are not marked in this layout; exclude them with a tag or filter.',
    "The first response is Intercom's own time to first teammate reply (seconds): bot replies are not counted by Intercom either.",
  ],
};
