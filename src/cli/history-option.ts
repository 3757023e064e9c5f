// `audit --history FILE`: where the run's summary line goes, checked before any data is read,
// with the past runs it already holds (for the trends the Markdown and HTML reports show).

import { stat } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { readHistory, type HistoryEntry } from '../history.js';
import { refuseInputsAsOutputs, resolveOutput, type OutputTarget } from '../outputs.js';

export interface HistoryFile {
  path: string;
  shown: string;
  past: HistoryEntry[];
  endsWithNewline: boolean;
}

async function identity(path: string): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info ? `${info.dev}:${info.ino}` : undefined;
}

/**
 * The history file: a regular file or a new name (it is read back, so not a device, FIFO or
 * descriptor), not one of the inputs, the policy or the baseline (an appended line would damage
 * it), and not a file a report of this run replaces.
 */
export async function historyFile(given: string, cwd: string, readFrom: string[], reports: OutputTarget[]): Promise<HistoryFile> {
  const target = await resolveOutput(given, cwd, '--history');
  if (target.kind !== 'replace') {
    throw new UsageError(
      `--history needs a regular file (it is read back for the trends): ${given} is ${target.kind === 'in-place' ? 'a device or FIFO' : 'an open descriptor'}.`,
    );
  }
  await refuseInputsAsOutputs([target], readFrom, cwd);
  const own = await identity(target.path);
  for (const r of reports) {
    if (r.kind !== 'replace' && r.kind !== 'in-place') continue;
    if (r.path === target.path || (own !== undefined && own === (await identity(r.path)))) {
      throw new UsageError(`--history ${given} is also a report of this run (${r.shown}): give the history a file of its own.`);
    }
  }
  const { entries, endsWithNewline } = await readHistory(target.path, given);
  return { path: target.path, shown: given, past: entries, endsWithNewline };
}
