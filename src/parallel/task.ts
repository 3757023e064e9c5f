// What one byte range of a file is, and what reading it gives back: plain data, so a range can
// be read on the main thread or in a worker alike (range.ts) and the results merged (reader.ts).

import type { ScorecardOptions, ScorecardState } from '../aggregate/scorecard.js';
import type { IntakeState } from '../assemble/intake.js';
import type { IngestOptions } from '../ingest.js';
import type { LatestTimesState } from '../map/latest-times.js';
import type { TimestampReaderState } from '../map/timestamp-reader.js';
import type { Policy } from '../policy/types.js';
import type { ProblemListState } from '../problem-list.js';
import type { SingleByteEncoding } from '../read/charsets.js';
import type { Delimiter } from '../read/sniff.js';

/** The same for every range of an audit: sent once to each worker. */
export interface RangeSetup {
  policy: Policy;
  ingest: Pick<IngestOptions, 'preset' | 'inputs' | 'zones' | 'dateOrder' | 'unread'>;
}

export interface RangeTask {
  /** Position of the range in its file (0 = first). */
  index: number;
  path: string;
  fileIndex: number;
  header: string[];
  headerLine: number;
  delimiter: Delimiter;
  /** The file's encoding (never UTF-16: such files are not read in ranges). */
  encoding: 'utf-8' | SingleByteEncoding;
  maxRecordSize: number;
  /** Byte offsets: [start, end), starting at a record and ending after a `\n`. */
  start: number;
  end: number;
  /** The reading's scorecard options (as_of and the selection may differ between readings; Scorecard.partOptions). */
  card: Omit<ScorecardOptions, 'clocks'>;
  /** The reading's intake (assemble/intake.ts): as_of when known, the ids with copies on a second reading. */
  intake: { asOf?: number; copiesOf?: string[] };
  /** Timestamp readers' state where the range starts; null for the first range (fresh readers). */
  times: TimestampReaderState[] | null;
  /**
   * A time the audit's as_of is known to be at or after (as_of from the data): the floor of the
   * latest-times tables of what was read before this range. -Infinity when none is known.
   */
  floor: number;
}

export interface RangeResult {
  index: number;
  /** Why the range could not be read (then the whole file is read again in one pass). */
  failure?: string;
  rows: number;
  used: number;
  /** `\n` line breaks in the range: where the next range's lines start. */
  lines: number;
  /** Timestamps read as wall times (without an offset). */
  walls: number;
  problems: ProblemListState;
  intake: IntakeState;
  latest: LatestTimesState;
  card: ScorecardState;
}
