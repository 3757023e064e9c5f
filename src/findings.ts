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
