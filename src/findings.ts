// Findings as data: what the stages find wrong with a record (a problem) is a stable code with
// the numbers and text that explain it, never a sentence. Sentences are made from these in one
// table, src/render/findings.ts, which the compiler checks against every code here.

import type { Encoding } from './read/decode.js';

/**
 * The most of a cell's text a finding keeps: a problem must not hold a whole 1 MB cell. One more
 * than the 60 characters a message quotes, so that the message can still tell a longer cell
 * (which it cuts to 57 and `...`) from one of exactly 60.
 */
export const CELL_TEXT_KEPT = 61;

/** A cell's text as a finding keeps it (CELL_TEXT_KEPT). */
export function cellText(text: string): string {
  return text.length > CELL_TEXT_KEPT ? text.slice(0, CELL_TEXT_KEPT) : text;
}

/** Each problem code with its arguments (`text`: a cell, as cellText keeps it). */
export interface ProblemArgs {
  'bad-timestamp': { text: string; why: 'unreadable' | 'order-unknown-in-other-layout' };
  'bad-duration': { text: string };
  /** `read`: what a number with digit grouping was read as; without it, the cell is not a count. */
  'bad-number': { text: string; read?: number };
  'negative-duration': { why: 'negative'; text: string } | { why: 'before-creation'; field: string };
  /** `value`: the outlier (ms), `latest`: the latest other timestamp, both shown in `zone`. */
  'outlier-timestamp': { value: number; latest: number; zone: string };
  'missing-id': Record<never, never>;
  'missing-created-at': { id: string };
  'ragged-row': { cells: number; width: number };
  'excel-scientific-id': { text: string };
  'excel-grouped-id': { text: string; digits: string };
  'excel-reformatted-date': { text: string; layout: 'ISO' | 'Jira' | 'day/month' | 'Excel serial' };
  'ambiguous-timestamp': { why: 'order-unknown'; text: string } | { why: 'dst-overlap'; text: string; zone: string };
  'nonexistent-local-time': { text: string; zone: string };
  /** `kind`: the value kind (`channel`, `author_role`, …); `beyond`: the cap of distinct values listed, passed. */
  'unknown-value': { kind: string; text: string } | { kind: string; beyond: number } | { kind: 'author_role'; none: true };
  'empty-row': Record<never, never>;
  'orphan-message': Record<never, never>;
  /** `positions`: the 1-based columns of that name, the one read first. */
  'duplicate-column': { name: string; positions: number[]; field: string };
  'undecodable-bytes': { encoding: Encoding };
  'mixed-encoding': { encoding: Encoding };
  /** `length`: the id's characters; `kept`: the shortened id it is kept as. */
  'long-id': { length: number; kept: string };
}

export type ProblemCode = keyof ProblemArgs;

/** Every problem code, in the order docs/bad-input.md lists them (the report schema's enum). */
export const PROBLEM_CODES = [
  'bad-timestamp',
  'bad-duration',
  'bad-number',
  'negative-duration',
  'outlier-timestamp',
  'missing-id',
  'missing-created-at',
  'ragged-row',
  'excel-scientific-id',
  'excel-grouped-id',
  'excel-reformatted-date',
  'ambiguous-timestamp',
  'nonexistent-local-time',
  'unknown-value',
  'empty-row',
  'orphan-message',
  'duplicate-column',
  'undecodable-bytes',
  'mixed-encoding',
  'long-id',
] as const satisfies readonly ProblemCode[];
// The list names every code: a code added to ProblemArgs without it does not build.
const everyCode: [Exclude<ProblemCode, (typeof PROBLEM_CODES)[number]>] extends [never] ? true : false = true;
void everyCode;

/** One problem with one record. `line` is 1-based in the file (the header is line 1). */
export type ProblemFinding = {
  [C in ProblemCode]: {
    code: C;
    line: number;
    /** The source column's header as written in the file, when the problem is about one field. */
    column?: string;
  } & ProblemArgs[C];
}[ProblemCode];

/** A problem finding of one code. */
export type ProblemOf<C extends ProblemCode> = Extract<ProblemFinding, { code: C }>;

/** A problem's arguments without its place (what a capped report turns into past its cap). */
export type ProblemWithoutPlace = ProblemFinding extends infer P ? (P extends ProblemFinding ? Omit<P, 'line' | 'column'> : never) : never;

/** A clock's kind, as outcomes name it: `31h12m (calendar) > 24h`. */
export type ClockKind = 'calendar' | 'business';

/**
 * What a judge may record with an outcome (rules/verdict.ts keeps these in one reused object per
 * scorecard, not an object per ticket): each code reads the ones OUTCOME_ARGS names.
 */
export interface OutcomeFacts {
  /** ms for durations, a plain number for ratings and counts, null for yes/no outcomes. */
  value: number | null;
  /** The window the value was compared against (ms), NaN when none. */
  limit: number;
  /** A count (reopens, agent replies), NaN when none. */
  n: number;
  /** What the rule measures ("first response"): its definition's label. */
  label: string;
  clock: ClockKind;
}

type Duration = 'value' | 'limit' | 'clock';

/** Each outcome code with the facts its wording reads. */
interface OutcomeArgKeys {
  // Met, or nothing to judge: what an outcome code says when it is not a breach.
  within: never;
  waiting: never;
  open: never;
  tidy: never;
  kept: never;
  'not-due': never;
  answered: never;
  approved: never;
  'good-rating': never;
  promoter: 'value';
  'not-matched': never;
  'not-reopened': never;
  'one-touch': 'n';
  'updated-before-due': never;
  unrated: never;
  'no-due-time': never;
  'no-return': never;
  'not-approved-return': never;
  'outside-return-window': never;
  'no-wait-time': never;
  'no-reply-count': never;
  'no-agent-update': never;
  'single-update': never;
  'no-answered-message': never;
  'not-open': never;
  // Excluded: kept out of the sample, with the reason counted.
  outbound: never;
  'closed-without-reply': never;
  'no-customer-message': never;
  'no-response-time': never;
  'no-resolution-time': never;
  'no-requester-wait': never;
  'no-reopen-count': never;
  'no-order-date': never;
  'short-abandon': never;
  'update-history-unknown': never;
  // Breached.
  late: Duration | 'label';
  unanswered: Duration;
  unresolved: Duration;
  silent: Duration;
  unrefunded: Duration;
  'repair-late': Duration;
  untouched: Duration;
  unassigned: Duration;
  'abandoned-after': Duration;
  'missed-after': Duration;
  /** `value`: how long past the due time (ms). */
  'no-update-before-due': 'value';
  /** `value`: the wait (ms) when one is recorded, else null. */
  missed: 'value';
  abandoned: 'value';
  /** `value`: the normalised score 0–1, or null. */
  'bad-rating': 'value';
  /** `value`: the 0–10 answer. */
  detractor: 'value';
  passive: 'value';
  matched: never;
  reopened: 'n';
  'multi-touch': 'n';
  rejected: never;
}

export type OutcomeCode = keyof OutcomeArgKeys;

/** The facts an outcome code's wording reads. */
export type OutcomeArgs<C extends OutcomeCode> = Pick<OutcomeFacts, OutcomeArgKeys[C]>;

/** A rule's group as notes name it: an override's condition, or none for the base group. */
export interface GroupWhen {
  priority?: readonly string[];
  channel?: readonly string[];
}

/** Each note code (a remark on a rule's result, the report's `note`) with its arguments. */
export interface NoteArgs {
  /** The needs the inputs cannot meet: each a field, or alternatives of which none is there. */
  'inputs-lack': { lacking: string[][] };
  'none-decided': { pending: number };
  'no-eligible': Record<never, never>;
  /** A SQL engine cannot compute the rule exactly (`reason`), so it computes nothing for it. */
  unsupported: { engine: string; reason: string };
  /** Every group under the gate's minimum sample; `groups`: each with its eligible tickets. */
  'groups-below-sample': { minSample: number; groups: { when?: GroupWhen; eligible: number }[] };
  'groups-not-judged': { minSample: number; groups: { when?: GroupWhen; eligible: number }[] };
  'below-sample': { eligible: number; minSample: number };
  /** `count` of `eligible` judged from the export's own duration `column`. */
  'vendor-column': { count: number; eligible: number; column: string };
  'trend-cut': { weeks: number; earlier: number };
  nps: { score: number; promoters: number; detractors: number; rated: number };
  'unassigned-check-skipped': Record<never, never>;
  /** `configured`: the policy's hours, else the busiest by volume. */
  'peak-hours': { hours: number; configured: boolean; zone: string };
  'no-off-peak-ratings': Record<never, never>;
  /** Shares 0–1; `fails`: the gap is over `maxGap`. */
  'peak-csat': { peak: number; offPeak: number; maxGap: number; fails: boolean };
  /** Medians in ms; `fails`: more than `maxRatio` times slower. */
  'peak-response': { peak: number; offPeak: number; maxRatio: number; fails: boolean };
}

export type NoteCode = keyof NoteArgs;

export type NoteFinding = { [C in NoteCode]: { code: C } & NoteArgs[C] }[NoteCode];

export type NoteOf<C extends NoteCode> = Extract<NoteFinding, { code: C }>;
