// The words vendors write for canonical values (docs/mapping.md). Keys are normalised like
// `vocabularyKey`: lower case, `-`, `_` and runs of spaces read as one space. A preset's own
// `values` map is applied before these.

import type { AuthorRole, Channel, Priority, ReturnDecision, Status } from '../types.js';

export const CHANNEL_WORDS: Record<string, Channel> = {
  email: 'email', 'e mail': 'email', mail: 'email', 'inbound email': 'email', 'outbound email': 'email', 'email ticket': 'email',
  chat: 'chat', 'live chat': 'chat', livechat: 'chat', 'web chat': 'chat', webchat: 'chat', 'chat transcript': 'chat',
  phone: 'phone', voice: 'phone', call: 'phone', telephone: 'phone', 'phone call': 'phone',
  'phone call (incoming)': 'phone', 'phone call (outgoing)': 'phone', 'voicemail': 'phone',
  social: 'social', 'social media': 'social', twitter: 'social', x: 'social', facebook: 'social', 'facebook post': 'social', instagram: 'social',
  'instagram direct': 'social', tiktok: 'social', youtube: 'social', forum: 'social', community: 'social',
  messaging: 'messaging', whatsapp: 'messaging', sms: 'messaging', 'text message': 'messaging', messenger: 'messaging',
  'facebook messenger': 'messaging', telegram: 'messaging', line: 'messaging', wechat: 'messaging', 'apple business chat': 'messaging',
  'twitter dm': 'messaging', 'native messaging': 'messaging', 'sunshine conversations': 'messaging',
  web: 'web', 'web form': 'web', webform: 'web', form: 'web', portal: 'web', 'help center': 'web', 'feedback widget': 'web',
  'web widget': 'web', 'contact form': 'web', website: 'web',
  other: 'other', api: 'other', 'web service': 'other', 'closed ticket': 'other', mobile: 'other', 'mobile sdk': 'other',
  mobihelp: 'other', ecommerce: 'other', 'in person': 'other', 'walk in': 'other', system: 'other',
};

export const STATUS_WORDS: Record<string, Status> = {
  new: 'new', unassigned: 'new', 'to do': 'new', todo: 'new', 'not started': 'new',
  open: 'open', opened: 'open', reopened: 'open', 'in progress': 'open', 'work in progress': 'open', assigned: 'open',
  active: 'open', escalated: 'open', 'waiting for support': 'open', 'waiting on agent': 'open', 'awaiting agent': 'open',
  pending: 'pending', 'waiting on customer': 'pending', 'waiting for customer': 'pending', 'awaiting customer': 'pending',
  'pending customer response': 'pending', 'awaiting reply': 'pending', 'waiting for reply': 'pending', snoozed: 'pending',
  'on hold': 'on_hold', hold: 'on_hold', onhold: 'on_hold', 'waiting on third party': 'on_hold',
  'waiting for third party': 'on_hold', 'waiting on 3rd party': 'on_hold', 'awaiting third party': 'on_hold', blocked: 'on_hold',
  solved: 'solved', resolved: 'solved', done: 'solved', fixed: 'solved', completed: 'solved', complete: 'solved',
  closed: 'closed', canceled: 'closed', cancelled: 'closed', archived: 'closed', "won't do": 'closed', 'wont do': 'closed',
  declined: 'closed', rejected: 'closed', duplicate: 'closed', spam: 'closed',
};

export const PRIORITY_WORDS: Record<string, Priority> = {
  low: 'low', lowest: 'low', minor: 'low', trivial: 'low', p4: 'low', p5: 'low',
  normal: 'normal', medium: 'normal', moderate: 'normal', standard: 'normal', p3: 'normal',
  high: 'high', major: 'high', important: 'high', p2: 'high',
  urgent: 'urgent', critical: 'urgent', highest: 'urgent', blocker: 'urgent', emergency: 'urgent', p1: 'urgent', p0: 'urgent',
};

export const RETURN_WORDS: Record<string, ReturnDecision> = {
  approved: 'approved', approve: 'approved', accepted: 'approved', granted: 'approved', yes: 'approved', refunded: 'approved',
  rejected: 'rejected', reject: 'rejected', denied: 'rejected', declined: 'rejected', refused: 'rejected', no: 'rejected',
  pending: 'pending', open: 'pending', 'in review': 'pending', 'under review': 'pending', awaiting: 'pending', requested: 'pending',
};

export const AUTHOR_WORDS: Record<string, AuthorRole> = {
  customer: 'customer', 'end user': 'customer', enduser: 'customer', user: 'customer', requester: 'customer',
  visitor: 'customer', contact: 'customer', client: 'customer', lead: 'customer',
  agent: 'agent', admin: 'agent', staff: 'agent', operator: 'agent', support: 'agent', brand: 'agent', teammate: 'agent',
  bot: 'bot', chatbot: 'bot', automation: 'bot', automated: 'bot', 'ai agent': 'bot', workflow: 'bot',
  system: 'system', event: 'system', note: 'system', trigger: 'system',
};

/** Twitter-style `inbound` flags: a message sent to the brand is the customer's. For a preset's `values`. */
export const INBOUND_AUTHOR_ROLES: Record<string, AuthorRole> = {
  true: 'customer', false: 'agent', yes: 'customer', no: 'agent', '1': 'customer', '0': 'agent', '1.0': 'customer', '0.0': 'agent',
};

export const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true, false: false, yes: true, no: false, y: true, n: false, t: true, f: false,
  '1': true, '0': false, '1.0': true, '0.0': false, on: true, off: false,
};

export const SLA_WORDS: Record<string, 'met' | 'breached'> = {
  met: 'met', achieved: 'met', 'within sla': 'met', ok: 'met', yes: 'met', true: 'met', pass: 'met', passed: 'met',
  breached: 'breached', violated: 'breached', 'sla violated': 'breached', missed: 'breached', no: 'breached',
  false: 'breached', fail: 'breached', failed: 'breached',
};

/** Good/bad satisfaction words; `unrated` means the survey was not answered (absent, no problem). */
export const CSAT_WORDS: Record<string, 'good' | 'bad' | 'unrated'> = {
  good: 'good', 'good with comment': 'good', satisfied: 'good', positive: 'good', happy: 'good', "good, i'm satisfied": 'good',
  bad: 'bad', 'bad with comment': 'bad', unsatisfied: 'bad', dissatisfied: 'bad', negative: 'bad', unhappy: 'bad',
  "bad, i'm unsatisfied": 'bad',
  offered: 'unrated', 'not offered': 'unrated', unoffered: 'unrated', unrated: 'unrated', 'not rated': 'unrated',
  none: 'unrated', 'no rating': 'unrated',
};
