// Timestamp parsing (docs/timestamps.md). A parser is made once per file and column; per value it
// runs one char-code scanner (map/time-scan.ts) and, for wall times, one cached zone lookup.
// No Date object, no regex, no allocation per value.

import { fromWall } from '../zone.js';
import type { TimestampFormat } from './preset.js';
import { scan, scanEpoch, scanIso, scanJira, scanSlash, scanTwitter } from './time-scan.js';

/** Epoch ms, NaN when unparseable. */
export type TimestampParser = (text: string) => number;

export interface TimestampOptions {
  format: TimestampFormat;
  zone: string;
  dateOrder?: 'DMY' | 'MDY';
  /** Called when a wall time fell in a spring-forward gap and was moved forward. */
  onGap?: () => void;
  /** Called when a wall time occurs twice (fall-back overlap) and the earlier instant was chosen. */
  onOverlap?: () => void;
}

export type SettledFormat = Exclude<TimestampFormat, 'auto'>;

const HOUR = 3_600_000;

/**
 * Wall times of one zone → instants. The offset is cached per wall hour when the whole hour is
 * ordinary (neither end in a gap or overlap, same offset at both ends); the rare transition hour
 * goes through `fromWall` each time so gaps and overlaps are resolved and reported exactly.
 */
export class WallClock {
  private readonly hours = new Map<number, number>();
  private readonly utc: boolean;
  /** Wall times read so far (timestamps written without an offset). */
  walls = 0;

  constructor(
    readonly zone: string,
    private readonly onGap?: () => void,
    private readonly onOverlap?: () => void,
  ) {
    this.utc = zone === 'UTC' || zone === 'Etc/UTC';
  }

  toInstant(wall: number): number {
    this.walls++;
    if (this.utc) return wall;
    const hour = Math.floor(wall / HOUR);
    let offset = this.hours.get(hour);
    if (offset === undefined) {
      const a = fromWall(this.zone, hour * HOUR);
      const b = fromWall(this.zone, hour * HOUR + HOUR - 1000);
      const clean = !a.gap && !a.overlap && !b.gap && !b.overlap && hour * HOUR - a.utc === hour * HOUR + HOUR - 1000 - b.utc;
      offset = clean ? hour * HOUR - a.utc : NaN;
      this.hours.set(hour, offset);
    }
    if (offset === offset) return wall - offset; // not NaN: an ordinary hour
    const r = fromWall(this.zone, wall);
    if (r.gap) this.onGap?.();
    if (r.overlap) this.onOverlap?.();
    return r.utc;
  }
}

/** Wall time (or, for epoch, the instant) of `s` in a settled layout; `scan.offset` tells which. */
export function scanLayout(format: SettledFormat, dayFirst: boolean, s: string): number {
  switch (format) {
    case 'iso':
      return scanIso(s);
    case 'dmy':
    case 'mdy':
      return scanSlash(s, dayFirst);
    case 'jira':
      return scanJira(s);
    case 'twitter':
      return scanTwitter(s);
    case 'epoch':
      return scanEpoch(s);
  }
}

/** Surrounding spaces are rare; trim only when an end is a space, so the usual value is not copied. */
export function trimCell(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(n - 1);
  return a <= 32 || b <= 32 || a === 0xfeff ? s.trim() : s;
}

/** The instant of `s` in a settled layout, NaN when it does not read. */
export function readInstant(format: SettledFormat, dayFirst: boolean, clock: WallClock, s: string): number {
  const wall = scanLayout(format, dayFirst, s);
  if (wall !== wall) return NaN;
  const offset = scan.offset;
  return offset === offset ? wall - offset : clock.toInstant(wall);
}

export function makeTimestampParser(opts: TimestampOptions): TimestampParser {
  const clock = new WallClock(opts.zone, opts.onGap, opts.onOverlap);
  let format: SettledFormat | undefined = opts.format === 'auto' ? undefined : opts.format;
  // An explicit date order (flag, policy, preset) wins over the layout's own default.
  let dayFirst = opts.dateOrder ? opts.dateOrder === 'DMY' : opts.format === 'dmy';
  return (text: string): number => {
    const s = trimCell(text);
    if (format === undefined) {
      // `auto` on its own: settled by the first value that reads (the mapper settles per file instead).
      const settled = settleTimestampFormat([s], opts.dateOrder);
      if ('error' in settled) return NaN;
      format = settled.format;
      dayFirst = settled.dateOrder ? settled.dateOrder === 'DMY' : format === 'dmy';
    }
    return readInstant(format, dayFirst, clock, s);
  };
}

/**
 * The layout of one value: a settled format, `slash` when it reads as a slash date both ways
 * (day and month ≤ 12), or null. Slash dates that read only one way are `dmy` / `mdy`.
 */
export function shapeOf(text: string): SettledFormat | 'slash' | null {
  const s = trimCell(text);
  if (s === '') return null;
  if (!Number.isNaN(scanIso(s))) return 'iso';
  if (!Number.isNaN(scanTwitter(s))) return 'twitter';
  if (!Number.isNaN(scanJira(s))) return 'jira';
  const dmy = scanSlash(s, true);
  const mdy = scanSlash(s, false);
  if (dmy === dmy && mdy === mdy) return 'slash';
  if (dmy === dmy) return 'dmy';
  if (mdy === mdy) return 'mdy';
  // Epoch needs at least 9 digits (1973 onwards) so that a stray small number is not a date.
  if (s.length >= 9 && !Number.isNaN(scanEpoch(s))) return 'epoch';
  return null;
}

/**
 * For `auto`: settle the file's layout from sample values (the first non-empty values of its date
 * columns), once per file. The layout is the first recognisable sample's; for slash dates the day
 * order is `dateOrder` when given, else the first sample that reads only one way (a part over 12).
 */
export function settleTimestampFormat(samples: string[], dateOrder?: 'DMY' | 'MDY'): { format: SettledFormat; dateOrder?: 'DMY' | 'MDY' } | { error: string } {
  let format: SettledFormat | 'slash' | undefined;
  let order = dateOrder;
  const seen: string[] = [];
  for (const raw of samples) {
    const s = trimCell(raw);
    if (s === '') continue;
    if (seen.length < 3) seen.push(s);
    const shape = shapeOf(s);
    if (shape === null) continue;
    const slashy = shape === 'slash' || shape === 'dmy' || shape === 'mdy';
    if (format === undefined) format = slashy ? 'slash' : shape;
    if (format === 'slash' && order === undefined && (shape === 'dmy' || shape === 'mdy')) {
      order = shape === 'dmy' ? 'DMY' : 'MDY';
    }
  }
  if (format === undefined) {
    return { error: seen.length ? `no known timestamp layout in ${seen.map((s) => `'${s}'`).join(', ')}` : 'no timestamp values to look at' };
  }
  if (format !== 'slash') return { format };
  if (order === undefined) {
    return { error: `day/month order of '${seen[0]}' cannot be told (no day over 12 in the samples): give --date-order DMY or MDY` };
  }
  return { format: order === 'DMY' ? 'dmy' : 'mdy', dateOrder: order };
}
