// Reports are written to a temporary file beside the target and renamed over it, so a reader (or
// an interrupted run) never sees half a report and the previous one survives a failure.

import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './errors.js';

const pendingTemps = new Set<string>();

/** Remove temporary files of writes that were interrupted (called on SIGINT/SIGTERM). */
export function removePendingTemps(): void {
  for (const temp of pendingTemps) rmSync(temp, { force: true });
  pendingTemps.clear();
}

export function writeFileAtomic(path: string, content: string): void {
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(`cannot write ${path}: the folder ${dir} does not exist (create it first).`);
  }
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new UsageError(`cannot write ${path}: it is a directory; give a file name.`);
  }
  const temp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  pendingTemps.add(temp);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot write ${path}: ${code === 'EACCES' ? 'permission denied' : (err as Error).message}.`);
  } finally {
    pendingTemps.delete(temp);
  }
}
