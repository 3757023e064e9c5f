// The canonical message format (docs/mapping.md "Conversations from messages"): one row per message, grouped by conversation_id.

import type { PresetSpec } from '../preset.js';

export const canonicalMessages: PresetSpec = {
  id: 'canonical-messages',
  label: 'Canonical messages (support-audit format)',
  kind: 'messages',
  confidence: 'confirmed',
  source: "this project's own format (docs/mapping.md)",
  detect: {
    required: ['conversation_id', 'at', 'author_role'],
    hints: ['public', 'body', 'id', 'in_reply_to', 'author', 'channel', 'subject'],
  },
  timestampFormat: 'iso',
  messages: {
    threading: 'conversation',
    fields: {
      conversation_id: { columns: ['conversation_id'] },
      id: { columns: ['id'] },
      in_reply_to: { columns: ['in_reply_to'] },
      at: { columns: ['at'] },
      author_role: { columns: ['author_role'] },
      author: { columns: ['author'] },
      public: { columns: ['public'] },
      channel: { columns: ['channel'] },
      subject: { columns: ['subject'] },
      // `body` is recognised for detection only: message text is never kept.
    },
  },
  notes: ['author_role is customer | agent | bot | system; public is true/false (default true); body is never read.'],
};
