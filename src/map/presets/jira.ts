// Jira Service Management issues exported as CSV (Filters → Export → CSV). Custom fields appear
// as `Custom field (Name)`; multi-value fields (Labels) repeat the same header once per value.

import type { PresetSpec } from '../preset.js';

export const jira: PresetSpec = {
  id: 'jira',
  label: 'Jira Service Management issue export (CSV)',
  kind: 'tickets',
  confidence: 'confirmed',
  source:
    "Atlassian's CSV export layout (Issue key, Summary, Issue Type, Created, Resolved, repeated Labels, " +
    "'Custom field (Request Type)', 'Custom field (Time to first response)', 'Custom field ([CHART] Date of First Response)') " +
    'as read by public JSM report scripts; timestamps `05/Mar/24 2:22 PM`',
  detect: {
    required: ['Issue key', 'Summary', 'Created'],
    hints: [
      'Issue Type',
      'Status',
      'Priority',
      'Assignee',
      'Reporter',
      'Updated',
      'Resolved',
      'Due Date',
      'Labels',
      'Custom field (Request Type)',
      'Custom field (Time to first response)',
      'Custom field (Time to resolution)',
      'Satisfaction rating',
      'Custom field ([CHART] Date of First Response)',
    ],
  },
  timestampFormat: 'jira',
  fields: {
    id: { columns: ['Issue key', 'Issue id'] },
    subject: { columns: ['Summary'] },
    type: { columns: ['Custom field (Request Type)', 'Request Type', 'Issue Type'] },
    status: {
      columns: ['Status'],
      values: {
        open: 'open',
        'to do': 'new',
        new: 'new',
        'waiting for support': 'open',
        'in progress': 'open',
        'work in progress': 'open',
        escalated: 'open',
        'waiting for customer': 'pending',
        pending: 'pending',
        'waiting for approval': 'on_hold',
        'on hold': 'on_hold',
        resolved: 'solved',
        done: 'solved',
        closed: 'closed',
        canceled: 'closed',
        cancelled: 'closed',
        declined: 'closed',
      },
    },
    priority: {
      columns: ['Priority'],
      values: {
        highest: 'urgent',
        blocker: 'urgent',
        critical: 'urgent',
        high: 'high',
        major: 'high',
        medium: 'normal',
        low: 'low',
        minor: 'low',
        lowest: 'low',
        trivial: 'low',
      },
    },
    agent: { columns: ['Assignee'] },
    requester: { columns: ['Reporter'] },
    team: { columns: ['Custom field (Team)', 'Project name'] },
    created_at: { columns: ['Created'] },
    updated_at: { columns: ['Updated'] },
    solved_at: { columns: ['Resolved'] },
    due_at: { columns: ['Due Date'] },
    first_response_at: { columns: ['Custom field ([CHART] Date of First Response)'] },
    tags: { columns: ['Labels'] },
    channel: {
      columns: ['Custom field (Source)', 'Custom field (Request channel)', 'Custom field (Channel)'],
      values: { email: 'email', portal: 'web', 'customer portal': 'web', web: 'web', chat: 'chat', phone: 'phone', api: 'other', jira: 'other' },
    },
    csat: { columns: ['Satisfaction rating', 'Custom field (Satisfaction rating)', 'Custom field (Satisfaction)'], scale: '1-5' },
  },
  notes: [
    'Labels are written as several columns all headed `Labels` (one per label); all of them are read as tags.',
    "`Custom field (Time to first response)` is the SLA clock's remaining time (negative when breached), not an elapsed duration: it is not used; first response comes from `[CHART] Date of First Response`.",
    "Without a channel custom field every ticket has no channel, so the per-channel response rules report no_data; map one with the policy's inputs.columns.channel.",
    "Timestamps are in the exporting user's zone (`05/Mar/24 2:22 PM`): set the policy's timezone (or inputs.timezone, or --timezone) to it.",
  ],
};
