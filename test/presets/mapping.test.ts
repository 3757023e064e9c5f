// Each preset's fixture mapped by the real engine: the columns bound, a hand-checked row, and the
// value maps (channels, statuses, priorities, satisfaction) applied with no unknown values left.
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/map/presets/index.js';
import { mapFixture, utc } from './map-helpers.js';

describe('every fixture maps cleanly', () => {
  it.each(PRESETS.map((p) => [p.id]))("%s: every row used, no problems but the data's own", (id) => {
    const m = mapFixture(id);
    // The Kaggle rows 6 and 9 (lines 7 and 10) are resolved before their "first response": real bad data.
    const expected = id === 'customer-support-dataset' ? [7, 10].map((line) => ({ code: 'negative-duration', line, column: 'Time to Resolution' })) : [];
    expect(m.problems.map(({ code, line, column }) => ({ code, line, column }))).toEqual(expected);
    const used = m.tickets.length + m.messages.length;
    expect(used).toBeGreaterThanOrEqual(5);
  });
});

describe('zendesk', () => {
  const m = mapFixture('zendesk');
  const byId = new Map(m.tickets.map((t) => [t.id, t]));

  it('binds the documented columns, custom fields by title', () => {
    expect(m.column('channel')).toBe('Via');
    expect(m.column('first_response_business_minutes')).toBe('First reply time in minutes within business hours');
    expect(m.column('requester')).toBe('Requester email');
    expect(m.column('order_at')).toBe('Order date [text]');
    expect(m.column('return_requested_at')).toBe('Return requested [text]');
    expect(m.column('return_decision')).toBe('Return decision [list]');
    expect(m.column('refunded_at')).toBe('Refunded at [text]');
  });

  it("binds Zendesk's own durations: first resolution, requester wait, agent wait, on hold (calendar and business)", () => {
    for (const [field, column] of [
      ['first_resolution_minutes', 'First resolution time in minutes'],
      ['requester_wait_minutes', 'Requester wait time in minutes'],
      ['agent_wait_minutes', 'Agent wait time in minutes'],
      ['on_hold_minutes', 'On hold time in minutes'],
    ]) {
      expect(m.column(field)).toBe(column);
      expect(m.column(field.replace('_minutes', '_business_minutes'))).toBe(`${column} within business hours`);
    }
    // 501 closed: 1380 minutes to its only solve, all of it waiting on the agent.
    expect(byId.get('501')).toMatchObject({
      first_resolution_minutes: 1380,
      first_resolution_business_minutes: 480,
      requester_wait_minutes: 1380,
      requester_wait_business_minutes: 480,
      agent_wait_minutes: 0,
      agent_wait_business_minutes: 0,
      on_hold_minutes: 0,
      on_hold_business_minutes: 0,
    });
    // 503 pending: not solved yet, Zendesk has no wait figures (`-`).
    expect(byId.get('503')!.requester_wait_minutes).toBeUndefined();
  });

  it('maps a row to canonical values (times read in the given zone)', () => {
    expect(byId.get('501')).toMatchObject({
      channel: 'email',
      created_at: utc(2024, 3, 4, 8, 12, 5),
      solved_at: utc(2024, 3, 5, 7, 12, 5),
      status: 'closed',
      priority: 'high',
      type: 'Incident',
      tags: ['billing', 'invoice'],
      agent: 'Priya Shah',
      team: 'Billing',
      requester: 'jonas@example.com',
      requester_name: 'Jonas Weber',
      csat: 1,
      csat_good: true,
      reopens: 0,
      agent_replies: 2,
      first_response_minutes: 95,
      first_response_business_minutes: 47,
      resolution_minutes: 1380,
      resolution_business_minutes: 480,
    });
    expect(byId.get('503')).toMatchObject({
      order_at: utc(2024, 2, 20),
      return_requested_at: utc(2024, 3, 4, 9, 47),
      return_decision: 'approved',
      refunded_at: utc(2024, 3, 6, 10, 15),
    });
    // 08:12:05 in Berlin (CET, +01:00 on 4 March) is 07:12:05 UTC.
    expect(mapFixture('zendesk', 'Europe/Berlin').tickets[0].created_at).toBe(utc(2024, 3, 4, 7, 12, 5));
  });

  it('reads `-` as empty and applies the value maps', () => {
    const t = (id: string) => byId.get(id)!;
    expect([t('502').status, t('503').status, t('504').status, t('505').status, t('506').status]).toEqual(['solved', 'pending', 'on_hold', 'open', 'new']);
    expect([t('501').priority, t('502').priority, t('503').priority, t('504').priority, t('505').priority]).toEqual([
      'high',
      'normal',
      'low',
      'urgent',
      undefined,
    ]);
    expect([t('502').channel, t('504').channel, t('505').channel, t('506').channel, t('507').channel, t('508').channel]).toEqual([
      'chat',
      'phone',
      'social',
      'messaging',
      'messaging',
      'other',
    ]);
    // Bad → 0; Offered / Not Offered / Unoffered are unrated.
    expect([t('502').csat, t('503').csat, t('504').csat, t('505').csat]).toEqual([0, undefined, undefined, undefined]);
    expect(t('504')).toMatchObject({ due_at: utc(2024, 3, 6, 10, 30), reopens: 1, return_decision: 'rejected' });
    expect(t('505').requester).toBeUndefined();
    expect(t('506').tags).toEqual([]);
    expect(t('508').tags).toEqual(['spam']);
  });
});

describe('zendesk-explore', () => {
  const m = mapFixture('zendesk-explore');
  it('maps Explore attributes and metrics', () => {
    expect(m.column('created_at')).toBe('Ticket created - Timestamp');
    expect(m.tickets[0]).toMatchObject({
      id: '7001',
      created_at: utc(2024, 3, 4, 8, 12, 5),
      solved_at: utc(2024, 3, 5, 7, 12, 5),
      channel: 'email',
      status: 'solved',
      csat: 1,
      first_response_minutes: 95,
      resolution_minutes: 1380,
      team: 'Billing',
      agent: 'Priya Shah',
    });
    expect(m.tickets.map((t) => t.channel)).toEqual(['email', 'chat', 'web', 'phone', 'social', 'messaging']);
    expect(m.tickets.map((t) => t.status)).toEqual(['solved', 'closed', 'pending', 'on_hold', 'new', 'open']);
  });
});

describe('freshdesk', () => {
  const m = mapFixture('freshdesk');
  const t = (id: string) => m.tickets.find((x) => x.id === id)!;
  it('binds both timestamps and business durations', () => {
    expect(m.column('first_response_at')).toBe('Initial response time');
    expect(m.column('first_response_business_minutes')).toBe('First response time (in hrs)');
    expect(m.column('vendor_first_response_sla')).toBe('First response status');
  });
  it('maps a row: HH:MM:SS business durations in minutes, comma tags, survey words on 1–5', () => {
    expect(t('310')).toMatchObject({
      created_at: utc(2024, 3, 4, 8, 12, 5),
      first_response_at: utc(2024, 3, 4, 9, 47, 5),
      solved_at: utc(2024, 3, 5, 7, 12, 5),
      closed_at: utc(2024, 3, 7, 7, 12, 5),
      due_at: utc(2024, 3, 5, 8, 12, 5),
      channel: 'email',
      status: 'closed',
      priority: 'normal',
      first_response_business_minutes: 47,
      resolution_business_minutes: 480,
      agent_replies: 2,
      vendor_first_response_sla: 'met',
      tags: ['billing', 'invoice'],
      csat: 1,
      csat_good: true,
      requester: 'jonas@example.com',
      requester_name: 'Jonas Weber',
      type: 'Billing',
    });
    // 09:47:10 → 9·60 + 47 + 10/60 minutes.
    expect(t('312').first_response_business_minutes).toBeCloseTo(587 + 1 / 6, 9);
    expect(t('312')).toMatchObject({ tags: ['return', 'refund'], vendor_first_response_sla: 'breached', channel: 'web', status: 'pending' });
  });
  it('applies the value maps', () => {
    const ids = ['310', '311', '312', '313', '314', '315', '316'];
    expect(ids.map((i) => t(i).status)).toEqual(['closed', 'solved', 'pending', 'pending', 'on_hold', 'open', 'open']);
    expect(ids.map((i) => t(i).channel)).toEqual(['email', 'chat', 'web', 'phone', 'social', 'web', 'messaging']);
    // Extremely Happy 5, Happy 4, (none), Neutral 3, Unhappy 2, (none), Not Good 1 → (n−1)/4.
    expect(ids.map((i) => t(i).csat)).toEqual([1, 0.75, undefined, 0.5, 0.25, undefined, 0]);
    expect(ids.map((i) => t(i).priority)).toEqual(['normal', 'low', 'high', 'urgent', 'normal', 'low', 'normal']);
  });
});

describe('jira', () => {
  const m = mapFixture('jira');
  const t = (id: string) => m.tickets.find((x) => x.id === id)!;
  it('reads Jira timestamps, request type, every repeated Labels column, and the first-response chart date', () => {
    expect(m.column('type')).toBe('Custom field (Request Type)');
    expect(m.column('tags')).toBe('Labels');
    expect(t('HELP-101')).toMatchObject({
      created_at: utc(2024, 3, 5, 14, 22),
      first_response_at: utc(2024, 3, 5, 15, 10),
      solved_at: utc(2024, 3, 6, 8, 45),
      due_at: utc(2024, 3, 7, 17, 0),
      status: 'solved',
      priority: 'high',
      type: 'Get IT help',
      tags: ['login', 'urgent-customer'],
      channel: 'email',
      csat: 1,
      agent: 'Priya Shah',
      requester: 'jonas@example.com',
      subject: 'Cannot log in to portal',
    });
  });
  it('applies the value maps', () => {
    const ids = ['HELP-101', 'HELP-102', 'HELP-103', 'HELP-104', 'HELP-105'];
    expect(ids.map((i) => t(i).status)).toEqual(['solved', 'open', 'pending', 'closed', 'new']);
    expect(ids.map((i) => t(i).priority)).toEqual(['high', 'normal', 'low', 'urgent', 'low']);
    expect(ids.map((i) => t(i).channel)).toEqual(['email', 'web', 'email', 'phone', 'chat']);
    expect(t('HELP-104').csat).toBe(0.25);
  });
});
