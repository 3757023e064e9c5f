// The open time of a schedule laid out as one sorted run of UTC segments over a range of local
// days, with the open time before each segment summed up front. Any `elapsed` is then two lookups
// and a subtraction, whatever the span: the day holding an instant is found by arithmetic (days
// are 23–25 h long), then a scan of that day's few segments. The range grows by doubling, so a
// whole audit rebuilds it only a handful of times; each day's segments are computed once.

import { DAY } from './business-calendar.js';
import type { BusinessDay } from './business-day.js';

const MIN_PAD_DAYS = 64;

export class BusinessTimeline {
  private readonly days = new Map<number, BusinessDay>();
  /** Day number of the first day in the range; `count` days follow it. */
  private first = 0;
  private count = 0;
  /** Start instant of each day of the range, plus the end of the last one (count + 1 entries). */
  private bounds = new Float64Array(1);
  /** Index of each day's first segment in starts/ends (count + 1 entries). */
  private firstSegment = new Int32Array(1);
  private starts = new Float64Array(0);
  private ends = new Float64Array(0);
  /** Open ms of the range before segment k (one more entry than segments). */
  private openUntil = new Float64Array(1);

  constructor(
    private readonly dayOf: (day: number) => BusinessDay,
    private readonly minDay: number,
    private readonly maxDay: number,
  ) {}

  /** Open ms in the range before instant `t` (which `cover` must have brought into the range). */
  openBefore(t: number): number {
    const i = this.dayIndex(t);
    const end = this.firstSegment[i + 1];
    for (let k = this.firstSegment[i]; k < end; k++) {
      if (t <= this.starts[k]) return this.openUntil[k];
      if (t < this.ends[k]) return this.openUntil[k] + (t - this.starts[k]);
    }
    return this.openUntil[end];
  }

  isOpenAt(t: number): boolean {
    const i = this.dayIndex(t);
    const end = this.firstSegment[i + 1];
    for (let k = this.firstSegment[i]; k < end; k++) {
      if (t < this.starts[k]) return false;
      if (t < this.ends[k]) return true;
    }
    return false;
  }

  /**
   * The open segments that overlap `[from, to)`, whole, as flat `[start, end)` pairs in order
   * (`cover` must have brought both into the range): the schedule table of the SQL engines.
   */
  segmentsOverlapping(from: number, to: number): number[] {
    const pairs: number[] = [];
    for (let k = this.firstSegment[this.dayIndex(from)]; k < this.starts.length && this.starts[k] < to; k++) {
      if (this.ends[k] > from) pairs.push(this.starts[k], this.ends[k]);
    }
    return pairs;
  }

  /** Make sure the range holds `t` (an instant inside the supported years). */
  cover(t: number): void {
    while (this.count === 0 || t < this.bounds[0] || t >= this.bounds[this.count]) this.grow(t);
  }

  private dayIndex(t: number): number {
    const last = this.count - 1;
    let i = Math.floor((t - this.bounds[0]) / DAY);
    if (i < 0) i = 0;
    else if (i > last) i = last;
    while (i > 0 && t < this.bounds[i]) i--;
    while (i < last && t >= this.bounds[i + 1]) i++;
    return i;
  }

  private day(day: number): BusinessDay {
    let d = this.days.get(day);
    if (!d) {
      d = this.dayOf(day);
      this.days.set(day, d);
    }
    return d;
  }

  private grow(t: number): void {
    // The local date of an instant is its UTC date ±1 (offsets stay within ±14 h).
    const utcDay = Math.floor(t / DAY);
    let first = utcDay - 2;
    let end = utcDay + 3;
    const pad = Math.max(MIN_PAD_DAYS, this.count);
    if (this.count > 0) {
      first = first < this.first ? first - pad : this.first;
      end = end > this.first + this.count ? end + pad : this.first + this.count;
    } else {
      first -= pad;
      end += pad;
    }
    this.build(Math.max(first, this.minDay), Math.min(end, this.maxDay));
  }

  private build(first: number, end: number): void {
    const count = end - first;
    const bounds = new Float64Array(count + 1);
    // A day starts at its local midnight. Only a version switch to a zone far east could put a
    // midnight before the previous one; then the later midnight wins so days never overlap.
    let previous = this.day(first - 1).midnight;
    for (let i = 0; i <= count; i++) {
      const midnight = this.day(first + i).midnight;
      let b = Math.max(midnight, previous);
      if (i > 0 && b < bounds[i - 1]) b = bounds[i - 1];
      bounds[i] = b;
      previous = midnight;
    }
    const starts: number[] = [];
    const ends: number[] = [];
    const firstSegment = new Int32Array(count + 1);
    for (let i = 0; i < count; i++) {
      firstSegment[i] = starts.length;
      const segments = this.day(first + i).segments;
      for (let k = 0; k < segments.length; k += 2) {
        // Clipped to the day: a boundary pushed past midnight by a DST gap stays in its own day.
        const s = Math.max(segments[k], bounds[i]);
        const e = Math.min(segments[k + 1], bounds[i + 1]);
        if (e > s) {
          starts.push(s);
          ends.push(e);
        }
      }
    }
    firstSegment[count] = starts.length;
    const openUntil = new Float64Array(starts.length + 1);
    for (let k = 0; k < starts.length; k++) openUntil[k + 1] = openUntil[k] + (ends[k] - starts[k]);
    this.first = first;
    this.count = count;
    this.bounds = bounds;
    this.firstSegment = firstSegment;
    this.starts = Float64Array.from(starts);
    this.ends = Float64Array.from(ends);
    this.openUntil = openUntil;
  }
}
