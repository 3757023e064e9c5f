// The problems of one input as the report lists them (docs/mapping.md "Problems"): the first ones in file order
// with their lines, and a total per code. Byte ranges read in parallel each keep their own list;
// mergeProblemLists() joins them into exactly the list one pass over the file gives.

import { StrictError } from './errors.js';
import type { ProblemCode, ProblemFinding, ProblemWithoutPlace } from './findings.js';
import type { OnceCap, ProblemSink } from './map/problems.js';
import { problemMessage } from './render/findings.js';

/** Problems kept per file in the report; totals per code are never capped. */
export const MAX_PROBLEMS_LISTED = 1000;

/** A problem reported once per distinct value (an unknown value word), and where it came. */
export interface OnceReport {
  key: string;
  code: ProblemCode;
  /** Its place among all the list's problems (0-based), listed or not. */
  ordinal: number;
  /** Reports capped per group and column (OnceCap): the group's key, the cap, the message past it. */
  group?: string;
  limit?: number;
  more?: ProblemWithoutPlace;
  /** The report that said the cap was passed. */
  overflow?: boolean;
}

/** Plain data, for crossing a worker boundary. */
export interface ProblemListState {
  listed: ProblemFinding[];
  counts: Partial<Record<ProblemCode, number>>;
  /** Ordinal of each code's first problem that is not a once-per-value report. */
  firstAt: Partial<Record<ProblemCode, number>>;
  once: OnceReport[];
}

export class ProblemList implements ProblemSink {
  readonly listed: ProblemFinding[] = [];
  readonly counts: Partial<Record<ProblemCode, number>> = {};
  readonly firstAt: Partial<Record<ProblemCode, number>> = {};
  readonly once: OnceReport[] = [];
  total = 0;
  private cap = MAX_PROBLEMS_LISTED;
  /** Listing stopped: `listed` stays a prefix of all problems. */
  private full = false;

  constructor(
    private readonly path: string,
    private readonly strict: boolean,
  ) {}

  add(p: ProblemFinding, onceKey?: string, cap?: OnceCap): void {
    if (this.strict) {
      throw new StrictError(`${this.path}, line ${p.line}: ${problemMessage(p)} (--strict turns every problem into an error).`, this.path, 'strict');
    }
    if (onceKey !== undefined || cap !== undefined) {
      const report: OnceReport = { key: `${p.code}\u0000${p.column ?? ''}\u0000${onceKey ?? ''}`, code: p.code, ordinal: this.total };
      if (cap) {
        report.group = `${p.code}\u0000${p.column ?? ''}\u0000${cap.group}`;
        report.limit = cap.limit;
        report.more = cap.more;
        if (cap.overflow) report.overflow = true;
      }
      this.once.push(report);
      // A merge may drop it as a repeat of an earlier part's: list one more so that the first
      // MAX_PROBLEMS_LISTED survive.
      this.cap++;
    } else if (this.firstAt[p.code] === undefined) this.firstAt[p.code] = this.total;
    this.total++;
    this.counts[p.code] = (this.counts[p.code] ?? 0) + 1;
    if (this.full) return;
    if (this.listed.length < this.cap) this.listed.push(p);
    else this.full = true;
  }

  /**
   * A problem found after reading (an outlier timestamp, known once every timestamp is read): put
   * in its place by line among the listed ones, as if it had been found while reading.
   */
  insert(p: ProblemFinding): void {
    if (this.strict) this.add(p);
    if (this.firstAt[p.code] === undefined) this.firstAt[p.code] = this.total;
    this.total++;
    this.counts[p.code] = (this.counts[p.code] ?? 0) + 1;
    let at = this.listed.length;
    while (at > 0 && this.listed[at - 1].line > p.line) at--;
    if (at === this.listed.length && this.full) return;
    this.listed.splice(at, 0, p);
    if (this.listed.length > this.cap) {
      this.listed.pop();
      this.full = true;
    }
  }

  /** The problems the report lists: the first MAX_PROBLEMS_LISTED. */
  shown(): ProblemFinding[] {
    return this.listed.length > MAX_PROBLEMS_LISTED ? this.listed.slice(0, MAX_PROBLEMS_LISTED) : this.listed;
  }

  state(): ProblemListState {
    return { listed: this.listed, counts: this.counts, firstAt: this.firstAt, once: this.once };
  }
}

/**
 * The lists of consecutive parts of one file (in file order) as one list: lines moved by each
 * part's line offset, repeats of once-per-value problems dropped (the earlier part reported the
 * value), the first MAX_PROBLEMS_LISTED kept, and codes counted in order of first appearance.
 * Capped reports (OnceCap) are capped again over the whole file: the report of the first value
 * past a group's cap becomes the one saying so, and the rest are dropped. A part reports its
 * first `limit` distinct values, which always include the ones one pass would report there: the
 * values it shares with earlier parts are at most the ones those parts reported.
 */
export function mergeProblemLists(parts: { state: ProblemListState; lineOffset: number }[], into: ProblemList): void {
  const seen = new Set<string>();
  const groups = new Map<string, { count: number; overflowed: boolean }>();
  for (const { state, lineOffset } of parts) {
    const dropped = new Set<number>();
    const renamed = new Map<number, ProblemWithoutPlace>();
    const firsts: Partial<Record<ProblemCode, number>> = { ...state.firstAt };
    const droppedPerCode: Partial<Record<ProblemCode, number>> = {};
    const drop = (r: OnceReport) => {
      dropped.add(r.ordinal);
      droppedPerCode[r.code] = (droppedPerCode[r.code] ?? 0) + 1;
    };
    for (const r of state.once) {
      const group = r.group === undefined ? undefined : (groups.get(r.group) ?? groups.set(r.group, { count: 0, overflowed: false }).get(r.group)!);
      if (r.overflow) {
        if (group!.overflowed) {
          drop(r);
          continue;
        }
        group!.overflowed = true;
      } else {
        if (seen.has(r.key) || group?.overflowed) {
          drop(r);
          continue;
        }
        seen.add(r.key);
        if (group && group.count >= r.limit!) {
          // The first value past the cap over the whole file: one pass said "more than …" here.
          group.overflowed = true;
          renamed.set(r.ordinal, r.more!);
        } else if (group) group.count++;
      }
      if (!(r.ordinal >= (firsts[r.code] ?? Infinity))) firsts[r.code] = r.ordinal;
    }
    // A listed problem's ordinal is its index: the list is a prefix of all the part's problems.
    state.listed.forEach((p, ordinal) => {
      if (dropped.has(ordinal) || into.listed.length >= MAX_PROBLEMS_LISTED) return;
      const more = renamed.get(ordinal);
      into.listed.push(more === undefined ? { ...p, line: p.line + lineOffset } : ({ ...more, line: p.line + lineOffset, column: p.column } as ProblemFinding));
    });
    const codes = (Object.keys(firsts) as ProblemCode[]).sort((a, b) => firsts[a]! - firsts[b]!);
    for (const code of codes) into.counts[code] = (into.counts[code] ?? 0) + state.counts[code]! - (droppedPerCode[code] ?? 0);
    into.total += Object.values(state.counts).reduce((a, b) => a + b!, 0) - dropped.size;
  }
}
