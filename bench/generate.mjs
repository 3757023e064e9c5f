// Seeded synthetic Zendesk-format exports for the benchmark (never committed: bench/data/ is
// ignored). Same seed and shape, same bytes. Usage: node bench/generate.mjs ROWS OUT.csv [SHAPE]
//
// Shapes (SHAPES below):
// - templated-41: Zendesk's 41 columns, ten subject lines and ten tags repeated (the default,
//   and the file every earlier figure was measured on);
// - realistic-21 and realistic-41: what a real desk's export looks like: nearly unique subjects
//   (`Order 48213, "where is it?"`), free-text tags (order numbers, campaigns, agents' own words),
//   quoted cells with embedded quotes and line breaks, names in UTF-8 beyond ASCII; in a
//   21-column layout (the columns an admin keeps) and in Zendesk's full 41.
import { createWriteStream } from 'node:fs';

const HEADER_41 = [
  'Summation column',
  'Id',
  'Requester',
  'Requester id',
  'Requester external id',
  'Requester email',
  'Requester domain',
  'Submitter',
  'Assignee',
  'Group',
  'Subject',
  'Tags',
  'Status',
  'Priority',
  'Via',
  'Ticket type',
  'Created at',
  'Updated at',
  'Assigned at',
  'Organization',
  'Due date',
  'Initially assigned at',
  'Solved at',
  'Resolution time',
  'Satisfaction Score',
  'Group stations',
  'Assignee stations',
  'Reopens',
  'Replies',
  'First reply time in minutes',
  'First reply time in minutes within business hours',
  'First resolution time in minutes',
  'First resolution time in minutes within business hours',
  'Full resolution time in minutes',
  'Full resolution time in minutes within business hours',
  'Agent wait time in minutes',
  'Agent wait time in minutes within business hours',
  'Requester wait time in minutes',
  'Requester wait time in minutes within business hours',
  'On hold time in minutes',
  'On hold time in minutes within business hours',
];

/** The columns an admin typically keeps in a trimmed Zendesk export (what the audit maps, and a few more). */
const HEADER_21 = [
  'Id',
  'Requester',
  'Requester email',
  'Assignee',
  'Group',
  'Subject',
  'Tags',
  'Status',
  'Priority',
  'Via',
  'Ticket type',
  'Created at',
  'Updated at',
  'Due date',
  'Solved at',
  'Satisfaction Score',
  'Reopens',
  'Replies',
  'First reply time in minutes',
  'Full resolution time in minutes',
  'Requester wait time in minutes',
];

export const SHAPES = ['templated-41', 'realistic-21', 'realistic-41'];

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

const pad = (n) => String(n).padStart(2, '0');
function stamp(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

const VIA = ['Mail', 'Web form', 'Chat', 'Phone call (incoming)', 'Twitter', 'Mail', 'Web form', 'Mail'];
const STATUS = ['Solved', 'Solved', 'Solved', 'Closed', 'Closed', 'Open', 'Pending', 'New'];
const PRIORITY = ['Low', 'Normal', 'Normal', 'Normal', 'High', 'Urgent'];
const TYPES = ['Question', 'Incident', 'Problem', 'Task', '-'];
const SUBJECTS = [
  'Invoice question',
  'Where is my order?',
  'Refund for damaged item',
  'Repair status',
  'Login problem',
  'Question before buying, "Pro" model',
  'Complaint about delivery',
  'Change my address',
  'Return request',
  'App crashes',
];
const TAGS = ['billing', 'refund', 'repair', 'complaint', 'presales', 'vip', 'shipping', 'spam', 'warranty', 'login'];
const GROUPS = ['Support', 'Billing', 'Returns', 'Sales'];

/** A CSV cell: quoted (quotes doubled) when it holds a delimiter, a quote or a line break. */
function cell(text) {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// The realistic shapes' vocabulary: subjects are a template, a number and a few words, so nearly
// every one is new; a share of them carry words the default policy's rules look for.
const FIRST = [
  'Jonas',
  'Mia',
  'Søren',
  'José',
  'Zoë',
  'Anaïs',
  'Łukasz',
  'Priya',
  'Kenji',
  'Fatima',
  'Olga',
  'Noah',
  'Émile',
  'Ana',
  'Björn',
  'Chloé',
  'Mateo',
  'Yara',
];
const LAST = [
  'Weber',
  'Schneider',
  'Weiß',
  'Müller',
  'García',
  'Nowak',
  'Shah',
  'Costa',
  'Tanaka',
  'Dubois',
  "O'Brien",
  'Rossi',
  'Novák',
  'Jensen',
  'Kowalski',
  'Ibrahim',
];
const PRODUCTS = [
  'robot vacuum',
  'coffee machine',
  'e-bike',
  'headphones',
  'router',
  'smart watch',
  'espresso grinder',
  'air purifier',
  'laptop stand',
  'dishwasher',
];
const MODELS = ['Pro', 'Mini', 'X2', 'Max 3', 'Lite', 'S', '2024', 'Air'];
const MOODS = ['still waiting', 'urgent!!', 'please help', 'third time asking', 'thanks in advance', 'any update?', 'not happy', ':('];
const SUBJECT_TEMPLATES = [
  (n, r) => `Order ${n}, "where is it?"`,
  (n, r) => `Re: Order #${n} – ${r(MOODS)}`,
  (n, r) => `Invoice ${n}: charged twice?`,
  (n, r) => `My ${r(PRODUCTS)} is broken (order ${n})`,
  (n, r) => `Warranty claim for ${r(PRODUCTS)} ${r(MODELS)}, serial ${n}`,
  (n, r) => `Return request ${n} - wrong size`,
  (n, r) => `Question before buying the "${r(MODELS)}" ${r(PRODUCTS)}`,
  (n, r) => `Complaint: delivery ${n} left outside in the rain`,
  (n, r) => `Fwd: ${r(PRODUCTS)} not working after update ${n % 97}.${n % 13}`,
  (n, r) => `Change address for order ${n}`,
  (n, r) => `Refund ${n} not received, ${r(MOODS)}`,
  (n, r) => `Is the ${r(PRODUCTS)} ${r(MODELS)} in stock? Price for ${1 + (n % 9)} units`,
  (n, r) => `Login problem – account ${n}`,
  (n, r) => `Re: Re: ${r(PRODUCTS)} repair ${n}`,
  (n, r) => `Payment issue with card ending ${n % 10000}`,
  (n, r) => `Hello, I ordered a ${r(PRODUCTS)} on ${1 + (n % 28)}/${1 + (n % 12)} and ${r(MOODS)}`,
];
/** Lines pasted into a subject after a line break (a forwarded mail's first lines). */
const SECOND_LINES = ['Sent from my iPhone', '"Please reply to this address"', 'Order details below', '-- \nKind regards'];
const BASE_TAGS = [
  'billing',
  'refund',
  'repair',
  'complaint',
  'presales',
  'vip',
  'shipping',
  'spam',
  'warranty',
  'login',
  'web_widget',
  'mobile_app',
  'de',
  'fr',
  'es',
  'en',
  'b2b',
  'b2c',
  'escalated',
  'callback_requested',
  'macro_applied',
  'satisfaction_bad',
  'needs_review',
  'courier_dhl',
  'courier_ups',
  'courier_gls',
  'damaged_in_transit',
  'invoice_copy',
];
const CAMPAIGNS = ['spring', 'summer', 'blackfriday', 'xmas', 'newsletter', 'launch'];
const ORGS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries'];

function realisticCells(i, rows, random, columns) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const start = Date.UTC(2024, 0, 1);
  const year = 365 * 86_400_000;
  const created = start + Math.floor((i / rows) * year) + Math.floor(random() * 3_600_000);
  const via = pick(VIA);
  const status = pick(STATUS);
  const frMin = via === 'Chat' ? Math.floor(random() * 8) : Math.floor(random() * 2_000);
  const answered = status !== 'New' && random() > 0.03;
  const solved = status === 'Solved' || status === 'Closed';
  const resMin = frMin + Math.floor(random() * 5_000);
  const order = 10_000 + Math.floor(random() * 90_000_000);
  let subject = pick(SUBJECT_TEMPLATES)(order, pick);
  if (random() < 0.02) subject += `\n${pick(SECOND_LINES)}`;
  const tags = [];
  const tagCount = Math.floor(random() * 6);
  for (let k = 0; k < tagCount; k++) {
    const kind = random();
    if (kind < 0.55) tags.push(pick(BASE_TAGS));
    else if (kind < 0.75) tags.push(`order_${order}`);
    else if (kind < 0.85) tags.push(`${pick(CAMPAIGNS)}_${20 + Math.floor(random() * 6)}`);
    else tags.push(`sku_${Math.floor(random() * 50_000)}`);
  }
  const customer = Math.floor(random() * 200_000);
  const name = `${pick(FIRST)} ${pick(LAST)}`;
  const email = `${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z ]/g, '')
    .replace(' ', '.')}${customer % 100}@example.com`;
  const agent = `${pick(FIRST)} ${pick(LAST)} (Agent ${1 + Math.floor(random() * 40)})`;
  const group = pick(GROUPS);
  const sat = solved ? pick(['Good', 'Good', 'Good', 'Bad', 'Offered', 'Not Offered']) : 'Not Offered';
  const org = random() < 0.3 ? '-' : random() < 0.5 ? `${pick(ORGS)} "${pick(['Retail', 'EU', 'Holding'])}" GmbH` : `${pick(ORGS)}, Inc.`;
  const due = random() < 0.2 ? stamp(created + 2 * 86_400_000) : '-';
  const values = {
    'Summation column': '1',
    Id: String(100000 + i),
    Requester: name,
    'Requester id': String(900000 + customer),
    'Requester external id': '-',
    'Requester email': email,
    'Requester domain': 'example.com',
    Submitter: name,
    Assignee: agent,
    Group: group,
    Subject: subject,
    Tags: tags.join(' '),
    Status: status,
    Priority: pick(PRIORITY),
    Via: via,
    'Ticket type': pick(TYPES),
    'Created at': stamp(created),
    'Updated at': stamp(created + resMin * 60_000 + 60_000),
    'Assigned at': stamp(created + 60_000),
    Organization: org,
    'Due date': due,
    'Initially assigned at': stamp(created + 60_000),
    'Solved at': solved ? stamp(created + resMin * 60_000) : '-',
    'Resolution time': solved ? String(Math.ceil(resMin / 60)) : '-',
    'Satisfaction Score': sat,
    'Group stations': '1',
    'Assignee stations': '1',
    Reopens: String(random() < 0.08 ? 1 : 0),
    Replies: String(1 + Math.floor(random() * 4)),
    'First reply time in minutes': answered ? String(frMin) : '-',
    'First reply time in minutes within business hours': answered ? String(Math.floor(frMin / 3)) : '-',
    'First resolution time in minutes': solved ? String(resMin) : '-',
    'First resolution time in minutes within business hours': solved ? String(Math.floor(resMin / 3)) : '-',
    'Full resolution time in minutes': solved ? String(resMin) : '-',
    'Full resolution time in minutes within business hours': solved ? String(Math.floor(resMin / 3)) : '-',
    'Agent wait time in minutes': String(resMin),
    'Agent wait time in minutes within business hours': String(Math.floor(resMin / 3)),
    'Requester wait time in minutes': String(frMin),
    'Requester wait time in minutes within business hours': String(Math.floor(frMin / 3)),
    'On hold time in minutes': '0',
    'On hold time in minutes within business hours': '0',
  };
  return columns.map((c) => cell(values[c]));
}

function templatedCells(i, rows, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const start = Date.UTC(2024, 0, 1);
  const year = 365 * 86_400_000;
  const created = start + Math.floor((i / rows) * year) + Math.floor(random() * 3_600_000);
  const via = pick(VIA);
  const status = pick(STATUS);
  const frMin = via === 'Chat' ? Math.floor(random() * 8) : Math.floor(random() * 2_000);
  const answered = status !== 'New' && random() > 0.03;
  const solved = status === 'Solved' || status === 'Closed';
  const resMin = frMin + Math.floor(random() * 5_000);
  const tags = [pick(TAGS), pick(TAGS)].join(' ');
  const agent = `Agent ${1 + Math.floor(random() * 40)}`;
  const sat = solved ? pick(['Good', 'Good', 'Good', 'Bad', 'Offered', 'Not Offered']) : 'Not Offered';
  return [
    '1',
    String(100000 + i),
    `Customer ${i % 5000}`,
    String(900000 + (i % 5000)),
    '-',
    `c${i % 5000}@example.com`,
    'example.com',
    agent,
    agent,
    pick(GROUPS),
    `"${pick(SUBJECTS).replace(/"/g, '""')}"`,
    tags,
    status,
    pick(PRIORITY),
    via,
    pick(TYPES),
    stamp(created),
    stamp(created + resMin * 60_000 + 60_000),
    stamp(created + 60_000),
    'Acme',
    random() < 0.2 ? stamp(created + 2 * 86_400_000) : '-',
    stamp(created + 60_000),
    solved ? stamp(created + resMin * 60_000) : '-',
    solved ? String(Math.ceil(resMin / 60)) : '-',
    sat,
    '1',
    '1',
    String(random() < 0.08 ? 1 : 0),
    String(1 + Math.floor(random() * 4)),
    answered ? String(frMin) : '-',
    answered ? String(Math.floor(frMin / 3)) : '-',
    solved ? String(resMin) : '-',
    solved ? String(Math.floor(resMin / 3)) : '-',
    solved ? String(resMin) : '-',
    solved ? String(Math.floor(resMin / 3)) : '-',
    String(resMin),
    String(Math.floor(resMin / 3)),
    String(frMin),
    String(Math.floor(frMin / 3)),
    '0',
    '0',
  ];
}

export function generate(rows, out, seed = 42, shape = 'templated-41') {
  if (!SHAPES.includes(shape)) throw new Error(`unknown shape ${shape}: one of ${SHAPES.join(', ')}`);
  const random = rng(seed);
  const header = shape === 'realistic-21' ? HEADER_21 : HEADER_41;
  const row = shape === 'templated-41' ? (i) => templatedCells(i, rows, random) : (i) => realisticCells(i, rows, random, header);
  const stream = createWriteStream(out);
  let buf = `${header.join(',')}\n`;
  return new Promise((resolve, reject) => {
    stream.on('error', reject);
    let i = 0;
    const write = () => {
      for (; i < rows; i++) {
        buf += `${row(i).join(',')}\n`;
        if (buf.length > 1 << 20) {
          const ok = stream.write(buf);
          buf = '';
          if (!ok) {
            i++;
            stream.once('drain', write);
            return;
          }
        }
      }
      stream.end(buf, resolve);
    };
    write();
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [rows, out, shape] = process.argv.slice(2);
  await generate(Number(rows), out, 42, shape);
}
