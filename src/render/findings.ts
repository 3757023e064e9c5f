// The one place findings become sentences: every problem, outcome and note code (src/findings.ts)
// has its entry here, and the compiler refuses a code without one. Codes are stable and are what reports and
// tests rely on; this wording may change. The report's `message` texts are made from this table
// when the report is built, so every format shows the same sentence.

import type {
  GroupWhen,
  NoteArgs,
  NoteCode,
  NoteFinding,
  NoteOf,
  OutcomeArgs,
  OutcomeCode,
  OutcomeFacts,
  ProblemCode,
  ProblemFinding,
  ProblemOf,
} from '../findings.js';
import { MAX_ID_LENGTH } from '../map/ids.js';
import type { Encoding } from '../read/decode.js';
import type { Breach, BreachFinding, RuleFindings, RuleResult } from '../report.js';
import { instantIn } from '../zone.js';
import { durationParts, formatDuration } from './duration-text.js';

/** A cell in a message: at most 60 characters (57 and `...`), on one line, in single quotes. */
export function quote(text: string): string {
  const flat = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `'${flat.replace(/[\r\n\t]+/g, ' ')}'`;
}

const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1252': 'Windows-1252',
  'iso-8859-1': 'ISO-8859-1',
  'iso-8859-15': 'ISO-8859-15',
};

function undecodable(encoding: Encoding): string {
  switch (encoding) {
    case 'windows-1252':
      return 'bytes that are no character in Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D): read as U+FFFD';
    case 'iso-8859-1':
    case 'iso-8859-15':
      return `bytes 0x80-0x9F, control codes in ${ENCODING_NAMES[encoding]}, not text: read as U+FFFD (a Windows-1252 export? give --encoding windows-1252)`;
    default:
      return 'bytes that are not valid UTF-8: read as U+FFFD (an export in another encoding? give --encoding windows-1252 or see docs/reading.md)';
  }
}

/** A sentence for every problem code: the compiler refuses a table without one. */
export type ProblemWords = { [C in ProblemCode]: (p: ProblemOf<C>) => string };

const PROBLEM_WORDS: ProblemWords = {
  'bad-timestamp': (p) =>
    p.why === 'unreadable'
      ? `unreadable timestamp ${quote(p.text)}`
      : `timestamp ${quote(p.text)} is in another layout than the file's and its day/month order cannot be told`,
  'bad-duration': (p) => `unreadable duration ${quote(p.text)}`,
  'bad-number': (p) => (p.read === undefined ? `${quote(p.text)} is not a count` : `digit-grouping separators in ${quote(p.text)}: read as ${p.read}`),
  'negative-duration': (p) => (p.why === 'negative' ? `negative duration ${quote(p.text)}: dropped` : `${p.field} is before created_at: dropped`),
  'outlier-timestamp': (p) =>
    `${instantIn(p.zone, p.value)} is far beyond the rest of the data (latest other timestamp ${instantIn(p.zone, p.latest)}): not taken as the audit's as_of, and not happened yet at as_of`,
  'missing-id': () => 'no id: record skipped',
  'missing-created-at': (p) => `no creation time for ${quote(p.id)}: record skipped`,
  'ragged-row': (p) => `${p.cells} cells where the header has ${p.width}: mapped what is there`,
  'excel-scientific-id': (p) => `id ${quote(p.text)} is in Excel's scientific notation: its digits are lost`,
  'excel-grouped-id': (p) => `id ${quote(p.text)} has a spreadsheet's digit grouping: read as ${p.digits}`,
  'excel-reformatted-date': (p) => `timestamp ${quote(p.text)} is in ${p.layout} layout, not the file's: read as such`,
  'ambiguous-timestamp': (p) =>
    p.why === 'order-unknown'
      ? `day/month order of ${quote(p.text)} is not known yet: give --date-order DMY or MDY`
      : `${quote(p.text)} occurs twice in ${p.zone} (DST overlap): read as the earlier instant`,
  'nonexistent-local-time': (p) => `${quote(p.text)} does not exist in ${p.zone} (DST gap): read as the wall time moved forward by the gap`,
  'unknown-value': (p) => {
    if ('none' in p) return 'no author role: message skipped';
    const kind = p.kind.replace('_', ' ');
    if ('beyond' in p) return `more than ${p.beyond.toLocaleString('en-US')} distinct unknown ${kind} values: the others are read the same way but not listed`;
    return `unknown ${kind} ${quote(p.text)}`;
  },
  'empty-row': () => 'empty record',
  'orphan-message': () => 'no conversation id: message skipped',
  'duplicate-column': (p) =>
    `${p.positions.length} columns are named ${quote(p.name)} (columns ${p.positions.join(', ')}): ${p.field} is read from column ${p.positions[0]}, the others are ignored`,
  'undecodable-bytes': (p) => undecodable(p.encoding),
  'mixed-encoding': (p) => `UTF-8 text in a file read as ${ENCODING_NAMES[p.encoding]} (é reads as Ã©): the file mixes encodings`,
  'long-id': (p) => `id of ${p.length.toLocaleString('en-US')} characters (more than ${MAX_ID_LENGTH}): kept as ${quote(p.kept)}`,
};

/** The sentence of a problem (the report's `message`). */
export function problemMessage(p: ProblemFinding): string {
  return (PROBLEM_WORDS[p.code] as (p: ProblemFinding) => string)(p);
}

/** Formats a value and its limit so that a value just over the limit never reads as equal. */
function versus(value: number, limit: number): [string, string] {
  const v = formatDuration(value);
  const l = formatDuration(limit);
  return v === l && value !== limit ? [durationParts(value, 4), l] : [v, l];
}

/** `31h12m (calendar) > 24h`: a duration against its window. */
function over(a: OutcomeArgs<'unanswered'>): string {
  const [v, l] = versus(a.value ?? 0, a.limit);
  return `${v} (${a.clock}) > ${l}`;
}

/** A wait recorded with a missed or abandoned contact, when there is one. */
const waited = (what: string, a: OutcomeArgs<'missed'>) => (a.value === null ? what : `${what} after waiting ${formatDuration(a.value)}`);

/** A sentence for every outcome code, from the facts it names (findings.ts OutcomeArgs). */
export type OutcomeWords = { [C in OutcomeCode]: (a: OutcomeArgs<C>) => string };

const OUTCOME_WORDS: OutcomeWords = {
  within: () => 'within the window',
  waiting: () => 'waiting, within the window',
  open: () => 'still open',
  tidy: () => 'touched and assigned in time',
  kept: () => 'kept its due time',
  'not-due': () => 'not due yet',
  answered: () => 'answered',
  approved: () => 'return approved',
  'good-rating': () => 'good rating',
  promoter: (a) => `promoter (${a.value} of 10)`,
  'not-matched': () => 'does not count against the ceiling',
  'not-reopened': () => 'not reopened',
  'one-touch': (a) => `${a.n} agent ${a.n === 1 ? 'reply' : 'replies'}`,
  'updated-before-due': () => 'updated before the due time',
  unrated: () => 'not rated',
  'no-due-time': () => 'no due time',
  'no-return': () => 'no return request',
  'not-approved-return': () => 'not an approved return',
  'outside-return-window': () => 'return requested outside the return window',
  'no-wait-time': () => 'no wait time',
  'no-reply-count': () => 'no agent reply count',
  'no-agent-update': () => 'no agent update',
  'single-update': () => 'a single agent update',
  'no-answered-message': () => 'no customer message answered',
  'not-open': () => 'not open',
  outbound: () => 'excluded: outbound conversation',
  'closed-without-reply': () => 'excluded: closed without reply',
  'no-customer-message': () => 'excluded: no customer message',
  'no-response-time': () => 'excluded: no first-response time',
  'no-resolution-time': () => 'excluded: no resolution time',
  'no-requester-wait': () => 'excluded: solved without a requester wait time',
  'no-reopen-count': () => 'excluded: no reopen count',
  'no-order-date': () => 'excluded: no order date',
  'short-abandon': () => 'excluded: abandoned within the short-abandon threshold',
  'update-history-unknown': () => 'excluded: only the last update is known and it came after the due time',
  late: (a) => `${a.label} ${over(a)}`,
  unanswered: (a) => `unanswered for ${over(a)}`,
  unresolved: (a) => `unresolved for ${over(a)}`,
  silent: (a) => `no agent update for ${over(a)}`,
  unrefunded: (a) => `not refunded after ${over(a)}`,
  'repair-late': (a) => `repair took ${over(a)}`,
  untouched: (a) => `untouched for ${over(a)}`,
  unassigned: (a) => `unassigned for ${over(a)}`,
  'abandoned-after': (a) => `abandoned after waiting ${over(a)}`,
  'missed-after': (a) => `missed after waiting ${over(a)}`,
  'no-update-before-due': (a) => `no agent update before the due time (${formatDuration(a.value ?? 0)} past due)`,
  // With a recorded wait (a call given up within the window), the wait is said.
  missed: (a) => waited('missed', a),
  abandoned: (a) => waited('abandoned', a),
  'bad-rating': (a) => (a.value === null ? 'bad rating' : `bad rating (${Math.round(a.value * 100)} %)`),
  detractor: (a) => `detractor (${a.value} of 10)`,
  passive: (a) => `passive (${a.value} of 10)`,
  matched: () => 'counts against the ceiling',
  reopened: (a) => `reopened ${a.n} time${a.n === 1 ? '' : 's'}`,
  'multi-touch': (a) => `${a.n} agent replies`,
  rejected: () => 'return rejected',
};

/** The sentence of an outcome (a breach's `reason`): every fact given, each code reads its own. */
export function outcomeReason(code: OutcomeCode, facts: OutcomeFacts): string {
  return OUTCOME_WORDS[code](facts);
}

/** A rule's group: `priority urgent, high · channel chat`; `other tickets` for the base group. */
export function describeGroup(when: GroupWhen | undefined): string {
  if (!when) return 'other tickets';
  const parts: string[] = [];
  if (when.priority?.length) parts.push(`priority ${when.priority.join(', ')}`);
  if (when.channel?.length) parts.push(`channel ${when.channel.join(', ')}`);
  return parts.join(' · ');
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
const groupSizes = (groups: NoteArgs['groups-not-judged']['groups']) => groups.map((g) => `${describeGroup(g.when)} ${g.eligible}`).join(', ');

/** A sentence for every note code. */
export type NoteWords = { [C in NoteCode]: (n: NoteOf<C>) => string };

const NOTE_WORDS: NoteWords = {
  'inputs-lack': (n) => `the inputs lack ${n.lacking.map((o) => o.join(' or ')).join(', ')}`,
  'none-decided': (n) => `no ticket decided yet (${n.pending} pending)`,
  'no-eligible': () => 'no eligible tickets',
  unsupported: (n) => `not computed on the ${n.engine} engine: ${n.reason} (run without --engine for this rule)`,
  'groups-below-sample': (n) => `every group has fewer eligible tickets than the gate's minimum sample of ${n.minSample} (${groupSizes(n.groups)})`,
  'groups-not-judged': (n) => `not judged, fewer eligible than the gate's minimum sample of ${n.minSample}: ${groupSizes(n.groups)}`,
  'below-sample': (n) => `${n.eligible} eligible, fewer than the gate's minimum sample of ${n.minSample}`,
  'vendor-column': (n) => `${n.count} of ${n.eligible} from the export's ${n.column} column (no timestamps)`,
  'trend-cut': (n) =>
    `trend: the latest ${n.weeks} weeks; ${n.earlier.toLocaleString('en-US')} eligible tickets of earlier weeks count in the figures, not in the trend`,
  nps: (n) => `NPS ${n.score} (promoters ${n.promoters}, detractors ${n.detractors}, rated ${n.rated})`,
  'unassigned-check-skipped': () => 'unassigned check skipped: the inputs have no agent column',
  'peak-hours': (n) =>
    n.configured
      ? `peak: the policy's ${n.hours} ${n.hours === 1 ? 'hour' : 'hours'} a week (${n.zone})`
      : `peak: the ${n.hours === 1 ? 'busiest hour' : `${n.hours} busiest hours`} of the week by volume (${n.zone})`,
  'no-off-peak-ratings': () => 'no off-peak ratings to compare with',
  'peak-csat': (n) => `peak CSAT ${pct(n.peak)} vs off-peak ${pct(n.offPeak)}${n.fails ? ` (gap > ${pct(n.maxGap)}: fail)` : ''}`,
  'peak-response': (n) =>
    `median first response at peak ${formatDuration(n.peak)} vs off-peak ${formatDuration(n.offPeak)}${n.fails ? ` (more than ${n.maxRatio}× slower: fail)` : ''}`,
};

/** The sentence of a note. */
export function noteText(n: NoteFinding): string {
  return (NOTE_WORDS[n.code] as (n: NoteFinding) => string)(n);
}

/** A breach as the report has it: its reason worded, in the report's key order. */
function breachReport({ id, value, code, facts, ...rest }: BreachFinding): Breach {
  return { id, value, reason: outcomeReason(code, facts), code, ...rest };
}

/**
 * A rule's result as the report has it: its notes and breaches worded, every key in the order the
 * findings have it (`explain --format json` writes the rule as it is).
 */
export function ruleResult(f: RuleFindings): RuleResult {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(f)) {
    if (key === 'notes') {
      if (f.notes.length > 0) out.note = f.notes.map(noteText).join('; ');
    } else if (key === 'breaches') out.breaches = f.breaches.map(breachReport);
    else out[key] = value;
  }
  return out as unknown as RuleResult;
}
