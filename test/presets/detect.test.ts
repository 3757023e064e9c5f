// Detection over the built-in registry: each fixture's header picks its own preset, and the
// real files pick theirs and map in full.
import { describe, expect, it } from 'vitest';
import { detectPreset } from '../../src/map/detect.js';
import { PRESETS } from '../../src/map/presets/index.js';
import { fixture, hasRealData, readCsv, REAL, SAMPLES } from './fixtures.js';
import { mapRows, utc } from './map-helpers.js';

describe('detection', () => {
  it.each(PRESETS.map((p) => [p.id]))('%s fixture detects as %s', (id) => {
    expect(detectPreset(fixture(id).header, PRESETS).preset.id).toBe(id);
  });

  it('the README sample detects as zendesk and maps all 40 tickets without problems', () => {
    const { header, rows } = readCsv(new URL('zendesk-tickets.csv', SAMPLES));
    expect(detectPreset(header, PRESETS).preset.id).toBe('zendesk');
    const m = mapRows('zendesk', header, rows);
    expect(m.problems).toEqual([]);
    expect(m.tickets.length).toBe(40);
    const channels = new Set(m.tickets.map((t) => t.channel));
    expect([...channels].sort()).toEqual(['chat', 'email', 'phone', 'social', 'web']);
  });
});

describe('real exports', () => {
  it.skipIf(!hasRealData('customer-support-tickets.csv'))('the Customer Support Ticket Dataset: all 8,469 rows map to tickets', () => {
    const { header, rows } = readCsv(new URL('customer-support-tickets.csv', REAL));
    expect(detectPreset(header, PRESETS).preset.id).toBe('customer-support-dataset');
    const m = mapRows('customer-support-dataset', header, rows);
    expect(rows.length).toBe(8469);
    expect(m.tickets.length).toBe(8469);
    // Only the data's own fault is reported: resolutions before the "first response".
    const codes = new Set(m.problems.map((p) => p.code));
    expect([...codes]).toEqual(['negative-duration']);
    expect(m.tickets[0]).toMatchObject({
      id: '1',
      created_at: utc(2023, 6, 1, 19, 11, 14),
      order_at: utc(2021, 6, 7),
      type: 'Technical issue',
      subject: 'Hardware issue',
      status: 'open',
      priority: 'urgent',
      channel: 'email',
      requester: 'ethan_dillon@example.com',
      requester_name: 'Ethan Dillon',
      tags: [],
    });
    expect(m.tickets[0].csat).toBeUndefined();
    // Row 12: Closed, Critical, Social media, resolved 2023-06-02 00:27, rated 4.0 → (4−1)/4.
    expect(m.tickets[11]).toMatchObject({
      status: 'closed',
      priority: 'urgent',
      channel: 'social',
      solved_at: utc(2023, 6, 2, 0, 27),
      csat: 0.75,
      csat_good: true,
    });
    expect(new Set(m.tickets.map((t) => t.channel))).toEqual(new Set(['email', 'chat', 'phone', 'social']));
    expect(new Set(m.tickets.map((t) => t.status))).toEqual(new Set(['open', 'closed', 'pending']));
    expect(new Set(m.tickets.map((t) => t.priority))).toEqual(new Set(['low', 'normal', 'high', 'urgent']));
    expect(m.tickets.some((t) => t.first_response_at !== undefined)).toBe(false);
  });

  it.skipIf(!hasRealData('twcs-sample.csv'))('the Twitter sample detects as twitter and maps its tweets to messages', () => {
    const { header, rows } = readCsv(new URL('twcs-sample.csv', REAL));
    expect(detectPreset(header, PRESETS).preset.id).toBe('twitter');
    const m = mapRows('twitter', header, rows);
    expect(rows.length).toBe(5000);
    expect(m.messages.length).toBe(5000);
    expect(m.problems).toEqual([]);
    // First row: sprintcare (inbound False) answering tweet 3.0 at Tue Oct 31 22:10:47 +0000 2017.
    expect(m.messages[0]).toMatchObject({
      id: '1',
      in_reply_to: '3',
      author_role: 'agent',
      author: 'sprintcare',
      channel: 'social',
      public: true,
      at: utc(2017, 10, 31, 22, 10, 47),
    });
    expect(m.messages[1]).toMatchObject({ id: '2', in_reply_to: '1', author_role: 'customer', author: '115712' });
    expect(m.messages.every((x) => x.channel === 'social')).toBe(true);
  });
});
