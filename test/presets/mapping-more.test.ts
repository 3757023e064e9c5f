// The assumed-layout vendors, the generic message layout and the canonical formats: value maps
// and a hand-checked row each (fixtures in fixtures/presets/<id>/).
import { describe, expect, it } from 'vitest';
import { mapFixture, mapRows, utc } from './map-helpers.js';

const pick = <K extends string>(rows: Record<string, unknown>[], key: K) => rows.map((r) => r[key]);

describe('assumed vendor layouts', () => {
  it('helpscout: status words, conversation types, Great/Okay/Not Good ratings', () => {
    const m = mapFixture('helpscout');
    expect(m.column('id')).toBe('Conversation Number');
    expect(pick(m.tickets as never, 'status')).toEqual(['closed', 'closed', 'pending', 'open', 'closed']);
    expect(pick(m.tickets as never, 'channel')).toEqual(['email', 'chat', 'email', 'phone', 'email']);
    // Great 5 → 1, Okay 3 → 0.5, Not Good 1 → 0.
    expect(pick(m.tickets as never, 'csat')).toEqual([1, 0.5, 0, undefined, undefined]);
    expect(m.tickets[0]).toMatchObject({
      id: '1201',
      created_at: utc(2024, 3, 4, 8, 12, 5),
      first_response_at: utc(2024, 3, 4, 9, 47, 5),
      team: 'Support',
      tags: ['billing', 'invoice'],
    });
  });

  it('intercom: first response in seconds becomes minutes; states and priorities', () => {
    const m = mapFixture('intercom');
    expect(pick(m.tickets as never, 'first_response_minutes')).toEqual([95 / 60, 60, 10, 0.5, 17]);
    expect(pick(m.tickets as never, 'status')).toEqual(['closed', 'open', 'on_hold', 'closed', 'closed']);
    expect(pick(m.tickets as never, 'channel')).toEqual(['chat', 'email', 'messaging', 'phone', 'social']);
    expect(pick(m.tickets as never, 'priority')).toEqual(['normal', 'high', 'normal', 'normal', 'normal']);
    expect(pick(m.tickets as never, 'csat')).toEqual([1, undefined, 0.25, 0.5, 0]);
  });

  it('gorgias: channel slugs', () => {
    const m = mapFixture('gorgias');
    expect(pick(m.tickets as never, 'channel')).toEqual(['email', 'chat', 'web', 'social', 'messaging', 'phone']);
    expect(pick(m.tickets as never, 'status')).toEqual(['closed', 'closed', 'open', 'closed', 'open', 'on_hold']);
    expect(pick(m.tickets as never, 'priority')).toEqual(['normal', 'normal', 'high', 'low', 'urgent', 'normal']);
    expect(m.tickets[0].tags).toEqual(['order-status', 'wismo']);
  });

  it('zoho-desk: Good/Okay/Bad happiness ratings on 1–5', () => {
    const m = mapFixture('zoho-desk');
    expect(pick(m.tickets as never, 'csat')).toEqual([1, 0.5, 0, undefined, undefined]);
    expect(pick(m.tickets as never, 'csat_good')).toEqual([true, false, false, undefined, undefined]);
    expect(pick(m.tickets as never, 'status')).toEqual(['closed', 'closed', 'on_hold', 'open', 'open']);
    expect(pick(m.tickets as never, 'channel')).toEqual(['email', 'chat', 'web', 'phone', 'social']);
  });

  it('livechat: rated good/bad, seconds to minutes, queue wait in seconds, missed flag', () => {
    const m = mapFixture('livechat');
    expect(pick(m.tickets as never, 'csat')).toEqual([1, 0, undefined, undefined, 1]);
    expect(pick(m.tickets as never, 'first_response_minutes')).toEqual([0.75, 4, undefined, 20 / 60, 1.5]);
    expect(pick(m.tickets as never, 'wait_seconds')).toEqual([10, 30, 320, 0, 60]);
    expect(pick(m.tickets as never, 'missed')).toEqual([false, false, true, false, false]);
    // No channel column: every chat archive row is a chat, and inspect says where that came from.
    expect(pick(m.tickets as never, 'channel')).toEqual(['chat', 'chat', 'chat', 'chat', 'chat']);
    expect(m.column('channel')).toBe('(every row: chat)');
    expect(m.mapper.missing).not.toContain('channel');
  });

  it('livechat: a Channel column, when present, wins over the fallback; an empty cell falls back', () => {
    const header = ['Chat ID', 'Chat start date', 'Channel'];
    const m = mapRows('livechat', header, [
      ['1', '2024-03-04 08:00:00', 'email'],
      ['2', '2024-03-04 09:00:00', ''],
    ]);
    expect(pick(m.tickets as never, 'channel')).toEqual(['email', 'chat']);
    expect(m.column('channel')).toBe('Channel');
  });
});

describe('message layouts', () => {
  it('messages: author types to roles, Public false for notes, channels', () => {
    const m = mapFixture('messages');
    expect(pick(m.messages as never, 'author_role')).toEqual([
      'customer',
      'bot',
      'agent',
      'agent',
      'customer',
      'agent',
      'customer',
      'system',
      'agent',
      'customer',
    ]);
    expect(pick(m.messages as never, 'public')).toEqual([true, true, false, true, true, true, true, true, true, true]);
    expect(m.messages[4]).toMatchObject({ conversation_id: 'C-101', id: 'M-5', channel: 'chat', at: utc(2024, 3, 4, 9, 3, 41) });
    expect(m.messages[8].channel).toBe('messaging');
  });

  it('canonical-messages: canonical names, body never kept', () => {
    const m = mapFixture('canonical-messages');
    expect(m.mapper.bindings.map((b) => b.field)).not.toContain('body');
    expect(m.messages[4]).toMatchObject({ conversation_id: 'C2', id: '5', author_role: 'agent', public: false, channel: 'chat' });
    expect(Object.values(m.messages[0])).not.toContain('Hello I was charged twice');
  });
});

describe('canonical tickets', () => {
  it('reads every column of the same name, `;` tags and 1–5 csat', () => {
    const m = mapFixture('canonical');
    for (const b of m.mapper.bindings) expect(b.column).toBe(b.field);
    expect(m.tickets[1]).toMatchObject({
      id: 'T-2',
      channel: 'chat',
      created_at: utc(2024, 3, 4, 9, 3, 41),
      first_response_minutes: 2,
      closed_at: utc(2024, 3, 8, 9, 28, 41),
      status: 'closed',
      tags: ['presales', 'product advice'],
      csat: 0.25,
      csat_good: false,
      wait_seconds: 15,
      agent_replies: 3,
    });
    expect(m.tickets[2]).toMatchObject({ status: 'on_hold', return_decision: 'approved', order_at: utc(2024, 2, 20), refunded_at: utc(2024, 3, 6, 10, 15) });
    // An explicit offset wins over the zone: 10:30+01:00 is 09:30Z.
    expect(m.tickets[3].created_at).toBe(utc(2024, 3, 4, 9, 30));
    expect(m.tickets[4]).toMatchObject({ missed: true, tags: ['spam'], channel: 'social' });
  });
});
