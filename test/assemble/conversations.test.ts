import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConversationAssembler } from '../../src/assemble/conversations.js';
import { threadRoots } from '../../src/assemble/threads.js';
import { parseCsv } from '../support/csv.js';
import type { AuthorRole, Message } from '../../src/types.js';
import { hasRealData, realFile } from '../support/real-data.js';

const T0 = Date.UTC(2024, 2, 5, 10);
const MIN = 60_000;

function msg(over: Partial<Message> & { role: AuthorRole; min: number }): Message {
  const { role, min, ...rest } = over;
  return { at: T0 + min * MIN, author_role: role, public: true, file: 0, line: 2 + min, ...rest };
}

describe('by conversation id', () => {
  it('reads rows out of file order; bots never answer; private notes do not count', () => {
    const a = new ConversationAssembler('conversation', { channel: 'chat' });
    // File order is scrambled on purpose; time order is: customer 0, bot 1, note 2, agent 5, customer 7, customer 8, agent 12.
    a.add(msg({ conversation_id: 'c1', role: 'agent', min: 12, author: 'Bo' }));
    a.add(msg({ conversation_id: 'c1', role: 'customer', min: 0, author: 'ann@x' }));
    a.add(msg({ conversation_id: 'c1', role: 'bot', min: 1, author: 'Helpbot' }));
    a.add(msg({ conversation_id: 'c1', role: 'agent', min: 2, author: 'Cy', public: false }));
    a.add(msg({ conversation_id: 'c1', role: 'customer', min: 8 }));
    a.add(msg({ conversation_id: 'c1', role: 'agent', min: 5, author: 'Di' }));
    a.add(msg({ conversation_id: 'c1', role: 'customer', min: 7 }));
    const [t] = a.finish();
    expect(t).toMatchObject({
      id: 'c1',
      channel: 'chat',
      created_at: T0,
      requester: 'ann@x',
      outbound: false,
      first_response_at: T0 + 5 * MIN,
      agent: 'Di',
      agent_replies: 2,
      updated_at: T0 + 12 * MIN,
      last_agent_update_at: T0 + 12 * MIN,
      tags: [],
      line: 2,
    });
    expect(t.agent_update_times).toEqual([T0 + 5 * MIN, T0 + 12 * MIN]);
    // Waits: customer 0 → agent 5; customers 7 and 8 are one wait, from 7, answered at 12.
    expect(t.reply_pairs).toEqual([T0, T0 + 5 * MIN, T0 + 7 * MIN, T0 + 12 * MIN]);
  });

  it('starts the conversation at the first customer or agent message, not at a bot greeting', () => {
    const a = new ConversationAssembler('conversation', { channel: 'chat' });
    a.add(msg({ conversation_id: 'g', role: 'bot', min: 0, author: 'Helpbot' }));
    a.add(msg({ conversation_id: 'g', role: 'system', min: 1 }));
    a.add(msg({ conversation_id: 'g', role: 'customer', min: 10, author: 'ann@x' }));
    a.add(msg({ conversation_id: 'g', role: 'agent', min: 12, author: 'Di' }));
    a.add(msg({ conversation_id: 'b', role: 'bot', min: 3 }));
    const out = a.finish();
    const greeted = out.find((t) => t.id === 'g')!;
    const botOnly = out.find((t) => t.id === 'b')!;
    expect(greeted).toMatchObject({ id: 'g', created_at: T0 + 10 * MIN, first_response_at: T0 + 12 * MIN, outbound: false, line: 12 });
    expect(botOnly).toMatchObject({ id: 'b', created_at: T0 + 3 * MIN, outbound: false });
    expect(botOnly.first_response_at).toBeUndefined();
  });

  it('marks an agent-started conversation outbound and leaves an unanswered wait open', () => {
    const a = new ConversationAssembler('conversation', {});
    a.add(msg({ conversation_id: 'out', role: 'agent', min: 0, author: 'Bo', channel: 'email' }));
    a.add(msg({ conversation_id: 'out', role: 'customer', min: 30, author: 'cus' }));
    a.add(msg({ conversation_id: 'quiet', role: 'customer', min: -5, author: 'q' }));
    a.add(msg({ conversation_id: 'quiet', role: 'bot', min: -4 }));
    const [quiet, out] = a.finish(); // by created_at: quiet (−5) first
    expect(out).toMatchObject({ id: 'out', outbound: true, agent: 'Bo', channel: 'email', agent_replies: 1 });
    expect(out.first_response_at).toBeUndefined();
    expect(out.reply_pairs).toEqual([T0 + 30 * MIN, NaN]);
    expect(quiet).toMatchObject({ id: 'quiet', outbound: false, agent_replies: 0 });
    expect(quiet.first_response_at).toBeUndefined();
    expect(quiet.reply_pairs).toEqual([T0 - 5 * MIN, NaN]);
  });
});

describe('by reply links', () => {
  it('threads out-of-order replies; an orphan whose parent is missing starts its own conversation', () => {
    const a = new ConversationAssembler('reply-links', {});
    a.add(msg({ id: '3', in_reply_to: '2', role: 'customer', min: 9 }));
    a.add(msg({ id: '2', in_reply_to: '1', role: 'agent', min: 4, author: 'brand' }));
    a.add(msg({ id: '1', role: 'customer', min: 0, author: 'cus1' }));
    a.add(msg({ id: '7', in_reply_to: '99', role: 'customer', min: 1, author: 'cus2' })); // 99 is not in the input
    a.add(msg({ id: '8', in_reply_to: '7', role: 'agent', min: 2, author: 'brand' }));
    const tickets = a.finish();
    expect(tickets.map((t) => [t.id, t.created_at, t.first_response_at, t.channel])).toEqual([
      ['1', T0, T0 + 4 * MIN, 'social'],
      ['7', T0 + MIN, T0 + 2 * MIN, 'social'],
    ]);
    expect(tickets[0].reply_pairs).toEqual([T0, T0 + 4 * MIN, T0 + 9 * MIN, NaN]);
    expect(tickets[0].agent).toBe('brand');
  });

  it('finds roots of long chains and cuts cycles', () => {
    const n = 50_000;
    const ids = Array.from({ length: n }, (_, i) => String(i));
    const parents = ids.map((_, i) => (i === 0 ? undefined : String(i - 1)));
    const roots = threadRoots(ids.reverse(), parents.reverse());
    expect(roots.every((r) => ids[r] === '0')).toBe(true);
    const cyc = threadRoots(['a', 'b', 'c'], ['b', 'a', 'a']);
    expect(new Set(cyc).size).toBe(1);
  });
});

describe.skipIf(!hasRealData('twcs-sample.csv'))('the real Twitter sample', () => {
  it('assembles every tweet into exactly one conversation', () => {
    // A deliberately small reader for this fixed file: the project's CSV reader is another stage.
    const text = readFileSync(realFile('twcs-sample.csv'), 'utf8');
    const records = parseCsv(text).slice(1);
    const a = new ConversationAssembler('reply-links', {});
    const ids = new Set<string>();
    for (const r of records) {
      const id = r[1];
      if (ids.has(id)) continue;
      ids.add(id);
      const parent = r[7] ? String(Number(r[7])) : undefined; // pandas floats: '3.0'
      a.add({
        id,
        in_reply_to: parent,
        at: Date.parse(r[4]),
        author_role: r[3] === 'True' ? 'customer' : 'agent',
        author: r[2],
        public: true,
        file: 0,
        line: 0,
      });
    }
    const tickets = a.finish();
    const total = tickets.reduce((s, t) => s + (t.agent_replies ?? 0), 0);
    const agentTweets = records.filter((r) => r[3] === 'False').length;
    expect(records.length).toBe(5000);
    expect(total).toBe(agentTweets); // every brand tweet counted once, in one conversation
    for (let i = 1; i < tickets.length; i++) expect(tickets[i].created_at).toBeGreaterThanOrEqual(tickets[i - 1].created_at);
    const answered = tickets.filter((t) => t.first_response_at !== undefined);
    expect(answered.length).toBeGreaterThan(0);
    for (const t of answered) expect(t.first_response_at!).toBeGreaterThanOrEqual(t.created_at);
  });
});
