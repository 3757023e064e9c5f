// LiveChat chats exported to CSV (Archives → export). One row per chat; LiveChat measures the
// first response and queue wait itself, in seconds, and rates chats good / bad.

import type { PresetSpec } from '../preset.js';

export const livechat: PresetSpec = {
  id: 'livechat',
  label: 'LiveChat chat archive export (CSV)',
  kind: 'tickets',
  confidence: 'assumed',
  source:
    'LiveChat reports and API fields (chat id, thread start, first response time and queue wait in seconds, ' +
    'rating good/bad/not rated, tags, group); column titles are our reading',
  detect: {
    required: ['Chat ID', 'Chat start date'],
    hints: [
      'Thread ID',
      'Chat end date',
      'Visitor name',
      'Visitor email',
      'Agent name',
      'Group',
      'Tags',
      'Rating',
      'First response time (seconds)',
      'Queue duration (seconds)',
      'Missed',
    ],
  },
  timestampFormat: 'auto',
  fields: {
    id: { columns: ['Chat ID', 'Thread ID'] },
    channel: { columns: ['Channel'], fallback: 'chat' },
    created_at: { columns: ['Chat start date'] },
    closed_at: { columns: ['Chat end date'] },
    requester: { columns: ['Visitor email', 'Visitor ID'] },
    requester_name: { columns: ['Visitor name'] },
    agent: { columns: ['Agent name', 'Operator 1 nick'] },
    team: { columns: ['Group', 'Group name'] },
    tags: { columns: ['Tags'], separator: ',' },
    first_response_minutes: { columns: ['First response time (seconds)'], unit: 'seconds' },
    wait_seconds: { columns: ['Queue duration (seconds)'], unit: 'seconds' },
    // `not rated` is in the shared vocabulary as unrated.
    csat: { columns: ['Rating', 'Chat rating'], scale: 'good-bad', values: { 'rated good': 'good', 'rated bad': 'bad' } },
    missed: { columns: ['Missed'] },
  },
  notes: [
    'Every row is a chat: the channel is chat unless the policy maps a column (a `Channel` column, when present, is read).',
    'Missed chats (no agent joined) count against the pre-sales missed-chat ceiling when the Missed column is present.',
  ],
};
