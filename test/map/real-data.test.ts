import { readFileSync } from 'node:fs';
import { parseCsv } from '../support/csv.js';
import { describe, expect, it } from 'vitest';
import { ConversationAssembler } from '../../src/assemble/conversations.js';
import { LatestTimes } from '../../src/map/latest-times.js';
import { compileMapper } from '../../src/map/mapper.js';
import type { PresetSpec } from '../../src/map/preset.js';
import { INBOUND_AUTHOR_ROLES } from '../../src/map/values-vocab.js';
import type { ProblemFinding as Problem, ProblemCode } from '../../src/findings.js';
import { hasRealData, realFile, type RealFile } from '../support/real-data.js';

const data = (name: RealFile) => readFileSync(realFile(name), 'utf8');

function counter() {
  const counts: Partial<Record<ProblemCode, number>> = {};
  return { counts, add: (p: Problem) => void (counts[p.code] = (counts[p.code] ?? 0) + 1) };
}

describe.skipIf(!hasRealData('customer-support-tickets.csv'))('customer-support-tickets.csv (inline preset, not the registry one)', () => {
  it('maps every row and counts the bad ones exactly', () => {
    const [header, ...rows] = parseCsv(data('customer-support-tickets.csv'));
    const preset: PresetSpec = {
      id: 'kaggle-test',
      label: 'test',
      kind: 'tickets',
      confidence: 'assumed',
      source: 'test',
      detect: { required: ['Ticket ID'] },
      timestampFormat: 'iso',
      fields: {
        id: { columns: ['Ticket ID'] },
        // The file has no creation time: its first response stands in, as the real preset's notes say.
        created_at: { columns: ['First Response Time'] },
        solved_at: { columns: ['Time to Resolution'] },
        status: { columns: ['Ticket Status'] },
        priority: { columns: ['Ticket Priority'] },
        channel: { columns: ['Ticket Channel'] },
        csat: { columns: ['Customer Satisfaction Rating'], scale: '1-5' },
      },
    };
    const mapper = compileMapper(header, preset, { fileIndex: 0, zone: 'UTC', times: new LatestTimes() });
    const sink = counter();
    let used = 0;
    let rated = 0;
    for (let i = 0; i < rows.length; i++) {
      const t = mapper.mapTicket(rows[i], i + 2, sink);
      if (t) used++;
      if (t?.csat !== undefined) rated++;
    }
    // Independent expectations straight from the cells: ISO strings of one width compare as times.
    const col = (name: string) => header.indexOf(name);
    const noCreated = rows.filter((r) => r[col('First Response Time')] === '').length;
    const early = rows.filter(
      (r) => r[col('First Response Time')] !== '' && r[col('Time to Resolution')] !== '' && r[col('Time to Resolution')] < r[col('First Response Time')],
    ).length;
    const ratings = rows.filter((r) => r[col('First Response Time')] !== '' && r[col('Customer Satisfaction Rating')] !== '').length;
    expect(rows.length).toBe(8469);
    expect(sink.counts['missing-created-at'] ?? 0).toBe(noCreated);
    expect(sink.counts['negative-duration'] ?? 0).toBe(early);
    expect(early).toBeGreaterThan(0);
    expect(used).toBe(rows.length - noCreated);
    expect(rated).toBe(ratings);
    // Only the problems above: every status, priority and channel word is known.
    expect(Object.keys(sink.counts)).toEqual(['negative-duration']);
  });
});

describe.skipIf(!hasRealData('twcs-sample.csv'))('twcs-sample.csv through mapper and assembler', () => {
  it('threads the tweets by reply links with pandas float ids', () => {
    const [header, ...rows] = parseCsv(data('twcs-sample.csv'));
    const preset: PresetSpec = {
      id: 'twitter-test',
      label: 'test',
      kind: 'messages',
      confidence: 'assumed',
      source: 'test',
      detect: { required: ['tweet_id'] },
      timestampFormat: 'twitter',
      messages: {
        threading: 'reply-links',
        fields: {
          id: { columns: ['tweet_id'] },
          in_reply_to: { columns: ['in_response_to_tweet_id'] },
          at: { columns: ['created_at'] },
          author: { columns: ['author_id'] },
          author_role: { columns: ['inbound'], values: INBOUND_AUTHOR_ROLES },
        },
      },
    };
    const times = new LatestTimes();
    const mapper = compileMapper(header, preset, { fileIndex: 0, zone: 'UTC', times });
    const sink = counter();
    const a = new ConversationAssembler('reply-links', {});
    let used = 0;
    for (let i = 0; i < rows.length; i++) {
      const m = mapper.mapMessage(rows[i], i + 2, sink);
      if (m) a.add(m), used++;
    }
    expect(rows.length).toBe(5000);
    expect(used).toBe(5000);
    expect(sink.counts).toEqual({});
    const tickets = a.finish();
    const brandTweets = rows.filter((r) => r[3] === 'False').length;
    expect(tickets.reduce((s, t) => s + (t.agent_replies ?? 0), 0)).toBe(brandTweets);
    // Row 1 (tweet 2, customer) answers tweet 1 (brand) which answers 3, 4, 5… : one thread, whose start is not a brand tweet.
    const withTweet2 = tickets.find((t) => t.agent === 'sprintcare');
    expect(withTweet2).toBeDefined();
    for (const t of tickets) if (t.first_response_at !== undefined) expect(t.first_response_at).toBeGreaterThanOrEqual(t.created_at);
    expect(times.decide().asOf).toBe(Math.max(...rows.map((r) => Date.parse(r[4]))));
  });
});
