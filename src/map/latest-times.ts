// The latest event timestamps of an audit, for its as_of (docs/timestamps.md "as_of"). as_of is the
// latest timestamp in the data that is not an outlier: a lone timestamp far beyond the rest (one
// mistyped year must not turn every open ticket into a seven-year breach). The rule only looks at
// the OUTLIER_SLOTS latest timestamps, so it is decided from a small table kept while reading:
//
// - the latest timestamps, each with where it came from (to report an outlier with its line);
// - `floor`, the largest timestamp pushed out of that table: it has OUTLIER_SLOTS timestamps at or
//   after it, so it can never be an outlier and as_of is at or after it (a floor that settles
//   outcomes early without ever being raised by an outlier);
// - the earliest timestamp and the count, for the rule's "rest of the data".
//
// A row with a timestamp in the table may be an outlier's row: its owner (the ticket being mapped)
// is told when its last entry leaves the table, so that the ticket can be held until then.

const DAY = 86_400_000;

/** At most this many timestamps are outliers; the table keeps this many of the latest. */
export const OUTLIER_SLOTS = 16;
/** A gap this long after the rest always makes the timestamps beyond it outliers… */
const FAR_GAP = 365 * DAY;
/** …a gap longer than the rest's own span does when it is at least this long. */
const NEAR_GAP = 30 * DAY;

export interface TimeEntry {
  value: number;
  /** Input index, line and column header of the cell. */
  file: number;
  line: number;
  column: string;
  /** The row that wrote it (LatestTimes.startRow), or -1. */
  owner: number;
}

/** Plain data, for crossing a worker boundary and merging. */
export interface LatestTimesState {
  top: TimeEntry[];
  floor: number;
  min: number;
  count: number;
}

export interface AsOfDecision {
  /** The latest timestamp that is not an outlier; null when the data has none. */
  asOf: number | null;
  /** Timestamps beyond as_of, latest first. */
  outliers: TimeEntry[];
}

export class LatestTimes {
  /** Latest first; ties keep the entry that came first. */
  private top: TimeEntry[] = [];
  floor = -Infinity;
  private min = Infinity;
  private count = 0;
  private row = -1;
  private next = 0;
  /** Entries in `top` per owner row. */
  private readonly owned = new Map<number, number>();

  /** Told when an owner row's last entry leaves the table (it holds no outlier candidate any more). */
  onRelease: (owner: number) => void = () => {};

  /**
   * The timestamps noted from now on belong to a new row; returns its token. `owned` false: a row
   * whose timestamps hold nothing back (a message: every one waits for the end anyway).
   */
  startRow(owned = true): number {
    return (this.row = owned ? this.next++ : -1);
  }

  /** The current row's token (-1: none). */
  get currentRow(): number {
    return this.row;
  }

  /** Whether the current row has a timestamp in the table (its ticket must wait for the decision). */
  rowHeld(): boolean {
    return this.row >= 0 && this.owned.has(this.row);
  }

  note(value: number, file: number, line: number, column: string): void {
    this.count++;
    if (value < this.min) this.min = value;
    const top = this.top;
    if (top.length === OUTLIER_SLOTS && !(value > top[OUTLIER_SLOTS - 1].value)) {
      if (value > this.floor) this.floor = value;
      return;
    }
    this.insert({ value, file, line, column, owner: this.row });
  }

  private insert(entry: TimeEntry): void {
    const top = this.top;
    let at = top.length;
    while (at > 0 && top[at - 1].value < entry.value) at--;
    top.splice(at, 0, entry);
    if (entry.owner >= 0) this.owned.set(entry.owner, (this.owned.get(entry.owner) ?? 0) + 1);
    if (top.length > OUTLIER_SLOTS) this.evict(top.pop()!);
  }

  private evict(entry: TimeEntry): void {
    if (entry.value > this.floor) this.floor = entry.value;
    if (entry.owner < 0) return;
    const left = this.owned.get(entry.owner)! - 1;
    if (left > 0) this.owned.set(entry.owner, left);
    else {
      this.owned.delete(entry.owner);
      this.onRelease(entry.owner);
    }
  }

  /** Whether a row still has a timestamp in the table. */
  holds(owner: number): boolean {
    return this.owned.has(owner);
  }

  state(): LatestTimesState {
    return { top: this.top, floor: this.floor, min: this.min, count: this.count };
  }

  /**
   * Adds another part's table (a byte range read elsewhere, its lines moved by `lineOffset`). Its
   * owners become `ownerOf(owner)` here (-1: none); an owner none of whose entries made it into
   * this table is not told (the caller asks `holds`).
   */
  absorb(other: LatestTimesState, lineOffset = 0, ownerOf: (owner: number) => number = () => -1): void {
    this.count += other.count;
    if (other.min < this.min) this.min = other.min;
    if (other.floor > this.floor) this.floor = other.floor;
    for (const e of other.top) {
      if (this.top.length === OUTLIER_SLOTS && !(e.value > this.top[OUTLIER_SLOTS - 1].value)) {
        if (e.value > this.floor) this.floor = e.value;
      } else this.insert({ ...e, line: e.line + lineOffset, owner: e.owner < 0 ? -1 : ownerOf(e.owner) });
    }
  }

  /**
   * The outlier rule: walking down the latest timestamps, the ones above a gap are outliers when
   * the gap is longer than FAR_GAP, or longer than both NEAR_GAP and the span of the data below it;
   * at most OUTLIER_SLOTS of them and at most a quarter of all timestamps. The deepest such gap wins.
   */
  decide(): AsOfDecision {
    const values = this.top.map((e) => e.value);
    if (this.floor > -Infinity) values.push(this.floor);
    if (values.length === 0) return { asOf: null, outliers: [] };
    let cut = 0;
    for (let i = 1; i < values.length && i <= OUTLIER_SLOTS; i++) {
      const gap = values[i - 1] - values[i];
      const threshold = Math.max(NEAR_GAP, Math.min(FAR_GAP, values[i] - this.min));
      if (gap > threshold && 4 * i <= this.count) cut = i;
    }
    return { asOf: values[cut], outliers: this.top.slice(0, cut) };
  }
}
