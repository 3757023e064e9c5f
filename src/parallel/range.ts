// Reading one byte range: records → canonical tickets → a scorecard of its own, exactly as the
// one-pass reader would (same mapping, same rules), with lines counted from the range's start.
// Runs in a worker (worker.ts) or on the main thread (pool.ts).

import { createScorecard } from '../aggregate/scorecard.js';
import { prepareMapping } from '../ingest.js';
import { IdSet } from '../map/id-set.js';
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

export async function readRangeTask(setup: RangeSetup, task: RangeTask, onRows?: (rows: number) => void): Promise<RangeResult> {
  const ids = new IdSet();
  const problems = new ProblemList(task.path, false);
  const { mapper } = prepareMapping(task.header, task.headerLine, { ...setup.ingest, strict: false, seenIds: ids }, task.fileIndex);
  if (task.times) mapper.timeReaders().forEach((reader, i) => reader.adopt(task.times![i]));
  const card = createScorecard(setup.policy, { ...setup.card, clocks: clocks(setup.policy) });
  card.skip(task.skipRules);
  card.raiseFloor(task.floor);
  const reader = readRange(task.path, task.start, task.end, task.delimiter, task.maxRecordSize, mapper.columnsRead());
  let rows = 0;
  let used = 0;
  let reported = 0;
  try {
    for await (const batch of reader.batches()) {
      const { rows: records, lines } = batch;
      for (let i = 0; i < records.length; i++) {
        const t = mapper.mapTicket(records[i], lines[i], problems);
        if (t) {
          card.add(t);
          used++;
        }
      }
      rows += records.length;
      if (onRows && rows - reported >= PROGRESS_ROWS) {
        onRows(rows - reported);
        reported = rows;
      }
    }
  } catch (err) {
    return { index: task.index, failure: err instanceof Error ? err.message : String(err), rows, used, latest: -Infinity, lines: 0, problems: problems.state(), ids: ids.toState(), card: card.release() };
  }
  if (onRows && rows > reported) onRows(rows - reported);
  return {
    index: task.index, rows, used, latest: mapper.latest, lines: reader.linesRead(),
    problems: problems.state(), ids: ids.toState(), card: card.release(),
  };
}
