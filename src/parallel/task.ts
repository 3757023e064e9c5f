// What one byte range of a file is, and what reading it gives back: plain data, so a range can
// be read on the main thread or in a worker alike (range.ts) and the results merged (merge.ts).

import type { ScorecardOptions, ScorecardState } from '../aggregate/scorecard.js';
import type { IngestOptions } from '../ingest.js';
import type { IdSetState } from '../map/id-set.js';
import type { TimestampReaderState } from '../map/timestamp-reader.js';
import type { Policy } from '../policy/types.js';
import type { ProblemListState } from '../problem-list.js';
import type { Delimiter } from '../read/sniff.js';

/** The same for every range of an audit: sent once to each worker. */
export interface RangeSetup {
  policy: Policy;
  ingest: Pick<IngestOptions, 'preset' | 'inputs' | 'timezone' | 'dateOrder' | 'asOf' | 'unread'>;
  card: Omit<ScorecardOptions, 'clocks'>;
}

export interface RangeTask {
  /** Position of the range in its file (0 = first). */
  index: number;
  path: string;
  fileIndex: number;
  header: string[];
  headerLine: number;
  delimiter: Delimiter;
  maxRecordSize: number;
  /** Byte offsets: [start, end), starting at a record and ending after a `\n`. */
  start: number;
  end: number;
  /** Policy rules (indices) the range's tickets are not judged by (OpenedFile.skipRules). */
  skipRules: number[];
  /** Timestamp readers' state where the range starts; null for the first range (fresh readers). */
  times: TimestampReaderState[] | null;
  /**
   * A time the audit's as_of is known to be at or after (as_of from the data): the latest event
   * time in rows of the file read before this range. -Infinity when none is known.
   */
  floor: number;
}

export interface RangeResult {
  index: number;
  /** Why the range could not be read (then the whole file is read again in one pass). */
  failure?: string;
  rows: number;
  used: number;
  /** Latest event time in the range (-Infinity without one). */
  latest: number;
  /** `\n` line breaks in the range: where the next range's lines start. */
  lines: number;
  problems: ProblemListState;
  ids: IdSetState;
  card: ScorecardState;
}
