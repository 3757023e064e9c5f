// Where the mapping stage puts what it finds wrong with the data (DESIGN §8): every problem is a
// record with a stable code, a line, a column and its arguments (findings.ts), never a silent drop.

import type { ProblemFinding, ProblemWithoutPlace } from '../findings.js';

/**
 * A problem reported once per value, of which at most `limit` distinct ones per `group` (and
 * column) are listed; the report past them is the one marked `overflow` (message `more`).
 * Parallel reading needs to know, to merge the parts into what one pass gives.
 */
export interface OnceCap {
  group: string;
  limit: number;
  /** What the first report past the cap says instead (the same code). */
  more: ProblemWithoutPlace;
  overflow?: boolean;
}

export interface ProblemSink {
  /** `onceKey`: the problem is reported once per this value (what parallel reading must not repeat). */
  add(p: ProblemFinding, onceKey?: string, cap?: OnceCap): void;
}
