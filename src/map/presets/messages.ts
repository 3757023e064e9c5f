// A generic message-level export: one row per message, grouped into conversations by a
// conversation id. Our best common layout for chat and messaging tools that export messages.

import type { PresetSpec } from '../preset.js';

export const messages: PresetSpec = {
  id: 'messages',
  label: 'Generic message export (one row per message, by conversation id)',
  kind: 'messages',
  confidence: 'assumed',
  source: 'our generic layout (documented in docs/presets.md), the common denominator of chat/messaging message exports',
  detect: {
    required: ['Conversation ID', 'Message ID'],
    hints: ['Created at', 'Sent at', 'Author type', 'Sender type', 'Author', 'Sender', 'Public', 'Channel', 'Subject', 'In reply to'],
  },
  timestampFormat: 'auto',
  messages: {
    threading: 'conversation',
    fields: {
      conversation_id: { columns: ['Conversation ID'] },
      id: { columns: ['Message ID'] },
      in_reply_to: { columns: ['In reply to', 'Reply to'] },
      at: { columns: ['Created at', 'Sent at', 'Timestamp'] },
      author_role: {
        columns: ['Author type', 'Sender type', 'Author role'],
        values: {
          customer: 'customer',
          user: 'customer',
          contact: 'customer',
          lead: 'customer',
          visitor: 'customer',
          'end-user': 'customer',
          end_user: 'customer',
          requester: 'customer',
          agent: 'agent',
          admin: 'agent',
          teammate: 'agent',
          operator: 'agent',
          staff: 'agent',
          bot: 'bot',
          automation: 'bot',
          workflow: 'bot',
          ai: 'bot',
          system: 'system',
          note: 'system',
        },
      },
      author: { columns: ['Author', 'Sender', 'Author name'] },
      public: { columns: ['Public', 'Is public'] },
      channel: {
        columns: ['Channel'],
        values: {
          email: 'email',
          chat: 'chat',
          'live chat': 'chat',
          phone: 'phone',
          sms: 'messaging',
          whatsapp: 'messaging',
          messenger: 'messaging',
          facebook: 'social',
          twitter: 'social',
          instagram: 'social',
          web: 'web',
          'web form': 'web',
        },
      },
      subject: { columns: ['Subject'] },
    },
  },
  notes: [
    'Public false marks internal notes; without a Public column every message is public.',
    'Bot and system messages never count as a response.',
    "A conversation whose first message is an agent's is outbound and excluded from first-response rules.",
  ],
};
