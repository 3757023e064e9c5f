// Threads that read byte ranges: the main thread and `size` workers take the next range as they
// come free (ranges outnumber threads, so a late-starting worker or a slow range evens out).
// Workers live for the whole audit and are reused from file to file.

import { Worker } from 'node:worker_threads';
import { reapplyHeapFlags } from '../heap-flags.js';
import { readRangeTask } from './range.js';
import type { RangeResult, RangeSetup, RangeTask } from './task.js';
import type { FromWorker, ToWorker } from './worker.js';

// Compiled, the worker sits next to this file; run from the TypeScript sources (tests), it is the
// build's (vitest does not compile worker entry points).
const WORKER = import.meta.url.endsWith('.ts') ? new URL('../../dist/parallel/worker.js', import.meta.url) : new URL('./worker.js', import.meta.url);

/**
 * The most a worker's young generation may take, in MB (V8 splits it into two semi-spaces and a
 * large-object part: 12 MB allows semi-spaces of 4 MB). With the command's heap flags it stays at
 * its first size anyway (heap-flags.ts); this bounds it when they are not set (tests, a library
 * caller): V8's default of 48 MB is soon filled by a stream of short-lived rows, although little
 * of it survives a collection, so a smaller one lowers the peak.
 */
const WORKER_YOUNG_GENERATION_MB = 12;

export class RangePool {
  private workers: Worker[] | undefined;

  constructor(
    private readonly size: number,
    private readonly setup: RangeSetup,
  ) {}

  /**
   * Every task's result, by task index; `onResult` sees each as it arrives (in any order), e.g. to
   * merge and drop its scorecard early. Tasks are taken in the order given, each passed through
   * `prepare` when taken. With `lead`, the first task is read (on the main thread, while the
   * workers boot) and its result seen before any other task is taken.
   */
  async run(
    tasks: RangeTask[],
    onRows: (rows: number, bytes: number) => void,
    onResult: (r: RangeResult) => void = () => {},
    opts: { lead?: boolean; prepare?: (task: RangeTask) => RangeTask } = {},
  ): Promise<RangeResult[]> {
    const results: RangeResult[] = new Array(tasks.length);
    const prepare = opts.prepare ?? ((task: RangeTask) => task);
    let next = 0;
    const take = () => (next < tasks.length ? prepare(tasks[next++]) : undefined);
    const keep = (r: RangeResult) => {
      onResult(r);
      results[r.index] = r;
    };
    const workers = this.started();
    const led = opts.lead && tasks.length > 0 ? readRangeTask(this.setup, take()!, onRows).then(keep) : undefined;
    const onMain = async () => {
      await led;
      for (let task = take(); task; task = take()) keep(await readRangeTask(this.setup, task, onRows));
    };
    const onWorker = async (worker: Worker) => {
      await led;
      for (let task = take(); task && !dead.has(worker); task = take()) keep(await ask(worker, task, onRows));
    };
    // The main thread starts on the first range at once, while the workers boot.
    await Promise.all([onMain(), ...workers.map(onWorker)]);
    return results;
  }

  /** Starts the workers now (they take ~0.3 s to boot), e.g. while the file is being looked at. */
  warm(): void {
    this.started();
  }

  async close(): Promise<void> {
    const workers = this.workers ?? [];
    this.workers = undefined;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private started(): Worker[] {
    if (!this.workers) {
      this.workers = Array.from({ length: this.size }, () => {
        const worker = new Worker(WORKER, { workerData: this.setup, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
        // Making a worker's isolate resets one of the command's heap flags (see heap-flags.ts).
        worker.once('online', reapplyHeapFlags);
        return worker;
      });
    }
    return this.workers;
  }
}

/** Workers that stopped (an error, or killed): they take no further range. */
const dead = new WeakSet<Worker>();

function ask(worker: Worker, task: RangeTask, onRows: (rows: number, bytes: number) => void): Promise<RangeResult> {
  return new Promise((resolve) => {
    const done = (result: RangeResult) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(result);
    };
    const onMessage = (m: FromWorker) => {
      if ('rows' in m) onRows(m.rows, m.bytes);
      else done(m.result);
    };
    // A worker that dies fails its range, which sends the file back to the one-pass reader.
    const onError = (err: Error) => {
      dead.add(worker);
      done(failed(task, err.message));
    };
    const onExit = (code: number) => onError(new Error(`worker stopped (exit code ${code})`));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ task } satisfies ToWorker);
  });
}

function failed(task: RangeTask, why: string): RangeResult {
  return {
    index: task.index,
    failure: why,
    rows: 0,
    used: 0,
    lines: 0,
    walls: 0,
    problems: { listed: [], counts: {}, firstAt: {}, once: [] },
    intake: { ids: null, copied: [], held: [], copies: [], replaced: [], afterAsOf: [] },
    latest: { top: [], floor: -Infinity, min: Infinity, count: 0 },
    card: { rules: [], deferred: [], late: [], floor: -Infinity, firstResponse: {}, selected: 0, keys: [] },
  };
}
