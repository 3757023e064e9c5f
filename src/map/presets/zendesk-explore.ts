// A Zendesk Explore report exported as CSV. Explore reports are built by the user, so the
// columns vary; these are Explore's own attribute and metric names for the Tickets dataset.

import type { PresetSpec } from '../preset.js';

export const zendeskExplore: PresetSpec = {
  id: 'zendesk-explore',
  label: 'Zendesk Explore report (Support: Tickets dataset)',
  kind: 'tickets',
  confidence: 'documented',
  source:
    "Zendesk Explore documentation (attributes 'Ticket created - Timestamp', 'Ticket solved - Timestamp', metrics " +
    "'First reply time (min)', 'Full resolution time (min)'); metric/attribute names seen in public report-loading code. " +
    'Which columns a report has depends on the report.',
  detect: {
    required: ['Ticket ID', 'Ticket created - Timestamp'],
    hints: [
      'Ticket status',
      'Ticket priority',
      'Ticket channel',
      'Ticket type',
      'Ticket subject',
      'Ticket group',
      'Assignee name',
      'Requester name',
      'Ticket solved - Timestamp',
      'Ticket updated - Timestamp',
      'First reply time (min)',
      'Full resolution time (min)',
      'Ticket satisfaction rating',
    ],
  },
  // Explore's default timestamp display is `2015-01-27T13:21:10` (ISO, no offset, the user's zone).
  timestampFormat: 'iso',
  empty: ['-', 'NULL'],
  fields: {
    id: { columns: ['Ticket ID'] },
    channel: {
      columns: ['Ticket channel', 'Ticket via'],
      values: {
        email: 'email',
        mail: 'email',
        'web form': 'web',
        'web widget': 'web',
        'help center': 'web',
        chat: 'chat',
        'phone call (incoming)': 'phone',
        'phone call (outgoing)': 'phone',
        voicemail: 'phone',
        phone: 'phone',
        twitter: 'social',
        'twitter dm': 'messaging',
        facebook: 'social',
        'facebook post': 'social',
        'facebook message': 'messaging',
        instagram: 'social',
        'instagram dm': 'messaging',
        whatsapp: 'messaging',
        messaging: 'messaging',
        'native messaging': 'messaging',
        sms: 'messaging',
        text: 'messaging',
        api: 'other',
        'web service': 'other',
        'closed ticket': 'other',
      },
    },
    created_at: { columns: ['Ticket created - Timestamp'] },
    solved_at: { columns: ['Ticket solved - Timestamp'] },
    updated_at: { columns: ['Ticket updated - Timestamp'] },
    due_at: { columns: ['Ticket due - Timestamp'] },
    status: {
      columns: ['Ticket status'],
      values: { new: 'new', open: 'open', pending: 'pending', hold: 'on_hold', 'on-hold': 'on_hold', solved: 'solved', closed: 'closed' },
    },
    priority: { columns: ['Ticket priority'], values: { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' } },
    type: { columns: ['Ticket type'] },
    tags: { columns: ['Ticket tags'] },
    subject: { columns: ['Ticket subject'] },
    agent: { columns: ['Assignee name'] },
    team: { columns: ['Ticket group', 'Group name'] },
    requester: { columns: ['Requester email', 'Requester name'] },
    requester_name: { columns: ['Requester name'] },
    csat: {
      columns: ['Ticket satisfaction rating', 'Satisfaction rating'],
      scale: 'good-bad',
    },
    first_response_minutes: { columns: ['First reply time (min)'], unit: 'minutes' },
    first_response_business_minutes: {
      columns: ['First reply time - business hours (min)', 'First reply time in business hours (min)'],
      unit: 'minutes',
    },
    resolution_minutes: { columns: ['Full resolution time (min)'], unit: 'minutes' },
    resolution_business_minutes: {
      columns: ['Full resolution time - business hours (min)', 'Full resolution time in business hours (min)'],
      unit: 'minutes',
    },
    reopens: { columns: ['Reopens', 'Ticket reopens'] },
    agent_replies: { columns: ['Agent replies', 'Replies'] },
  },
  notes: [
    'Explore reports are user-built: rules report no_data for whatever metric the report leaves out.',
    "Metrics must be exported per ticket (Ticket ID as a row attribute); an aggregated metric (e.g. AVG) per ticket is the ticket's own value.",
    "Timestamps have no offset and are in the exporting user's zone: set the policy's timezone (or inputs.timezone, or --timezone) to it.",
  ],
};
