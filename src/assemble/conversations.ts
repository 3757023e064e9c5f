// Messages → canonical tickets (DESIGN §4, §5). Messages are kept as a few numbers and short
// strings in parallel arrays (no bodies), grouped at the end by conversation id or by reply
// links, then each conversation is read in time order once: who started it, when an agent
// first answered in public (bots and system messages never count), every public agent update,
// and each customer wait with the agent reply that ended it.

import { countInput } from './per-input.js';
import type { AuthorRole, Channel, Message, Ticket } from '../types.js';
import { ownString } from '../read/own-string.js';
import { threadRoots } from './threads.js';

const CUSTOMER = 0;
const AGENT = 1;
const ROLE_CODE: Record<AuthorRole, number> = { customer: CUSTOMER, agent: AGENT, bot: 2, system: 3 };

export class ConversationAssembler {
  /** Message ids seen: a message in two overlapping exports (or twice in one) is read once. */
  private readonly messageIds = new Set<string>();
  /** Per input: repeated messages set aside, and conversations wholly after as_of (finish). */
  readonly repeats: number[] = [];
  readonly afterAsOf: number[] = [];
  private readonly keys: string[] = [];
  private readonly parents: (string | undefined)[] = [];
  private readonly at: number[] = [];
  private readonly role: number[] = [];
  private readonly isPublic: boolean[] = [];
  private readonly author: (string | undefined)[] = [];
  private readonly channel: (Channel | undefined)[] = [];
  private readonly file: number[] = [];
  private readonly line: number[] = [];
  /** Subjects are rare in message exports; kept sparsely by message index. */
  private readonly subject = new Map<number, string>();

  constructor(
    private readonly threading: 'conversation' | 'reply-links',
    private readonly opts: { channel?: Channel },
  ) {}

  add(m: Message): void {
    const key = this.threading === 'conversation' ? m.conversation_id : m.id;
    if (key === undefined) return; // the mapper never hands these over (orphan-message / missing-id)
    if (m.id !== undefined) {
      // The first copy read is kept: a message does not change once sent.
      if (this.messageIds.has(m.id)) return countInput(this.repeats, m.file);
      this.messageIds.add(ownString(m.id));
    }
    const i = this.keys.length;
    // Kept until the end: copied, so that they do not hold on to their records' text (ownString).
    this.keys.push(ownString(key));
    this.parents.push(m.in_reply_to === undefined ? undefined : ownString(m.in_reply_to));
    this.at.push(m.at);
    this.role.push(ROLE_CODE[m.author_role]);
    this.isPublic.push(m.public);
    this.author.push(m.author === undefined ? undefined : ownString(m.author));
    this.channel.push(m.channel);
    this.file.push(m.file);
    this.line.push(m.line);
    if (m.subject) this.subject.set(i, ownString(m.subject));
  }

  /** The conversations' ids (ticket ids), before any is assembled. */
  conversationIds(): Set<string> {
    return new Set((this.threading === 'conversation' ? this.byConversationId() : this.byReplyLinks()).keys());
  }

  /**
   * Conversations as canonical tickets, deterministic order (by created_at, then id). With `asOf`,
   * messages after it have not been sent yet; a conversation with none before it is outside the
   * audit (counted in `afterAsOf` by its first message's input).
   */
  finish(asOf: number | null = null): Ticket[] {
    const groups = this.threading === 'conversation' ? this.byConversationId() : this.byReplyLinks();
    const tickets: Ticket[] = [];
    for (const [id, all] of groups) {
      const members = asOf === null ? all : all.filter((i) => this.at[i] <= asOf);
      if (members.length > 0) tickets.push(this.conversation(id, members));
      else countInput(this.afterAsOf, this.file[all.reduce((a, b) => (this.at[b] < this.at[a] ? b : a))]);
    }
    tickets.sort((a, b) => a.created_at - b.created_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return tickets;
  }

  private byConversationId(): Map<string, number[]> {
    const groups = new Map<string, number[]>();
    for (let i = 0; i < this.keys.length; i++) {
      const g = groups.get(this.keys[i]);
      if (g) g.push(i);
      else groups.set(this.keys[i], [i]);
    }
    return groups;
  }

  /** Conversation id = the root message's id. */
  private byReplyLinks(): Map<string, number[]> {
    const roots = threadRoots(this.keys, this.parents);
    const groups = new Map<string, number[]>();
    for (let i = 0; i < roots.length; i++) {
      const id = this.keys[roots[i]];
      const g = groups.get(id);
      if (g) g.push(i);
      else groups.set(id, [i]);
    }
    return groups;
  }

  private conversation(id: string, members: number[]): Ticket {
    const { at, file, line } = this;
    members.sort((a, b) => at[a] - at[b] || file[a] - file[b] || line[a] - line[b]);
    // Bots and system messages never count (DESIGN §4), so they do not start the conversation
    // either: a bot greeting before the customer writes does not start the first-response clock.
    const opener = members.find((i) => this.isPublic[i] && (this.role[i] === CUSTOMER || this.role[i] === AGENT));
    const first = opener ?? members[0];
    const t: Ticket = { id, created_at: at[first], tags: [], file: file[first], line: line[first] };
    let started = -1; // role of the first public customer or agent message
    let waitingSince = NaN;
    const agentTimes: number[] = [];
    const pairs: number[] = [];
    let channel = this.opts.channel;
    for (const i of members) {
      const role = this.role[i];
      if (channel === undefined && this.channel[i] !== undefined) channel = this.channel[i];
      if (t.subject === undefined && this.subject.has(i)) t.subject = this.subject.get(i);
      if (role === CUSTOMER) {
        if (t.requester === undefined && this.author[i] !== undefined) t.requester = this.author[i];
        if (started < 0 && this.isPublic[i]) started = CUSTOMER;
        if (waitingSince !== waitingSince) waitingSince = at[i];
      } else if (role === AGENT && this.isPublic[i]) {
        if (started < 0) {
          started = AGENT;
          if (this.author[i] !== undefined) t.agent = this.author[i];
        }
        agentTimes.push(at[i]);
        if (waitingSince === waitingSince) {
          // The first reply to the first customer message of an inbound conversation is its first response.
          if (started === CUSTOMER && t.first_response_at === undefined) {
            t.first_response_at = at[i];
            if (this.author[i] !== undefined) t.agent = this.author[i];
          }
          pairs.push(waitingSince, at[i]);
          waitingSince = NaN;
        }
      }
      // Bots, system messages and private notes neither answer nor close a wait.
    }
    if (waitingSince === waitingSince) pairs.push(waitingSince, NaN);
    t.outbound = started === AGENT;
    t.updated_at = at[members[members.length - 1]];
    t.agent_replies = agentTimes.length;
    t.agent_update_times = agentTimes;
    t.reply_pairs = pairs;
    if (agentTimes.length > 0) t.last_agent_update_at = agentTimes[agentTimes.length - 1];
    // Reply-linked exports are social-media threads (DESIGN §4); say so when nothing else does.
    channel ??= this.threading === 'reply-links' ? 'social' : undefined;
    if (channel !== undefined) t.channel = channel;
    return t;
  }
}
