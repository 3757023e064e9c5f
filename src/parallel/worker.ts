// A worker thread that reads byte ranges (range.ts) as the main thread hands them out (pool.ts).

import { parentPort, workerData } from 'node:worker_threads';
import { readRangeTask } from './range.js';
import type { RangeSetup, RangeTask } from './task.js';

export type ToWorker = { task: RangeTask };
export type FromWorker = { rows: number; bytes: number } | { result: Awaited<ReturnType<typeof readRangeTask>> };

const setup = workerData as RangeSetup;
const port = parentPort!;

port.on('message', async ({ task }: ToWorker) => {
  const result = await readRangeTask(setup, task, (rows, bytes) => port.postMessage({ rows, bytes } satisfies FromWorker));
  port.postMessage({ result } satisfies FromWorker);
});
