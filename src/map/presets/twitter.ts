// The Kaggle "Customer Support on Twitter" dataset (twcs.csv): one row per tweet, brands answering
// customers. Conversations are threaded by reply links, not by a conversation id.

import type { PresetSpec } from '../preset.js';
import { INBOUND_AUTHOR_ROLES } from '../values-vocab.js';

export const twitter: PresetSpec = {
  id: 'twitter',
  label: 'Customer Support on Twitter (twcs.csv, one row per tweet)',
  kind: 'messages',
  confidence: 'confirmed',
  source: 'the real sample beside the checkout (twcs-sample.csv, 5,000 tweets), Kaggle "Customer Support on Twitter"',
  detect: {
    required: ['tweet_id', 'author_id', 'inbound', 'created_at'],
    hints: ['text', 'response_tweet_id', 'in_response_to_tweet_id'],
  },
  timestampFormat: 'twitter',
  messages: {
    threading: 'reply-links',
    fields: {
      id: { columns: ['tweet_id'] },
      // pandas saved the reply ids as floats (`3.0`): ids are read through canonicalId (`3.0` → `3`).
      in_reply_to: { columns: ['in_response_to_tweet_id'] },
      at: { columns: ['created_at'] },
      author_role: { columns: ['inbound'], values: INBOUND_AUTHOR_ROLES },
      // The brand's handle on its own tweets, the customer's anonymised id on theirs.
      author: { columns: ['author_id'] },
      // Every tweet is social. `inbound` is always present, so it carries the constant.
      channel: { columns: ['inbound'], values: { true: 'social', false: 'social' } },
    },
  },
  notes: [
    'inbound True = customer, False = the brand (agent); the brand handle (author_id) is the agent, so --by agent groups by brand.',
    'Tweets are public: every message counts as public.',
    "The first column is pandas' unnamed index; text is never kept.",
    'Reply ids are floats (`3.0`); they are read as integer ids.',
    'Tickets have no status, priority, type, tags or satisfaction: only response-time rules have data.',
  ],
};
