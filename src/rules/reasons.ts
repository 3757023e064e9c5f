// The one place outcome codes become sentences ("first response 31h12m (calendar) > 24h").
// Codes are stable and are what reports and tests rely on; this wording may change.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS: [number, string][] = [[DAY, 'd'], [HOUR, 'h'], [MINUTE, 'm'], [SECOND, 's']];

function parts(ms: number, maxUnits: number): string {
  let rest = Math.max(0, Math.round(ms));
  if (rest < SECOND) return `${rest}ms`;
  let out = '';
  let used = 0;
  // Up to two days read better in hours ("31h12m"); beyond, in days ("2d3h").
  const units = rest >= 2 * DAY ? UNITS : UNITS.slice(1);
  for (const [size, unit] of units) {
    if (used === maxUnits) break;
    const n = Math.floor(rest / size);
    if (n === 0 && used === 0) continue;
    rest -= n * size;
    used++;
    if (n > 0) out += `${n}${unit}`;
  }
  return out || '0s';
}

/** `31h12m`, `2d3h`, `3m`, `45s`: two significant units; hours up to two days. */
export function formatDuration(ms: number): string {
  return parts(ms, 2);
}

/** Formats a value and its limit so that a value just over the limit never reads as equal. */
function versus(value: number, limit: number): [string, string] {
  const v = formatDuration(value);
  const l = formatDuration(limit);
  return v === l && value !== limit ? [parts(value, 4), l] : [v, l];
}

/** A rule's group: `priority urgent, high · channel chat`; `other tickets` for the base group. */
export function describeGroup(when: { priority?: readonly string[]; channel?: readonly string[] } | undefined): string {
  if (!when) return 'other tickets';
  const parts: string[] = [];
  if (when.priority?.length) parts.push(`priority ${when.priority.join(', ')}`);
  if (when.channel?.length) parts.push(`channel ${when.channel.join(', ')}`);
  return parts.join(' · ');
}

export interface ReasonInput {
  code: string;
  /** ms for durations, a plain number for ratings and counts, null otherwise. */
  value: number | null;
  limit: number;
  n: number;
  /** What the rule measures ("first response"). */
  label: string;
  clock: 'calendar' | 'business';
}

export function describeOutcome(r: ReasonInput): string {
  const dur = () => {
    const [v, l] = versus(r.value ?? 0, r.limit);
    return `${v} (${r.clock}) > ${l}`;
  };
  if (r.code.startsWith('tag:')) return `excluded: tag ${r.code.slice(4)}`;
  switch (r.code) {
    case 'late': return `${r.label} ${dur()}`;
    case 'unanswered': return `unanswered for ${dur()}`;
    case 'unresolved': return `unresolved for ${dur()}`;
    case 'silent': return `no agent update for ${dur()}`;
    case 'unrefunded': return `not refunded after ${dur()}`;
    case 'repair-late': return `repair took ${dur()}`;
    case 'untouched': return `untouched for ${dur()}`;
    case 'unassigned': return `unassigned for ${dur()}`;
    case 'abandoned-after': return `abandoned after waiting ${dur()}`;
    case 'missed-after': return `missed after waiting ${dur()}`;
    case 'no-update-before-due': return `no agent update before the due time (${formatDuration(r.value ?? 0)} past due)`;
    case 'updated-before-due': return 'updated before the due time';
    // With a recorded wait (a call given up within the window), the wait is said.
    case 'missed': return r.value === null ? 'missed' : `missed after waiting ${formatDuration(r.value)}`;
    case 'abandoned': return r.value === null ? 'abandoned' : `abandoned after waiting ${formatDuration(r.value)}`;
    case 'short-abandon': return 'excluded: abandoned within the short-abandon threshold';
    case 'bad-rating': return r.value === null ? 'bad rating' : `bad rating (${Math.round(r.value * 100)} %)`;
    case 'detractor': return `detractor (${r.value} of 10)`;
    case 'passive': return `passive (${r.value} of 10)`;
    case 'matched': return 'counts against the ceiling';
    case 'reopened': return `reopened ${r.n} time${r.n === 1 ? '' : 's'}`;
    case 'multi-touch': return `${r.n} agent replies`;
    case 'rejected': return 'return rejected';
    case 'outbound': return 'excluded: outbound conversation';
    case 'closed-without-reply': return 'excluded: closed without reply';
    case 'no-customer-message': return 'excluded: no customer message';
    case 'no-response-time': return 'excluded: no first-response time';
    case 'no-resolution-time': return 'excluded: no resolution time';
    case 'no-requester-wait': return 'excluded: solved without a requester wait time';
    case 'no-reopen-count': return 'excluded: no reopen count';
    case 'no-order-date': return 'excluded: no order date';
    case 'update-history-unknown': return 'excluded: only the last update is known and it came after the due time';
    case 'waiting': return 'waiting, within the window';
    default: return r.code.replace(/-/g, ' ');
  }
}
