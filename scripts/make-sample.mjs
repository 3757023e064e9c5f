#!/usr/bin/env node
// Makes fixtures/samples/support-desk.csv: a seeded, synthetic quarter of a retailer's support
// desk in the canonical ticket format (docs/presets.md "canonical"), big enough that every rule of
// the default policy has data. Same seed, same bytes: the committed file is this script's output
// (a test regenerates it and compares).
//
//   node scripts/make-sample.mjs                      # writes fixtures/samples/support-desk.csv
//   node scripts/make-sample.mjs out.csv --seed 7 --tickets 5000
//
// What it simulates, per ticket: an arrival time (weekday office hours are busiest), a channel,
// a topic (which sets type, tags, subject and the team), the first response (when the channel's
// team is staffed, with a channel-typical delay), the resolution, the public agent updates, a
// rating on some solved tickets, reopens, returns and refunds. Each ticket's life is then cut at
// the export time: what had not happened by then is not in the file (an open ticket has no
// solved_at; its status says where it stands). Known weaknesses of the desk are built in, so the
// scorecard has something to say: callers wait longer from 19 February on (fewer phone agents),
// weekend e-mail waits for Monday, about one ticket in forty is forgotten for days, refunds are slow.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Monday 2024-01-01 00:00 UTC to the export on Friday 2024-03-29 18:00 UTC (13 weeks). */
const START = Date.UTC(2024, 0, 1);
const EXPORT = Date.UTC(2024, 2, 29, 18);
/** From this day on the phone team is short of agents. */
const PHONE_GAP = Date.UTC(2024, 1, 19);

// mulberry32: tiny, seeded, good enough for synthetic data.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Staffed hours per weekday (0 = Sunday), UTC, as [from, to) hours. */
const STAFFED = {
  office: [[], [8, 18], [8, 18], [8, 18], [8, 18], [8, 18], [9, 13]],
  chat: [[], [8, 20], [8, 20], [8, 20], [8, 20], [8, 20], [9, 17]],
  phone: [[], [8, 18], [8, 18], [8, 18], [8, 18], [8, 18], []],
  social: [
    [7, 22],
    [7, 22],
    [7, 22],
    [7, 22],
    [7, 22],
    [7, 22],
    [7, 22],
  ],
};

function staffedAt(team, t) {
  const d = new Date(t);
  const span = STAFFED[team][d.getUTCDay()];
  const h = d.getUTCHours() + d.getUTCMinutes() / 60;
  return span.length === 2 && h >= span[0] && h < span[1];
}

/** `t` plus `minutes` of the team's staffed time (work waits for the next opening). */
function afterWorking(team, t, minutes) {
  let left = minutes * MINUTE;
  let at = t;
  for (let guard = 0; guard < 400; guard++) {
    const d = new Date(at);
    const dayStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    const span = STAFFED[team][d.getUTCDay()];
    if (span.length === 2) {
      const open = dayStart + span[0] * HOUR;
      const close = dayStart + span[1] * HOUR;
      const from = Math.max(at, open);
      if (from < close) {
        if (from + left <= close) return from + left;
        left -= close - from;
      }
    }
    at = dayStart + DAY;
  }
  return at + left;
}

const AGENTS = {
  Support: ['Priya Shah', 'Tom Becker', 'Mia Laurent', 'Jonas Berg'],
  Chat: ['Ana Costa', 'Leo Martin'],
  Phone: ['Sara Klein', 'Omar Haddad', 'Lena Vogel'],
  Billing: ['Nina Rossi'],
  Returns: ['Paul Fischer', 'Eva Novak'],
  Sales: ['Kai Turner'],
  Repairs: ['Ines Moreau', 'Ben Carter'],
};

// A topic: its share of contacts, team, type, tags, subjects and the channels it comes by.
const TOPICS = [
  {
    id: 'order',
    share: 0.24,
    team: 'Support',
    type: 'question',
    tags: ['shipping'],
    subjects: ['Where is my order?', 'Delivery delayed', 'Parcel not arrived', 'Change delivery address'],
  },
  {
    id: 'account',
    share: 0.11,
    team: 'Support',
    type: 'question',
    tags: ['account'],
    subjects: ['Password reset', 'Login problem', 'Update my email', 'Close my account'],
  },
  {
    id: 'billing',
    share: 0.09,
    team: 'Billing',
    type: 'problem',
    tags: ['billing'],
    subjects: ['Invoice question', 'Charged twice', 'Wrong charge on my card', 'Need a copy of my invoice'],
  },
  {
    id: 'technical',
    share: 0.1,
    team: 'Support',
    type: 'incident',
    tags: ['technical'],
    subjects: ['Device not working', 'App crashes on start', 'Setup help needed', 'Faulty charger'],
  },
  {
    id: 'repair',
    share: 0.06,
    team: 'Repairs',
    type: 'incident',
    tags: ['repair'],
    subjects: ['Repair status', 'Screen broken', 'Warranty claim', 'Battery life very short'],
  },
  { id: 'return', share: 0.1, team: 'Returns', type: 'task', tags: ['return'], subjects: ['Return request', 'Return label please', 'Item does not fit'] },
  {
    id: 'presales',
    share: 0.1,
    team: 'Sales',
    type: 'question',
    tags: ['presales'],
    subjects: ['Question before buying', 'Is this in stock?', 'Which model fits me?', 'Product recommendation'],
  },
  {
    id: 'complaint',
    share: 0.05,
    team: 'Support',
    type: 'problem',
    tags: ['complaint'],
    subjects: ['Complaint about delivery', 'Complaint about staff', 'Complaint: rude driver'],
  },
  {
    id: 'premises',
    share: 0.025,
    team: 'Support',
    type: 'problem',
    tags: ['premises'],
    subjects: ['Dirty fitting rooms', 'Store was untidy', 'Toilets at the store', 'Messy checkout area'],
  },
  {
    id: 'general',
    share: 0.105,
    team: 'Support',
    type: 'question',
    tags: [],
    subjects: ['General question', 'Opening hours', 'Gift card balance', 'Feedback on the website'],
  },
  { id: 'spam', share: 0.01, team: 'Support', type: 'question', tags: ['spam'], subjects: ['You won a prize', 'SEO services offer'] },
];

/** Channel mix per topic: [channel, weight]. */
function channelsFor(topic) {
  switch (topic) {
    case 'presales':
      return [
        ['chat', 72],
        ['email', 12],
        ['web', 4],
        ['phone', 10],
        ['social', 2],
      ];
    case 'spam':
      return [
        ['email', 80],
        ['web', 20],
      ];
    case 'return':
      return [
        ['email', 45],
        ['web', 30],
        ['chat', 12],
        ['phone', 13],
      ];
    case 'premises':
      return [
        ['email', 40],
        ['social', 35],
        ['web', 15],
        ['phone', 10],
      ];
    case 'complaint':
      return [
        ['email', 45],
        ['social', 20],
        ['web', 15],
        ['phone', 15],
        ['messaging', 5],
      ];
    default:
      return [
        ['email', 34],
        ['web', 14],
        ['chat', 20],
        ['phone', 20],
        ['social', 6],
        ['messaging', 6],
      ];
  }
}

/** Contacts per hour of the week: office hours on weekdays are the busiest. */
function arrivalWeight(dow, hour) {
  const weekday = dow >= 1 && dow <= 5;
  if (hour < 6) return weekday ? 0.15 : 0.1;
  if (hour < 8) return weekday ? 0.6 : 0.25;
  if (hour < 12) return weekday ? (hour >= 9 && hour < 11 ? 3.4 : 2.4) : 0.8;
  if (hour < 14) return weekday ? 2.2 : 0.9;
  if (hour < 17) return weekday ? (hour >= 14 && hour < 16 ? 3 : 2.2) : 0.7;
  if (hour < 20) return weekday ? 1.2 : 0.6;
  return weekday ? 0.5 : 0.35;
}

const pad = (n) => String(n).padStart(2, '0');
const iso = (ms) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
};

const HEADER = [
  'id',
  'channel',
  'created_at',
  'first_response_at',
  'solved_at',
  'closed_at',
  'updated_at',
  'last_agent_update_at',
  'due_at',
  'status',
  'priority',
  'type',
  'tags',
  'subject',
  'agent',
  'team',
  'csat',
  'reopens',
  'agent_replies',
  'wait_seconds',
  'missed',
  'abandoned',
  'order_at',
  'return_requested_at',
  'return_decision',
  'refunded_at',
];

/** Resolution due (a service-level promise set when the ticket is created), by priority. */
const DUE_AFTER = { urgent: 8 * HOUR, high: DAY, normal: 3 * DAY, low: 5 * DAY };

export function makeSample({ seed = 2024, tickets = 2500 } = {}) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const weighted = (pairs) => {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let x = random() * total;
    for (const [v, w] of pairs) if ((x -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  /** Log-normal with this median and spread. */
  const lognormal = (median, sigma) => median * Math.exp(sigma * normal());
  const topicPairs = TOPICS.map((t) => [t, t.share]);

  // Arrival times: every hour of the quarter weighted, tickets drawn by that weight, sorted.
  const hours = [];
  let totalWeight = 0;
  for (let t = START; t < EXPORT; t += HOUR) {
    const d = new Date(t);
    const w = arrivalWeight(d.getUTCDay(), d.getUTCHours());
    totalWeight += w;
    hours.push([t, totalWeight]);
  }
  const arrivals = [];
  for (let i = 0; i < tickets; i++) {
    const x = random() * totalWeight;
    let lo = 0;
    let hi = hours.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hours[mid][1] > x) hi = mid;
      else lo = mid + 1;
    }
    arrivals.push(hours[lo][0] + Math.floor((random() * HOUR) / 1000) * 1000);
  }
  arrivals.sort((a, b) => a - b);

  const rows = [HEADER.join(',')];
  for (let i = 0; i < tickets; i++) {
    const created = arrivals[i];
    const topic = weighted(topicPairs);
    let channel = weighted(channelsFor(topic.id));
    // Chat and phone exist only while their team is staffed; outside, the customer writes instead.
    if ((channel === 'chat' && !staffedAt('chat', created)) || (channel === 'phone' && !staffedAt('phone', created))) channel = 'email';
    const t = simulate({ created, topic, channel, random, pick, lognormal });
    rows.push(rowOf(`SD-${10001 + i}`, t));
  }
  return `${rows.join('\n')}\n`;
}

/** One ticket's whole life, before the export cuts it. */
function simulate({ created, topic, channel, random, pick, lognormal }) {
  const t = {
    channel,
    created,
    topic: topic.id,
    type: topic.type,
    tags: [...topic.tags],
    subject: pick(topic.subjects),
    team: topic.team,
    agent: '',
    priority: 'normal',
    updates: [],
    reopens: 0,
  };
  if (random() < 0.03) t.tags.push('vip');
  t.priority = topic.id === 'complaint' || t.tags.includes('vip') ? 'high' : random() < 0.04 ? 'urgent' : random() < 0.15 ? 'low' : 'normal';
  if (topic.id === 'spam') {
    // Closed unanswered; excluded from every rule by its tag.
    t.closed = created + lognormal(3 * HOUR, 0.5);
    t.priority = 'low';
    return t;
  }
  const agentOf = (team) => pick(AGENTS[team]);
  const forgotten = random() < 0.025;

  if (channel === 'phone') {
    const slow = created >= PHONE_GAP;
    const wait = Math.max(1, Math.round(lognormal(slow ? 200 : 80, 0.85)));
    const patience = -Math.log(1 - random()) * (slow ? 600 : 1000);
    t.wait = wait;
    t.team = topic.id === 'presales' ? 'Sales' : 'Phone';
    if (patience < wait) {
      // The caller hung up: nobody answered. Short hang-ups are misdials.
      t.wait = Math.max(1, Math.round(patience));
      t.abandoned = true;
      t.subject = 'Missed call';
      t.tags = [];
      t.type = 'question';
      t.closed = created + t.wait * 1000;
      return t;
    }
    t.agent = agentOf(t.team);
    t.firstResponse = created + wait * 1000;
    t.updates.push(t.firstResponse);
    t.solved = t.firstResponse + lognormal(7 * MINUTE, 0.5);
  } else if (channel === 'chat') {
    t.team = topic.id === 'presales' ? 'Sales' : 'Chat';
    if (random() < 0.035) {
      // Left before an agent took the chat.
      t.missed = true;
      t.closed = created + lognormal(4 * MINUTE, 0.4);
      return t;
    }
    t.agent = agentOf(t.team);
    t.firstResponse = created + Math.round(lognormal(65, 0.75)) * 1000;
    t.updates.push(t.firstResponse);
    t.solved = t.firstResponse + lognormal(12 * MINUTE, 0.6);
  } else {
    const team = channel === 'social' || channel === 'messaging' ? 'social' : 'office';
    const median = team === 'social' ? 15 : topic.id === 'presales' ? 25 : topic.id === 'complaint' ? 60 : 70;
    let delay = lognormal(median, 0.9);
    if (forgotten && random() < 0.5) delay += (1 + random() * 6) * 10 * 60; // lost in the queue for days of work
    t.firstResponse = afterWorking(team, created, delay);
    // Assigned when answered; a ticket nobody has picked up is unassigned.
    t.assignedAt = t.firstResponse - Math.min(delay * MINUTE * 0.5, 2 * HOUR);
    t.agent = agentOf(topic.team);
    t.updates.push(t.firstResponse);
    t.due = created + DUE_AFTER[t.priority];
    // Work after the first response, in days of calendar time.
    const work = {
      order: lognormal(0.8 * DAY, 1),
      account: lognormal(0.3 * DAY, 1),
      billing: lognormal(1.5 * DAY, 0.9),
      technical: lognormal(1.6 * DAY, 0.9),
      repair: lognormal(5 * DAY, 0.55),
      return: lognormal(1.2 * DAY, 0.8),
      presales: lognormal(0.2 * DAY, 1),
      complaint: lognormal(2 * DAY, 0.8),
      premises: lognormal(1 * DAY, 0.8),
      general: lognormal(0.4 * DAY, 1),
    }[topic.id];
    t.solved = t.firstResponse + work + (forgotten ? (6 + random() * 14) * DAY : 0);
    // An update while the customer waits: most agents write before the promised time passes.
    if (t.solved > t.due && t.firstResponse < t.due && random() < 0.7) {
      t.updates.push(t.firstResponse + random() * (t.due - t.firstResponse));
    }
    // The agent's last public reply: at the solve, or earlier when the ticket was solved after the
    // customer confirmed (or the pending ticket was solved automatically).
    t.updates.push(random() < 0.7 ? t.solved : Math.max(t.firstResponse, t.solved - lognormal(1.5 * DAY, 0.6)));
    if (random() < (topic.id === 'technical' || topic.id === 'repair' ? 0.06 : 0.03)) t.reopens = 1 + (random() < 0.2 ? 1 : 0);
    if (topic.id === 'premises' && t.agent) t.team = 'Support';
  }
  t.closed = t.solved + 4 * DAY;
  t.waitingOn = random() < 0.45 ? 'pending' : random() < (topic.id === 'repair' ? 0.5 : 0.1) ? 'on_hold' : 'open';

  // Satisfaction: asked on solved tickets, answered by about a third; worse after a slow answer
  // or a reopen, and about complaints.
  if (random() < 0.34) {
    const slow = t.firstResponse - created > (channel === 'chat' ? 3 * MINUTE : channel === 'phone' ? 5 * MINUTE : 24 * HOUR);
    const good = 0.9 - (slow ? 0.22 : 0) - (t.reopens ? 0.25 : 0) - (topic.id === 'complaint' ? 0.15 : 0);
    if (random() < good) t.csat = random() < 0.55 ? 5 : 4;
    else t.csat = 1 + Math.floor(random() * 3);
  }

  if (topic.id === 'return') {
    const late = random() < 0.12;
    t.order = created - (late ? 31 + random() * 30 : 2 + random() * 27) * DAY;
    t.returnRequested = created;
    const approve = late ? random() < 0.25 : random() < 0.92;
    t.decisionAt = t.firstResponse + lognormal(0.5 * DAY, 0.6);
    t.decision = approve ? 'approved' : 'rejected';
    if (approve) t.refunded = t.returnRequested + lognormal(10 * DAY, 0.45);
  }
  return t;
}

/** The ticket as the export shows it at EXPORT. */
function rowOf(id, t) {
  const seen = (ms) => (ms !== undefined && ms <= EXPORT ? ms : undefined);
  const firstResponse = seen(t.firstResponse);
  const solved = seen(t.solved);
  const closed = seen(t.closed);
  const updates = t.updates.filter((u) => u <= EXPORT);
  const lastUpdate = updates.length > 0 ? Math.max(...updates) : undefined;
  let status;
  if (closed !== undefined) status = 'closed';
  else if (solved !== undefined) status = 'solved';
  else if (firstResponse === undefined) status = 'new';
  else status = t.waitingOn;
  // Agent replies so far: the first response, any update, the last reply (counted once).
  const replies = new Set(updates).size;
  const decided = seen(t.decisionAt) !== undefined;
  const events = [t.created, firstResponse, solved, closed, lastUpdate, decided ? t.decisionAt : undefined, seen(t.refunded)].filter((v) => v !== undefined);
  const assigned = t.agent && (t.assignedAt === undefined || t.assignedAt <= EXPORT);
  const cells = {
    id,
    channel: t.channel,
    created_at: iso(t.created),
    first_response_at: firstResponse !== undefined ? iso(firstResponse) : '',
    solved_at: solved !== undefined ? iso(solved) : '',
    closed_at: closed !== undefined ? iso(closed) : '',
    updated_at: iso(Math.max(...events)),
    last_agent_update_at: lastUpdate !== undefined ? iso(lastUpdate) : '',
    due_at: t.due !== undefined ? iso(t.due) : '',
    status,
    priority: t.priority,
    type: t.type,
    tags: t.tags.join(';'),
    subject: t.subject,
    agent: assigned ? t.agent : '',
    team: t.team,
    csat: solved !== undefined && t.csat !== undefined ? String(t.csat) : '',
    reopens: solved !== undefined || closed !== undefined ? String(t.reopens) : '',
    agent_replies: String(replies),
    wait_seconds: t.wait !== undefined ? String(t.wait) : '',
    missed: t.missed ? 'true' : '',
    abandoned: t.abandoned ? 'true' : '',
    order_at: t.order !== undefined ? iso(t.order) : '',
    return_requested_at: t.returnRequested !== undefined ? iso(t.returnRequested) : '',
    return_decision: t.decision === undefined ? '' : decided ? t.decision : 'pending',
    refunded_at: decided && seen(t.refunded) !== undefined ? iso(t.refunded) : '',
  };
  return HEADER.map((h) => cells[h]).join(',');
}

function main(argv) {
  let out = fileURLToPath(new URL('../fixtures/samples/support-desk.csv', import.meta.url));
  let seed;
  let tickets;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seed') seed = Number(argv[++i]);
    else if (argv[i] === '--tickets') tickets = Number(argv[++i]);
    else out = argv[i];
  }
  const csv = makeSample({ seed, tickets });
  writeFileSync(out, csv);
  process.stderr.write(`${out}: ${csv.split('\n').length - 2} tickets, ${csv.length} bytes\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
