// Which tickets the audit judges, and as what (docs/reading.md "One ticket, several rows"): every
// mapped ticket passes through here on its way to the scorecard. Three things can hold it back:
//
// - copies: the same id in several inputs (overlapping weekly exports) or twice in one is one
//   ticket, and the newest copy wins. A copy is only seen after the first one was judged, so a
//   first reading (`copiesOf` unset) only finds the ids that have copies; the audit then reads the
//   tickets again with `copiesOf` set, holding every copy of those ids until the end (memory in
//   proportion to the copies, not to the tickets).
// - as_of: with as_of known, a ticket is taken as it stood then (at-as-of.ts); with as_of still to
//   come from the data, a ticket with one of the latest timestamps (a possible outlier, see
//   map/latest-times.ts) waits until that timestamp is known to be no outlier, or until the end.
// - the join: a ticket whose id a message export also has waits for its conversation (join.ts).

import { countInput } from './per-input.js';
import type { IdSetState } from '../map/id-set.js';
import { IdSet } from '../map/id-set.js';
import type { LatestTimes, LatestTimesState } from '../map/latest-times.js';
import type { Ticket } from '../types.js';
import { atAsOf } from './at-as-of.js';

export interface IntakeOptions {
  /** as_of when known before reading (`--as-of`, or a second reading). */
  asOf?: number;
  /** Second reading: the ids that have copies; their copies are held and the newest kept. */
  copiesOf?: ReadonlySet<string>;
  /** Ids of conversations from message exports: their ticket rows wait to be joined. */
  joinIds?: ReadonlySet<string>;
}

/** Per input: rows set aside, by why. */
export interface IntakeCounts {
  /** Older copies replaced by a newer copy of the same ticket. */
  replaced: number[];
  /** Tickets created after as_of (not audited). */
  afterAsOf: number[];
}

/** Plain data of a part's intake (a byte range read elsewhere), for merging into the audit's. */
export interface IntakeState {
  ids: IdSetState | null;
  copied: string[];
  held: { owner: number; ticket: Ticket }[];
  copies: Ticket[];
  replaced: number[];
  afterAsOf: number[];
}

/** Whether `a` is a newer copy than `b`: the later updated_at when both have one and they differ, else the later input, then line. */
export function newerCopy(a: Ticket, b: Ticket): boolean {
  if (a.updated_at !== undefined && b.updated_at !== undefined && a.updated_at !== b.updated_at) return a.updated_at > b.updated_at;
  return a.file !== b.file ? a.file > b.file : a.line > b.line;
}

export class Intake {
  /** First reading: ids seen, and those seen again. */
  private readonly seen: IdSet | null;
  readonly copied = new Set<string>();
  /** Second reading: the newest copy so far per id. */
  private readonly copies = new Map<string, Ticket>();
  /** Tickets waiting for as_of, by their row in `times`. */
  private readonly held = new Map<number, Ticket>();
  /** Ticket rows waiting for their conversation. */
  readonly joining = new Map<string, Ticket>();
  readonly counts: IntakeCounts = { replaced: [], afterAsOf: [] };

  constructor(
    private readonly opts: IntakeOptions,
    private readonly times: LatestTimes,
    private readonly sink: (t: Ticket) => void,
  ) {
    this.seen = opts.copiesOf ? null : new IdSet();
    times.onRelease = (owner) => {
      const t = this.held.get(owner);
      if (t === undefined) return;
      this.held.delete(owner);
      this.pass(t);
    };
  }

  /** Whether ticket rows may wait for a conversation (message exports are read too). */
  get joins(): boolean {
    return this.opts.joinIds !== undefined;
  }

  get joinIds(): ReadonlySet<string> | undefined {
    return this.opts.joinIds;
  }

  /** The second reading's ids with copies (for a part read elsewhere). */
  get copiesOf(): ReadonlySet<string> | undefined {
    return this.opts.copiesOf;
  }

  /** A ticket just mapped (the latest row `times` was told of). */
  offer(t: Ticket): void {
    const asOf = this.opts.asOf;
    if (this.opts.copiesOf?.has(t.id)) {
      const kept = this.copies.get(t.id);
      if (kept === undefined) this.copies.set(t.id, t);
      else if (newerCopy(t, kept)) {
        this.copies.set(t.id, t);
        countInput(this.counts.replaced, kept.file);
      } else countInput(this.counts.replaced, t.file);
      return;
    }
    if (this.seen !== null) {
      if (this.seen.has(t.id)) {
        this.copied.add(t.id);
        return;
      }
      this.seen.add(t.id);
      // Once a copy is found, this reading is only looking for the others: nothing is judged.
      if (this.copied.size > 0) return;
    }
    if (asOf !== undefined) {
      if (!atAsOf(t, asOf)) return countInput(this.counts.afterAsOf, t.file);
    } else if (this.times.rowHeld()) {
      this.held.set(this.times.currentRow, t);
      return;
    }
    this.pass(t);
  }

  private pass(t: Ticket): void {
    if (this.opts.joinIds?.has(t.id)) this.joining.set(t.id, t);
    else this.sink(t);
  }

  /**
   * At the end of reading, with as_of decided: the held tickets and the newest copies, as they
   * stood at as_of, in input and line order (the join's rows stay in `joining`).
   */
  finish(asOf: number | null): void {
    const rest = [...this.held.values(), ...this.copies.values()].sort((a, b) => a.file - b.file || a.line - b.line);
    this.held.clear();
    this.copies.clear();
    for (const t of rest) {
      if (asOf !== null && !atAsOf(t, asOf)) countInput(this.counts.afterAsOf, t.file);
      else this.pass(t);
    }
  }

  state(): IntakeState {
    return {
      ids: this.seen?.toState() ?? null,
      copied: [...this.copied],
      held: [...this.held].map(([owner, ticket]) => ({ owner, ticket })),
      copies: [...this.copies.values()],
      replaced: this.counts.replaced,
      afterAsOf: this.counts.afterAsOf,
    };
  }

  /**
   * Adds a part's intake and latest-times table: its copies found (also across parts), its held
   * tickets (still held while a timestamp of theirs is among the latest here), its newest copies.
   * `lineOffset` moves its lines to the file's.
   */
  absorb(part: IntakeState, times: LatestTimesState, lineOffset: number): void {
    const owners = new Map<number, number>();
    this.times.absorb(times, lineOffset, (owner) => {
      let mine = owners.get(owner);
      if (mine === undefined) owners.set(owner, (mine = this.times.startRow()));
      return mine;
    });
    if (part.ids !== null && this.seen !== null) {
      for (const id of this.seen.common(part.ids)) this.copied.add(id);
      this.seen.addAll(part.ids);
    }
    for (const id of part.copied) this.copied.add(id);
    part.replaced.forEach((n, file) => countInput(this.counts.replaced, file, n));
    part.afterAsOf.forEach((n, file) => countInput(this.counts.afterAsOf, file, n));
    for (const { owner, ticket } of part.held) {
      ticket.line += lineOffset;
      const mine = owners.get(owner);
      if (mine !== undefined && this.times.holds(mine)) this.held.set(mine, ticket);
      else this.pass(ticket);
    }
    for (const t of part.copies) {
      t.line += lineOffset;
      this.offer(t);
    }
  }
}
