// Time-zone arithmetic without a date-library object per value: offsets come from Intl once per
// zone and UTC hour, then from a cache. Shared by timestamp parsing (map/) and the business clock
// (measure/).

const HOUR = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCaches = new Map<string, Map<number, number>>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** UTC by name (`UTC`, `Etc/UTC`, `Etc/GMT`…): the neutral default, not a zone anyone chose for their desk. */
export function isUtcName(zone: string): boolean {
  return /^(?:Etc\/)?(?:UTC|UCT|GMT|Zulu|Universal|Greenwich)(?:[+-]0)?$/i.test(zone);
}

/** True when `zone` is an IANA zone name this runtime knows (or `UTC`). */
export function isValidZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `zone` at instant `utcMs`, straight from Intl (slow; use `offsetAt`). */
function intlOffset(zone: string, utcMs: number): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  const parts = formatterFor(zone).formatToParts(new Date(whole));
  let y = 0,
    mo = 0,
    d = 0,
    h = 0,
    mi = 0,
    s = 0;
  for (const p of parts) {
    switch (p.type) {
      case 'year':
        y = +p.value;
        break;
      case 'month':
        mo = +p.value;
        break;
      case 'day':
        d = +p.value;
        break;
      case 'hour':
        h = +p.value;
        break;
      case 'minute':
        mi = +p.value;
        break;
      case 'second':
        s = +p.value;
        break;
    }
  }
  return Date.UTC(y, mo - 1, d, h, mi, s) - whole;
}

/**
 * UTC offset (ms, local − UTC) of `zone` at instant `utcMs`. Cached per UTC hour: when the offsets
 * at both ends of an hour agree the whole hour has that offset (no zone changes twice in an hour);
 * the rare hour holding a transition is answered exactly.
 */
export function offsetAt(zone: string, utcMs: number): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 0;
  let cache = offsetCaches.get(zone);
  if (!cache) {
    cache = new Map();
    offsetCaches.set(zone, cache);
  }
  const hour = Math.floor(utcMs / HOUR);
  let cached = cache.get(hour);
  if (cached === undefined) {
    const start = intlOffset(zone, hour * HOUR);
    const end = intlOffset(zone, hour * HOUR + HOUR - 1000);
    cached = start === end ? start : NaN;
    cache.set(hour, cached);
  }
  return Number.isNaN(cached) ? intlOffset(zone, utcMs) : cached;
}

/** Local wall-clock time of an instant, as "UTC ms of the local fields" (Date.UTC(y, m, d, h, mi, s)). */
export function toWall(zone: string, utcMs: number): number {
  return utcMs + offsetAt(zone, utcMs);
}

export interface LocalResolution {
  utc: number;
  /** The wall time does not exist (spring-forward gap): it was moved forward by the gap's length. */
  gap: boolean;
  /** The wall time occurs twice (fall-back overlap): the earlier instant was chosen. */
  overlap: boolean;
}

/**
 * The instant of a local wall time in `zone`. Documented choice for the two DST edge cases (the
 * same as Temporal's "compatible"): a time in a gap is read with the offset before the gap (so
 * 02:30 on a spring-forward night becomes 03:30 local); a time in an overlap is the earlier one.
 */
export function fromWall(zone: string, wallMs: number): LocalResolution {
  if (zone === 'UTC' || zone === 'Etc/UTC') return { utc: wallMs, gap: false, overlap: false };
  // Offsets a day either side bound the candidates: a wall time maps to wall - offset for an
  // offset valid at that instant.
  const before = offsetAt(zone, wallMs - 86_400_000);
  const after = offsetAt(zone, wallMs + 86_400_000);
  const earlier = wallMs - Math.max(before, after);
  const later = wallMs - Math.min(before, after);
  const okEarlier = offsetAt(zone, earlier) === wallMs - earlier;
  const okLater = offsetAt(zone, later) === wallMs - later;
  if (okEarlier && okLater && earlier !== later) return { utc: earlier, gap: false, overlap: true };
  if (okEarlier) return { utc: earlier, gap: false, overlap: false };
  if (okLater) return { utc: later, gap: false, overlap: false };
  // Offset changes more than once within two days are unheard of; the common case of no
  // candidate is a gap: read with the offset in force before it.
  const guess = wallMs - offsetAt(zone, wallMs);
  if (offsetAt(zone, guess) === wallMs - guess) return { utc: guess, gap: false, overlap: false };
  return { utc: wallMs - before, gap: true, overlap: false };
}

/** `YYYY-MM-DD` of the local date of an instant in `zone`. */
export function localDate(zone: string, utcMs: number): string {
  return new Date(toWall(zone, utcMs)).toISOString().slice(0, 10);
}

/** An instant as people read it in `zone`, to the minute: `2024-03-17 10:00 +01:00`, or `… UTC` in UTC. */
export function instantIn(zone: string, utcMs: number): string {
  const offset = offsetAt(zone, utcMs);
  const wall = new Date(utcMs + offset).toISOString();
  const text = `${wall.slice(0, 10)} ${wall.slice(11, 16)}`;
  if (isUtcName(zone)) return `${text} UTC`;
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset) / 60_000;
  return `${text} ${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
