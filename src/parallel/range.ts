// Reading one byte range: records → canonical tickets → a scorecard of its own, exactly as the
// one-pass reader would (same mapping, same rules), with lines counted from the range's start.
// Runs in a worker (worker.ts) or on the main thread (pool.ts).

import { createScorecard } from '../aggregate/scorecard.js';
import { Intake } from '../assemble/intake.js';
import { mapRecords, prepareMapping, type RecordTarget } from '../ingest.js';
import { LatestTimes } from '../map/latest-times.js';
import { createBusinessClock } from '../measure/business-clock.js';
import type { Clock } from '../measure/clock.js';
import type { Policy } from '../policy/types.js';
import { ProblemList } from '../problem-list.js';
import { readRange } from '../read/range.js';
import type { RangeResult, RangeSetup, RangeTask } from './task.js';

/** Rows between progress reports. */
const PROGRESS_ROWS = 50_000;

const clocksFor = new WeakMap<Policy, Record<string, Clock>>();

function clocks(policy: Policy): Record<string, Clock> {
  let made = clocksFor.get(policy);
  if (!made) {
    // Keyed by schedule name, the user's words (`__proto__` included): no prototype.
    made = Object.create(null) as Record<string, Clock>;
    for (const [name, schedule] of Object.entries(policy.schedules)) made[name] = createBusinessClock(schedule);
    clocksFor.set(policy, made);
  }
  return made;
}

/** `onRows`: records and bytes read since the last call. */
export async function readRangeTask(setup: RangeSetup, task: RangeTask, onRows?: (rows: number, bytes: number) => void): Promise<RangeResult> {
  const problems = new ProblemList(task.path, false);
  const times = new LatestTimes();
  const { mapper } = prepareMapping(task.header, task.headerLine, { ...setup.ingest, strict: false, times }, task.fileIndex);
  if (task.times) mapper.timeReaders().forEach((reader, i) => reader.adopt(task.times![i]));
  const card = createScorecard(setup.policy, { ...task.card, clocks: clocks(setup.policy) });
  card.raiseFloor(task.floor);
  const copiesOf = task.intake.copiesOf && new Set(task.intake.copiesOf);
  const intake = new Intake({ asOf: task.intake.asOf, copiesOf }, times, (t) => card.add(t));
  const target: RecordTarget = { ticket: (t) => intake.offer(t), message: () => {}, batch: () => card.raiseFloor(times.floor) };
  const reader = readRange(task.path, task.start, task.end, task.delimiter, task.maxRecordSize, mapper.columnsRead(), task.encoding);
  let rows = 0;
  let used = 0;
  let reported = 0;
  let reportedBytes = 0;
  const report = () => {
    const bytes = reader.bytesRead();
    onRows!(rows - reported, bytes - reportedBytes);
    reported = rows;
    reportedBytes = bytes;
  };
  const result = (lines: number, failure?: string): RangeResult => ({
    index: task.index,
    ...(failure !== undefined ? { failure } : {}),
    rows,
    used,
    lines,
    walls: mapper.timeReaders().reduce((n, r) => n + r.wallTimes, 0),
    problems: problems.state(),
    intake: intake.state(),
    latest: times.state(),
    card: card.release(),
  });
  try {
    for await (const batch of reader.batches()) {
      used += mapRecords(mapper, batch, problems, target, task.encoding);
      rows += batch.rows.length;
      if (onRows && rows - reported >= PROGRESS_ROWS) report();
    }
  } catch (err) {
    return result(0, err instanceof Error ? err.message : String(err));
  }
  if (onRows && rows > reported) report();
  return result(reader.linesRead());
}
