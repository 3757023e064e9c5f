// The Kaggle "Customer Support Ticket Dataset" (synthetic, widely used as if real). One row per
// ticket; it has no creation time, and its two "time" columns are timestamps, not durations.

import type { PresetSpec } from '../preset.js';

export const customerSupportDataset: PresetSpec = {
  id: 'customer-support-dataset',
  label: 'Customer Support Ticket Dataset (Kaggle)',
  kind: 'tickets',
  confidence: 'confirmed',
  source: 'the real export beside the checkout (customer-support-tickets.csv, 8,469 rows), Kaggle "Customer Support Ticket Dataset"',
  detect: {
    required: ['Ticket ID', 'Ticket Subject', 'First Response Time', 'Time to Resolution'],
    hints: [
      'Customer Name',
      'Customer Email',
      'Customer Age',
      'Customer Gender',
      'Product Purchased',
      'Date of Purchase',
      'Ticket Type',
      'Ticket Description',
      'Ticket Status',
      'Resolution',
      'Ticket Priority',
      'Ticket Channel',
      'Customer Satisfaction Rating',
    ],
  },
  timestampFormat: 'iso',
  fields: {
    id: { columns: ['Ticket ID'] },
    // The earliest time the file has for a ticket; see notes.
    created_at: { columns: ['First Response Time'] },
    solved_at: { columns: ['Time to Resolution'] },
    order_at: { columns: ['Date of Purchase'] },
    type: { columns: ['Ticket Type'] },
    subject: { columns: ['Ticket Subject'] },
    status: {
      columns: ['Ticket Status'],
      values: { open: 'open', closed: 'closed', 'pending customer response': 'pending' },
    },
    priority: { columns: ['Ticket Priority'], values: { low: 'low', medium: 'normal', high: 'high', critical: 'urgent' } },
    channel: { columns: ['Ticket Channel'], values: { email: 'email', chat: 'chat', phone: 'phone', 'social media': 'social' } },
    csat: { columns: ['Customer Satisfaction Rating'], scale: '1-5' },
    requester: { columns: ['Customer Email'] },
    requester_name: { columns: ['Customer Name'] },
    // `Ticket Description` and `Resolution` are message text: never mapped.
  },
  notes: [
    'No ticket creation time: created_at is `First Response Time`, the earliest instant the file has.',
    'So there is no separate first response: first-response rules (chat, email, phone, social, complaints, pre-sales) have no data.',
    '`Time to Resolution` is a timestamp (solved_at); in many closed rows it precedes `First Response Time`, reported as negative-duration problems.',
    "Timestamps have no offset and the dataset names no zone: set the policy's timezone (or inputs.timezone, or --timezone); UTC is assumed, with a warning, when none is set.",
    'Ratings are 1.0–5.0, blank when unrated; Ticket Type gives Technical issue, Billing inquiry, Cancellation request, Product inquiry, Refund request.',
  ],
};
