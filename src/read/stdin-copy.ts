// A copy of stdin's bytes as they are read, for an audit that has to read its inputs a second time
// (copies of a ticket in several rows: src/assemble/intake.ts). It lives in a folder of its own
// under the system's temporary folder, readable by this user only, and is removed when the
// process ends, whatever way it ends (write-atomic.ts privateTempDir).

import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { privateTempDir, type PrivateTempDir } from '../write-atomic.js';

export interface StdinCopy {
  /** Sees each chunk as it is read. */
  tee: (chunk: Buffer) => void;
  /** The copy, complete once stdin was read to its end; undefined when it could not be written. */
  path(): string | undefined;
  /** Why it could not be written, when it could not. */
  failure(): string | undefined;
  remove(): void;
}

export function stdinCopy(): StdinCopy {
  let dir: PrivateTempDir | undefined;
  let file: string | undefined;
  let fd = -1;
  let failed: string | undefined;
  const remove = () => {
    if (fd >= 0) closeSync(fd);
    fd = -1;
    dir?.remove();
    dir = undefined;
  };
  return {
    tee(chunk) {
      if (failed !== undefined) return;
      try {
        if (fd < 0) {
          dir = privateTempDir();
          file = join(dir.path, 'stdin');
          fd = openSync(file, 'wx', 0o600);
        }
        for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done, chunk.length - done);
      } catch (err) {
        failed = (err as NodeJS.ErrnoException).code ?? String(err);
        remove();
      }
    },
    path: () => (failed === undefined && dir !== undefined ? file : undefined),
    failure: () => failed,
    remove,
  };
}
