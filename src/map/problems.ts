// Where the mapping stage puts what it finds wrong with the data (DESIGN §8): every problem is a
// record with a stable code, a line and a column, never a silent drop.

import type { Problem } from '../types.js';

/**
 * A problem reported once per value, of which at most `limit` distinct ones per `group` (and
 * column) are listed; the report past them is the one marked `overflow` (message `more`).
 * Parallel reading needs to know, to merge the parts into what one pass gives.
 */
export interface OnceCap {
  group: string;
  limit: number;
  more: string;
  overflow?: boolean;
}

export interface ProblemSink {
  /** `onceKey`: the problem is reported once per this value (what parallel reading must not repeat). */
  add(p: Problem, onceKey?: string, cap?: OnceCap): void;
}

/** Shortens a cell for a problem message (a long or multi-line value must not flood the report). */
export function quote(text: string): string {
  const flat = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `'${flat.replace(/[\r\n\t]+/g, ' ')}'`;
}
