// The built-in policy (docs/policy.md "The built-in policy") written exactly as a user would write
// it, so that it goes through the same schema as every policy file. Where the eight baseline
// expectations give a number it is used as is;
// every other number is explained in docs/policy.md ("Where each default comes from").

export const BUILTIN_NAME = 'Baseline service standards';

/** Default rule ids, in report order (fixed: reports and other tools rely on them). */
export const DEFAULT_RULE_IDS = [
  'chat-first-response',
  'email-first-response',
  'phone-wait',
  'social-first-response',
  'satisfaction',
  'promise-updates',
  'after-sales-quality',
  'billing-clarity',
  'premises-complaints',
  'queue-hygiene',
  'peak-friendliness',
  'presales-advice',
  'complaint-response',
  'returns-approval',
  'refund-speed',
] as const;

// Matching words cover the Kaggle "customer support tickets" values (Ticket Type, Ticket
// Subject) and common Zendesk/Freshdesk types and tags. Globs stay within one word in subjects.
const AFTER_SALES = {
  match: 'any',
  type: ['technical*', '*repair*', '*warranty*', 'after sales*', 'aftersales*', 'rma', 'defect*'],
  tags: { any: ['after-sales', 'aftersales', 'repair*', 'warranty', 'rma', 'defect*', 'technical*'] },
  subject: [
    'repair*',
    'warranty',
    'rma',
    'broken',
    'defect*',
    'faulty',
    'not working',
    'hardware issue',
    'software bug',
    'battery life',
    'installation support',
    'product setup',
    'data loss',
    'network problem',
    'peripheral compatibility',
  ],
};

const REPAIR = {
  match: 'any',
  type: ['*repair*', '*warranty*', 'rma'],
  tags: { any: ['repair*', 'warranty', 'rma'] },
  subject: ['repair*', 'warranty', 'rma', 'broken', 'hardware issue', 'battery life'],
};

const BILLING = {
  match: 'any',
  type: ['billing*', 'invoice*', '*dispute*'],
  tags: { any: ['billing', 'invoice*', 'invoicing', 'overcharg*', 'double-charge*', 'chargeback', 'payment-issue', 'dispute*'] },
  subject: ['billing', 'bill', 'invoice*', 'overcharg*', 'charged twice', 'double charge*', 'chargeback', 'payment issue', 'wrong charge*'],
};

const PREMISES = {
  match: 'any',
  type: ['premises*', 'cleanliness', 'facilit*'],
  // No `clean*`: it matched product and software words (`cleaning`, `clean-install`).
  tags: { any: ['premises', 'cleanliness', 'unclean', 'dirty', 'hygiene', 'untidy', 'store-condition'] },
  subject: ['dirty', 'untidy', 'messy', 'cleanliness', 'unclean', 'hygien*', 'premises', 'filthy', 'smell*', 'toilet*', 'restroom*'],
};

const PRESALES = {
  match: 'any',
  type: ['product inquiry', 'pre sales*', 'presales*', 'sales*'],
  tags: { any: ['presales', 'pre-sales', 'sales', 'quote', 'pricing', 'product-question', 'product-inquiry'] },
  subject: ['product recommendation', 'product inquiry', 'pre sales', 'presales', 'quote', 'pricing', 'price', 'availability', 'in stock', 'before buying'],
};

const COMPLAINT = {
  match: 'any',
  type: ['complaint*', '*complaint'],
  tags: { any: ['complaint*', 'complain*', 'grievance'] },
  subject: ['complaint*', 'complain*', 'grievance'],
};

export const DEFAULT_DOCUMENT = {
  name: BUILTIN_NAME,
  schedules: {
    'business-hours': {
      mon: ['09:00-17:00'],
      tue: ['09:00-17:00'],
      wed: ['09:00-17:00'],
      thu: ['09:00-17:00'],
      fri: ['09:00-17:00'],
    },
  },
  rules: [
    {
      id: 'chat-first-response',
      expectation: 'channel',
      title: 'Live chat answered within 3 minutes',
      applies_to: { channel: ['chat'] },
      measure: 'first-response',
      window: '3m',
      target: '90%',
    },
    {
      id: 'email-first-response',
      expectation: 'channel',
      title: 'Email and web form answered within 24 hours',
      applies_to: { channel: ['email', 'web'] },
      measure: 'first-response',
      window: '24h',
      target: '90%',
    },
    {
      id: 'phone-wait',
      expectation: 'channel',
      title: 'Phone callers wait at most 5 minutes',
      applies_to: { channel: ['phone'] },
      measure: 'phone-wait',
      window: '5m',
      target: '90%',
    },
    {
      id: 'social-first-response',
      expectation: 'channel',
      title: 'Social and messaging answered within 1 hour',
      applies_to: { channel: ['social', 'messaging'] },
      measure: 'first-response',
      window: '1h',
      target: '90%',
      severity: 'warn',
    },
    { id: 'satisfaction', expectation: 'baseline', title: 'Customers are satisfied (CSAT at least 80%)', measure: 'csat', target: '80%' },
    { id: 'promise-updates', expectation: 1, title: 'Customers hear before a promise slips', measure: 'promise-updates', target: '90%', severity: 'warn' },
    {
      id: 'after-sales-quality',
      expectation: 2,
      title: 'After-sales and repairs done right first time',
      applies_to: AFTER_SALES,
      measure: 'after-sales',
      repair: REPAIR,
      repair_window: '14d',
      target: '90%',
      severity: 'warn',
    },
    {
      id: 'billing-clarity',
      expectation: 3,
      title: 'Billing disputes and invoice questions stay rare',
      measure: 'share',
      match: BILLING,
      ceiling: '15%',
      severity: 'warn',
    },
    {
      id: 'premises-complaints',
      expectation: 4,
      title: 'Premises and cleanliness complaints stay rare',
      measure: 'share',
      match: PREMISES,
      ceiling: '2%',
      severity: 'warn',
    },
    {
      id: 'queue-hygiene',
      expectation: 4,
      title: 'No open ticket left untouched or unassigned',
      measure: 'queue-hygiene',
      untouched: '3d',
      unassigned: '24h',
      target: '90%',
      severity: 'warn',
    },
    {
      id: 'peak-friendliness',
      expectation: 5,
      title: 'Friendly service even at peak times',
      measure: 'peak',
      max_csat_gap: '5%',
      max_response_ratio: 1.5,
      target: '80%',
      severity: 'warn',
    },
    {
      id: 'presales-advice',
      expectation: 6,
      title: 'Pre-sales questions answered within 1 hour',
      applies_to: PRESALES,
      measure: 'presales',
      window: '1h',
      target: '90%',
      severity: 'warn',
    },
    {
      id: 'complaint-response',
      expectation: 7,
      title: 'Complaints answered within one week',
      applies_to: COMPLAINT,
      measure: 'first-response',
      window: '7d',
      target: '95%',
    },
    {
      id: 'returns-approval',
      expectation: 8,
      title: 'Returns within 30 days approved and answered within 48 hours',
      measure: 'returns-approval',
      return_window: '30d',
      answer_window: '48h',
      target: '90%',
      severity: 'warn',
    },
    { id: 'refund-speed', expectation: 8, title: 'Refunds issued within 14 days', measure: 'refund-speed', window: '14d', target: '90%', severity: 'warn' },
  ],
};
