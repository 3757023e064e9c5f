// Parallel ingest of one plain file (`--jobs`): cut the data into byte ranges at record
// boundaries, read the ranges on the main thread and workers (pool.ts), then merge their partial
// results in file order. The merged result is exactly what one pass gives; whenever that cannot
// be guaranteed the file is read in one pass instead:
// - stdin, gzip, UTF-16 (decoded before parsing: batch ends are not file offsets), message exports (conversations are assembled across the whole file),
//   --strict (the first problem in file order must stop the run): never split;
// - timestamp layouts not settled by the first rows (a later range must start with the reader in
//   the state one pass would be in): not split;
// - a ticket export joined to message exports (its rows wait for their conversations): not split;
// - a range that fails to parse (a fatal problem, or a cut inside a quoted field: the range before
//   a cut proves the cut, see read/range.ts): read again in one pass.
// Copies of a ticket in two ranges are found like copies in two files (assemble/intake.ts).

import { open, stat } from 'node:fs/promises';
import type { Scorecard } from '../aggregate/scorecard.js';
import type { Intake } from '../assemble/intake.js';
import { fileResult, ingestFile, prepareMapping, type FileReader, type OpenedFile } from '../ingest.js';
import { LatestTimes } from '../map/latest-times.js';
import type { TimestampReaderState } from '../map/timestamp-reader.js';
import { mergeProblemLists } from '../problem-list.js';
import { isGzip } from '../read/byte-source.js';
import { byteOrderMark, parserEncoding } from '../read/decode.js';
import { DEFAULT_MAX_RECORD_SIZE, type CsvBatch } from '../read/open-csv.js';
import { findSplits } from '../read/split.js';
import type { RangePool } from './pool.js';
import type { RangeResult, RangeTask } from './task.js';

/** Smallest range worth a thread. */
export const DEFAULT_MIN_RANGE_BYTES = 4 * 1024 * 1024;

/**
 * Smallest data worth splitting at all (~200k Zendesk rows): below it a file is read in one pass.
 * Starting a worker and compiling the hot code again in it costs about what the split saves on a
 * smaller file (2 cores, best of five alternating rounds, --jobs 2 against --jobs 1: 32 MB 3.18
 * against 3.53 s, 48 MB 3.91 against 3.79 s, 63 MB 4.77 against 4.50 s; 317 MB 14 against 18 s).
 */
export const DEFAULT_MIN_SPLIT_BYTES = 64 * 1024 * 1024;

/**
 * Largest range: a range's partial results (its late percentile values grow with its rows) are
 * held until it is merged, so on a 1.6 GB file a quarter-file first range made memory grow with
 * the file. 64 MB is ~200k Zendesk rows; per-range costs are a few tens of milliseconds.
 */
const MAX_RANGE_BYTES = 64 * 1024 * 1024;

/**
 * The last range, read first on the main thread while the workers boot (they take ~0.3 s and
 * wait for it): small, so that they do not wait long. A range of the smallest size (4–8 MB)
 * kept a worker waiting for it, idle, after it had booted.
 */
const LEAD_BYTES = 1024 * 1024;

export interface ParallelContext {
  pool: RangePool;
  /** Threads in all, the main one included. */
  jobs: number;
  /** Where the ranges' partial scorecards are merged. */
  card: Scorecard;
  /** A new, empty scorecard like `card`: ranges are merged into one as they finish, then into `card`. */
  newCard: () => Scorecard;
  /** The reading's intake and latest-times table: each range's are absorbed into them, in file order. */
  intake: Intake;
  times: LatestTimes;
  minRangeBytes: number;
  /** Smallest data split into ranges (at least 2 × minRangeBytes). */
  minSplitBytes: number;
  /** Told when a file was read in byte ranges, and in how many. */
  onRanges?: (path: string, ranges: number) => void;
}

export function parallelReader(ctx: ParallelContext): FileReader {
  const copiesOf = ctx.intake.copiesOf && [...ctx.intake.copiesOf];
  return async (file, opts) => {
    const { source, mapper } = file;
    // UTF-8 and the single-byte code pages are parsed as the file's own bytes: ranges of them read alike.
    const readAs = parserEncoding(source.encoding);
    if (file.path === '-' || source.gzip || readAs !== source.encoding || mapper.kind !== 'tickets' || opts.strict) return undefined;
    const size = (await stat(file.path)).size;
    if (size - source.dataStart < ctx.minSplitBytes) return undefined;
    ctx.pool.warm();
    const settled = await settledTimes(file, opts);
    if (!settled) return undefined;
    const { times, after, floor: probed } = settled;
    // Batch ends count the bytes the parser read, after a UTF-8 byte-order mark.
    const bom = source.bom ? 3 : 0;
    const cuts = await findSplits(file.path, {
      start: source.dataStart,
      end: size,
      threads: ctx.jobs,
      minBytes: ctx.minRangeBytes,
      maxBytes: Math.max(ctx.minRangeBytes, MAX_RANGE_BYTES),
      notBefore: bom + after,
      width: source.header.length,
      delimiter: source.delimiter,
      tailBytes: Math.min(LEAD_BYTES, Math.floor(ctx.minRangeBytes / 4)),
    });
    if (cuts.length === 0) return undefined;
    // Stop the one-pass reading: the ranges read the file themselves.
    await file.batches.return?.(undefined);
    const bounds = [source.dataStart, ...cuts, size];
    // The ranges' scorecards count as `card` does (with what it knows of the inputs by now).
    const card = ctx.card.partOptions();
    const intake = { ...(card.asOf !== undefined ? { asOf: card.asOf } : {}), ...(copiesOf ? { copiesOf } : {}) };
    const tasks: RangeTask[] = cuts.concat(size).map((end, index) => ({
      index,
      path: file.path,
      fileIndex: file.fileIndex,
      header: source.header,
      headerLine: source.headerLine,
      delimiter: source.delimiter,
      encoding: readAs,
      maxRecordSize: DEFAULT_MAX_RECORD_SIZE,
      start: bounds[index],
      end,
      card,
      intake,
      times: index === 0 ? null : times,
      floor: -Infinity,
    }));
    let rows = 0;
    // Progress counts the bytes before the first range (the header) as read.
    let bytes = source.dataStart;
    // Each range starts from the floor of the latest timestamps read before it was taken (a time
    // as_of is at or after, see map/latest-times.ts): outcomes that wait for as_of then settle as
    // they are read, instead of waiting in every range's pool until merged (a week of tickets per
    // range, for a week-long window). The first rows have been looked at already (an export sorted
    // newest first has its latest times there); the last range, a small one, is read first, on the
    // main thread while the workers boot (one sorted oldest first has them there).
    // A range that fails sends the file back to one pass, and then no floor from the ranges is used.
    let floor = Math.max(probed, ctx.times.floor);
    const ordered = [tasks[tasks.length - 1], ...tasks.slice(0, -1)];
    // Scorecards are merged as ranges finish (in any order: the merge does not depend on it) and
    // dropped, so that no more than one or two are held at a time; into `card` only if all is well.
    const staged = ctx.newCard();
    const onResult = (r: RangeResult) => {
      if (r.failure === undefined) {
        if (r.latest.floor > floor) floor = r.latest.floor;
        staged.merge(r.card);
      }
      r.card = EMPTY_CARD;
    };
    const results = await ctx.pool.run(ordered, (n, b) => opts.onRows?.((rows += n), (bytes += b)), onResult, {
      lead: true,
      prepare: (task) => ({ ...task, floor }),
    });
    if (merged(file, results, staged, ctx)) {
      ctx.onRanges?.(file.path, results.length);
      return fileResult(
        file,
        sum(results, (r) => r.rows),
        sum(results, (r) => r.used),
        sum(results, (r) => r.walls),
      );
    }
    return ingestFile(file.path, file.fileIndex, { ...opts, reader: undefined }, file.target);
  };
}

/**
 * Starts the workers at once when an input is a file that may be read in ranges: large enough,
 * and not gzip or UTF-16 by its first bytes (UTF-8 or a single-byte code page). They take ~0.3 s to
 * boot, time the main thread spends opening the file and looking at its first rows.
 */
export async function warmFor(pool: RangePool, paths: readonly string[], minSplitBytes: number): Promise<void> {
  for (const path of paths) {
    if (path === '-') continue;
    const size = await stat(path).then(
      (s) => s.size,
      () => 0,
    );
    if (size >= minSplitBytes && (await splittableBytes(path))) return pool.warm();
  }
}

/** Whether a file's first bytes allow reading it in ranges (parallelReader decides for good). */
async function splittableBytes(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    const head = buffer.subarray(0, bytesRead);
    const bom = byteOrderMark(head);
    return !isGzip(head) && (bom === undefined || bom.encoding === 'utf-8');
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

/** Rows looked at, at most, for the timestamp layouts to settle. */
const PROBE_ROWS = 2000;

/**
 * The timestamp readers' state once the first rows have settled every one of them for good (so
 * a range starting after those rows may start from it), and the parser bytes up to there; null
 * when PROBE_ROWS do not settle them. The rows are mapped on a throwaway mapper and left in
 * `file.pending` for a one-pass read.
 */
async function settledTimes(
  file: OpenedFile,
  opts: Parameters<FileReader>[1],
): Promise<{ times: TimestampReaderState[]; after: number; floor: number } | null> {
  const probe = new LatestTimes();
  const { mapper } = prepareMapping(file.source.header, file.source.headerLine, { ...opts, times: probe }, file.fileIndex);
  const ignore = { add() {} };
  const readers = mapper.timeReaders();
  const settled = () => readers.every((r) => r.final);
  let after = 0;
  for (let seen = 0; seen < PROBE_ROWS; ) {
    const next = await file.batches.next();
    if (next.done) break;
    const batch: CsvBatch = next.value;
    file.pending.push(batch);
    for (let i = 0; i < batch.rows.length; i++, seen++) {
      if (settled()) return { times: readers.map((r) => r.state), after, floor: probe.floor };
      mapper.mapTicket(batch.rows[i], batch.lines[i], ignore);
      after = batch.ends[i];
    }
  }
  return settled() ? { times: readers.map((r) => r.state), after, floor: probe.floor } : null;
}

const EMPTY_CARD: RangeResult['card'] = { rules: [], deferred: [], late: [], floor: -Infinity, firstResponse: {}, selected: 0, keys: [] };

/** Merges the ranges into the file and the reading; false (nothing merged) when a range failed. */
function merged(file: OpenedFile, results: RangeResult[], staged: Scorecard, ctx: ParallelContext): boolean {
  if (results.some((r) => r.failure !== undefined)) return false;
  let lineOffset = file.source.dataLine - 1;
  const parts = results.map((r) => {
    const part = { state: r.problems, lineOffset };
    ctx.intake.absorb(r.intake, r.latest, lineOffset);
    lineOffset += r.lines;
    return part;
  });
  mergeProblemLists(parts, file.problems);
  ctx.card.merge(staged.release());
  ctx.card.raiseFloor(ctx.times.floor);
  return true;
}

function sum(results: RangeResult[], of: (r: RangeResult) => number): number {
  return results.reduce((total, r) => total + of(r), 0);
}
