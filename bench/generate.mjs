// Seeded synthetic Zendesk-format exports for the benchmark (never committed: bench/data/ is
// ignored). Same seed, same bytes. Usage: node bench/generate.mjs ROWS OUT.csv
import { createWriteStream } from 'node:fs';

const HEADER = [
  'Summation column', 'Id', 'Requester', 'Requester id', 'Requester external id', 'Requester email', 'Requester domain',
  'Submitter', 'Assignee', 'Group', 'Subject', 'Tags', 'Status', 'Priority', 'Via', 'Ticket type', 'Created at',
  'Updated at', 'Assigned at', 'Organization', 'Due date', 'Initially assigned at', 'Solved at', 'Resolution time',
  'Satisfaction Score', 'Group stations', 'Assignee stations', 'Reopens', 'Replies',
  'First reply time in minutes', 'First reply time in minutes within business hours',
  'First resolution time in minutes', 'First resolution time in minutes within business hours',
  'Full resolution time in minutes', 'Full resolution time in minutes within business hours',
  'Agent wait time in minutes', 'Agent wait time in minutes within business hours',
  'Requester wait time in minutes', 'Requester wait time in minutes within business hours',
  'On hold time in minutes', 'On hold time in minutes within business hours',
];

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
const SUBJECTS = ['Invoice question', 'Where is my order?', 'Refund for damaged item', 'Repair status', 'Login problem',
  'Question before buying, "Pro" model', 'Complaint about delivery', 'Change my address', 'Return request', 'App crashes'];
const TAGS = ['billing', 'refund', 'repair', 'complaint', 'presales', 'vip', 'shipping', 'spam', 'warranty', 'login'];
const GROUPS = ['Support', 'Billing', 'Returns', 'Sales'];

export function generate(rows, out, seed = 42) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const stream = createWriteStream(out);
  const start = Date.UTC(2024, 0, 1);
  const year = 365 * 86_400_000;
  let buf = `${HEADER.join(',')}\n`;
  return new Promise((resolve, reject) => {
    stream.on('error', reject);
    let i = 0;
    const write = () => {
      for (; i < rows; i++) {
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
        const row = [
          '1', String(100000 + i), `Customer ${i % 5000}`, String(900000 + (i % 5000)), '-', `c${i % 5000}@example.com`, 'example.com',
          agent, agent, pick(GROUPS), `"${pick(SUBJECTS).replace(/"/g, '""')}"`, tags, status, pick(PRIORITY), via, pick(TYPES),
          stamp(created), stamp(created + resMin * 60_000 + 60_000), stamp(created + 60_000), 'Acme',
          random() < 0.2 ? stamp(created + 2 * 86_400_000) : '-', stamp(created + 60_000),
          solved ? stamp(created + resMin * 60_000) : '-', solved ? String(Math.ceil(resMin / 60)) : '-', sat,
          '1', '1', String(random() < 0.08 ? 1 : 0), String(1 + Math.floor(random() * 4)),
          answered ? String(frMin) : '-', answered ? String(Math.floor(frMin / 3)) : '-',
          solved ? String(resMin) : '-', solved ? String(Math.floor(resMin / 3)) : '-',
          solved ? String(resMin) : '-', solved ? String(Math.floor(resMin / 3)) : '-',
          String(resMin), String(Math.floor(resMin / 3)), String(frMin), String(Math.floor(frMin / 3)), '0', '0',
        ];
        buf += `${row.join(',')}\n`;
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
  const [rows, out] = process.argv.slice(2);
  await generate(Number(rows), out);
}
