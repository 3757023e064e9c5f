// Reports replace a file in two steps, so a reader (or an interrupted run) never sees half a
// report and the previous one survives any failure: `stage` writes the whole text to a new
// temporary file beside the target, and `commit` renames it over the target.
// - The temporary name is unpredictable and the file is created exclusively (O_EXCL, which also
//   refuses a symlink planted at that name) with mode 0600, so nobody else can read it or steer
//   the write elsewhere; it gets the replaced file's mode and owner (else 0666 minus the umask)
//   only once complete.
// - Every byte is written (a write may take fewer than asked), the file is flushed to disk before
//   the rename and the folder after it.
// - Temporary files still pending are removed on SIGINT/SIGTERM (removePendingTemps), as are
//   the temporary folders other parts of a run register (removedIfInterrupted).

import { close, closeSync, fchmodSync, fchownSync, fsync, fsyncSync, mkdtempSync, open, openSync, renameSync, rmSync, write } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from './errors.js';

const openFd = promisify(open);
const writeFd = promisify(write);
const fsyncFd = promisify(fsync);
const closeFd = promisify(close);

const pendingTemps = new Set<string>();
let committed = false;

/** Remove temporary files of writes that were interrupted, and registered folders (called on SIGINT/SIGTERM). */
export function removePendingTemps(): void {
  for (const temp of pendingTemps) rmSync(temp, { force: true, recursive: true });
  pendingTemps.clear();
}

/**
 * A temporary file or folder of this run (the tickets staged for DuckDB) that an interruption
 * removes too: the process ends by the signal itself, so no `exit` handler runs. Call the
 * returned function once it is gone.
 */
export function removedIfInterrupted(path: string): () => void {
  pendingTemps.add(path);
  return () => void pendingTemps.delete(path);
}

/** A temporary folder of this run (the copy of stdin, the tickets staged for DuckDB). */
export interface PrivateTempDir {
  path: string;
  /** Removes it now (also at exit and on SIGINT/SIGTERM, whichever comes first). */
  remove(): void;
}

/**
 * A folder under the system's temporary folder, this user's only (0700), removed by `remove()`,
 * at exit, and on SIGINT/SIGTERM (which end the process without `exit` handlers). Throws what
 * mkdtemp throws.
 */
export function privateTempDir(): PrivateTempDir {
  const path = mkdtempSync(join(tmpdir(), 'support-audit-'));
  const forget = removedIfInterrupted(path);
  const remove = () => {
    rmSync(path, { recursive: true, force: true });
    process.removeListener('exit', remove);
    forget();
  };
  process.once('exit', remove);
  return { path, remove };
}

/** Whether a report has been renamed into place in this run (what an interruption message says). */
export function reportsCommitted(): boolean {
  return committed;
}

/** The owner and permission bits of a file being replaced. */
export interface Previous {
  mode: number;
  uid: number;
  gid: number;
}

/** Test seams: how bytes reach a file (a full disk, short writes), and how temporary files are named. */
export interface WriteHooks {
  write?: (fd: number, buffer: Buffer, offset: number, length: number) => Promise<number>;
  tempName?: (target: string) => string;
}

/** A temporary file written in full, waiting to be renamed over its target. */
export interface Staged {
  commit(): void;
  discard(): void;
}

/** Writes every byte of `bytes`: a write may take fewer than asked (a signal, a pipe, a full disk). */
export async function writeAll(fd: number, bytes: Buffer, write: NonNullable<WriteHooks['write']> = defaultWrite): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const n = await write(fd, bytes, offset, bytes.length - offset);
    // A write of nothing would loop for ever: a device that takes no more is full.
    if (!(n > 0)) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    offset += n;
  }
}

async function defaultWrite(fd: number, buffer: Buffer, offset: number, length: number): Promise<number> {
  return (await writeFd(fd, buffer, offset, length)).bytesWritten;
}

/** `.report.json.5f0c2a9e81d4b7c3.tmp`: 64 random bits, so the name cannot be guessed ahead. */
function randomTempName(target: string): string {
  return `.${basename(target)}.${randomBytes(8).toString('hex')}.tmp`;
}

/** Creates the temporary file exclusively (a new name if one is taken), mode 0600. */
async function createTemp(target: string, tempName: (target: string) => string): Promise<{ temp: string; fd: number }> {
  const dir = dirname(target);
  for (let attempt = 0; ; attempt++) {
    const temp = join(dir, tempName(target));
    try {
      const fd = await openFd(temp, 'wx', 0o600);
      pendingTemps.add(temp);
      return { temp, fd };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 8) throw err;
    }
  }
}

/**
 * Writes `content` to a temporary file beside `target` (mode 0600), flushed to disk. `commit`
 * gives it the mode and owner of `previous` (the file it replaces) or 0666 minus the umask, and
 * renames it over `target`. Errors are UsageErrors naming `shown` (the path as the user wrote
 * it), never the temporary file, which is removed.
 */
export async function stage(target: string, shown: string, content: string, previous: Previous | null, hooks: WriteHooks = {}): Promise<Staged> {
  let temp: string | undefined;
  let fd: number | undefined;
  const fail = (err: unknown): UsageError => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    if (temp !== undefined) {
      rmSync(temp, { force: true });
      pendingTemps.delete(temp);
    }
    return writeError(shown, err, previous !== null);
  };
  try {
    ({ temp, fd } = await createTemp(target, hooks.tempName ?? randomTempName));
    await writeAll(fd, Buffer.from(content, 'utf8'), hooks.write);
    await fsyncFd(fd);
  } catch (err) {
    throw fail(err);
  }
  return {
    commit() {
      try {
        if (previous) {
          // Owner first: changing it clears set-id bits; a user who is not root cannot give a
          // file away (the report stays theirs then, with the previous permissions).
          try {
            fchownSync(fd!, previous.uid, previous.gid);
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
          }
          fchmodSync(fd!, previous.mode & 0o777);
        } else {
          fchmodSync(fd!, 0o666 & ~process.umask());
        }
        fsyncSync(fd!);
        closeSync(fd!);
        fd = undefined;
        renameSync(temp!, target);
      } catch (err) {
        throw fail(err);
      }
      pendingTemps.delete(temp!);
      committed = true;
      syncFolder(dirname(target));
    },
    discard() {
      fail(undefined);
    },
  };
}

/** Closes an open descriptor (a device or FIFO written in place). */
export async function closeQuietly(fd: number): Promise<void> {
  await closeFd(fd).catch(() => {});
}

/** The rename is only durable once the folder is flushed too; file systems that cannot say so are let be. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EISDIR' && code !== 'EBADF') {
      throw writeError(dir, err, false);
    }
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const WHY = new Map<string, string>([
  ['EACCES', 'permission denied'],
  ['EPERM', 'the operation is not permitted'],
  ['ENOSPC', 'no space left on the device'],
  ['EDQUOT', 'the disk quota is exceeded'],
  ['EROFS', 'the file system is read-only'],
  ['EFBIG', 'the file would be too large for the file system'],
  ['EIO', 'an input/output error'],
  ['ENXIO', 'no device or reader is attached to it'],
  ['ENOENT', 'its folder does not exist'],
  ['ENOTDIR', 'a part of its path is not a folder'],
  ['EISDIR', 'it is a directory'],
  ['EBUSY', 'it is busy (a mount point?)'],
  ['ELOOP', 'too many symbolic links'],
  ['ENAMETOOLONG', 'the name is too long'],
  ['EPIPE', 'the reader went away'],
  ['EBADF', 'the descriptor is not open for writing'],
]);

/** Why a write failed, in words (the system's error code, never a temporary path). */
export function writeReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  return (code !== undefined && WHY.get(code)) || (code ? `error ${code}` : 'an unexpected error');
}

function writeError(shown: string, err: unknown, hadPrevious: boolean): UsageError {
  if (err instanceof UsageError) return err;
  return new UsageError(`cannot write ${shown}: ${writeReason(err)}${hadPrevious ? '; the previous file is unchanged' : ''}.`);
}
