// One file's timestamp columns as the mapper reads them: the file's layout (settled once for
// `auto`), the zone for wall times, and every way a value can go wrong turned into a problem:
// unreadable (`bad-timestamp`), in another layout than the file's as after an Excel round trip
// (`excel-reformatted-date`, read when unambiguous), day/month undecidable (`ambiguous-timestamp`),
// a wall time in a DST gap (`nonexistent-local-time`) or overlap (`ambiguous-timestamp`).

import type { TimestampFormat } from './preset.js';
import { cellText } from '../findings.js';
import type { ProblemSink } from './problems.js';
import { readInstant, shapeOf, WallClock, type SettledFormat } from './time.js';
import { scan, scanExcelSerial, scanIso, scanJira, scanSlash } from './time-scan.js';

export interface TimestampReaderOptions {
  format: TimestampFormat;
  zone: string;
  /** Day/month order from the flag, the policy or the preset; settles slash dates without looking. */
  dateOrder?: 'DMY' | 'MDY';
}

export interface TimestampReaderState {
  format: SettledFormat | 'slash' | undefined;
  dayFirst: boolean;
}

export class TimestampReader {
  /** The file's layout: undefined until the first value for `auto`; `slash` while the day order is open. */
  private format: SettledFormat | 'slash' | undefined;
  private dayFirst: boolean;
  private readonly clock: WallClock;
  private gap = false;
  private overlap = false;

  constructor(private readonly opts: TimestampReaderOptions) {
    this.format = opts.format === 'auto' ? undefined : opts.format;
    this.dayFirst = opts.dateOrder ? opts.dateOrder === 'DMY' : opts.format === 'dmy';
    this.clock = new WallClock(
      opts.zone,
      () => (this.gap = true),
      () => (this.overlap = true),
    );
  }

  /** Timestamps read as wall times in the zone (written without an offset). */
  get wallTimes(): number {
    return this.clock.walls;
  }

  /** The layout in use (for `inspect`), `auto` until settled. */
  get settled(): TimestampFormat {
    return this.format === undefined || this.format === 'slash' ? 'auto' : this.format;
  }

  /** The layout as settled so far (plain data), to start another reader where this one is. */
  get state(): TimestampReaderState {
    return { format: this.format, dayFirst: this.dayFirst };
  }

  /** Settled for good: no later value can change how values read (an open day order can). */
  get final(): boolean {
    return this.format !== undefined && this.format !== 'slash';
  }

  adopt(state: TimestampReaderState): void {
    this.format = state.format;
    this.dayFirst = state.dayFirst;
  }

  /** Instant of a non-empty, trimmed cell; NaN after adding the problem to the sink. */
  read(text: string, line: number, column: string, sink: ProblemSink): number {
    if (this.format === undefined && !this.settle(text)) {
      sink.add({ code: 'bad-timestamp', line, column, why: 'unreadable', text: cellText(text) });
      return NaN;
    }
    if (this.format === 'slash') return this.readOpenOrder(text, line, column, sink);
    const v = readInstant(this.format!, this.dayFirst, this.clock, text);
    if (v === v) return this.checked(v, text, line, column, sink);
    return this.fallback(text, line, column, sink);
  }

  /** `auto`: the first value that reads decides the layout of the whole file. */
  private settle(text: string): boolean {
    const shape = shapeOf(text);
    if (shape === null) return false;
    if (shape === 'slash' || shape === 'dmy' || shape === 'mdy') {
      const order = this.opts.dateOrder;
      this.format = order ? (order === 'DMY' ? 'dmy' : 'mdy') : shape;
      this.dayFirst = order ? order === 'DMY' : shape === 'dmy';
    } else this.format = shape;
    return true;
  }

  /** Slash dates with no order known yet: the first value with a part over 12 settles it. */
  private readOpenOrder(text: string, line: number, column: string, sink: ProblemSink): number {
    const dmy = scanSlash(text, true);
    const dmyOffset = scan.offset;
    const mdy = scanSlash(text, false);
    if (dmy !== dmy && mdy !== mdy) return this.fallback(text, line, column, sink);
    if (dmy === dmy && mdy === mdy && dmy !== mdy) {
      sink.add({ code: 'ambiguous-timestamp', line, column, why: 'order-unknown', text: cellText(text) });
      return NaN;
    }
    if (dmy !== mdy) {
      this.format = dmy === dmy ? 'dmy' : 'mdy';
      this.dayFirst = this.format === 'dmy';
    }
    const wall = dmy === dmy ? dmy : mdy;
    const offset = dmy === dmy ? dmyOffset : scan.offset;
    return this.checked(offset === offset ? wall - offset : this.clock.toInstant(wall), text, line, column, sink);
  }

  private checked(v: number, text: string, line: number, column: string, sink: ProblemSink): number {
    if (this.gap) {
      this.gap = false;
      sink.add({ code: 'nonexistent-local-time', line, column, text: cellText(text), zone: this.opts.zone });
    }
    if (this.overlap) {
      this.overlap = false;
      sink.add({ code: 'ambiguous-timestamp', line, column, why: 'dst-overlap', text: cellText(text), zone: this.opts.zone });
    }
    return v;
  }

  /** A value in another layout than the file's: read it when that layout is unambiguous. */
  private fallback(text: string, line: number, column: string, sink: ProblemSink): number {
    const primary = this.format;
    let wall = NaN;
    let layout: 'ISO' | 'Jira' | 'day/month' | 'Excel serial' | '' = '';
    if (primary !== 'iso' && (wall = scanIso(text)) === wall) layout = 'ISO';
    else if (primary !== 'jira' && (wall = scanJira(text)) === wall) layout = 'Jira';
    else if (primary === 'iso' || primary === 'jira' || primary === 'twitter' || primary === 'epoch') {
      const dmy = scanSlash(text, true);
      const mdy = scanSlash(text, false);
      const order = this.opts.dateOrder;
      if (order) wall = order === 'DMY' ? scanSlash(text, true) : scanSlash(text, false);
      else if (dmy === dmy && mdy === mdy && dmy !== mdy) {
        sink.add({ code: 'bad-timestamp', line, column, why: 'order-unknown-in-other-layout', text: cellText(text) });
        return NaN;
      } else wall = dmy === dmy ? scanSlash(text, true) : scanSlash(text, false);
      if (wall === wall) layout = 'day/month';
    }
    if (layout === '' && primary !== 'epoch' && (wall = scanExcelSerial(text)) === wall) layout = 'Excel serial';
    if (layout === '') {
      sink.add({ code: 'bad-timestamp', line, column, why: 'unreadable', text: cellText(text) });
      return NaN;
    }
    const offset = scan.offset;
    const v = offset === offset ? wall - offset : this.clock.toInstant(wall);
    sink.add({ code: 'excel-reformatted-date', line, column, text: cellText(text), layout });
    return this.checked(v, text, line, column, sink);
  }
}
