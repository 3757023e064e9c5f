// Where a report named on the command line goes, decided before any data is read
// (docs/reports.md "Writing reports"):
// - `-`, /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N are the process's own open
//   descriptors: written in place, so `-o /dev/stdout >> audit.log` appends to the log;
// - a character device or a FIFO is written in place, never replaced by a regular file;
// - a symbolic link is followed to its target, but only where the kernel's protected-symlinks
//   rule would follow it: not a link in a sticky world-writable folder (/tmp) owned by someone
//   who is neither the one following it nor the folder's owner (a planted link). Refused then;
// - a regular file (or a new name) is replaced atomically in its folder (write-atomic.ts).
// A path that is one of the audit's inputs (the same device and inode: also a hard link or a
// symbolic link to it) is refused before reading: the report would overwrite the export.

import { close, constants, fstatSync, open, write as writeCallback, type Stats } from 'node:fs';
import { lstat, readlink, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from './errors.js';
import { closeQuietly, stage, writeAll, writeReason, type Previous, type Staged, type WriteHooks } from './write-atomic.js';

export type OutputTarget =
  | { kind: 'stdout' | 'stderr'; shown: string }
  | { kind: 'descriptor'; fd: number; shown: string }
  | { kind: 'in-place'; path: string; shown: string }
  | { kind: 'replace'; path: string; shown: string; previous: Previous | null };

/** Symbolic links followed in a row before giving up (the kernel's own limit is 40). */
const MAX_LINKS = 40;

const S_ISVTX = 0o1000;

function descriptorOf(given: string): number | undefined {
  if (given === '-' || given === '/dev/stdout') return 1;
  if (given === '/dev/stderr') return 2;
  const m = /^\/(?:dev|proc\/self)\/fd\/(\d{1,9})$/.exec(given);
  return m ? Number(m[1]) : undefined;
}

/**
 * Where `given` (as the user wrote it, `flag` naming where) sends a report; a UsageError when it
 * cannot be written there. Nothing is created or changed.
 */
export async function resolveOutput(given: string, cwd: string, flag: string): Promise<OutputTarget> {
  if (given === '') throw new UsageError(`${flag} needs a file name (or - for standard output).`);
  const fd = descriptorOf(given);
  if (fd !== undefined) {
    if (fd === 1) return { kind: 'stdout', shown: given };
    if (fd === 2) return { kind: 'stderr', shown: given };
    try {
      fstatSync(fd);
    } catch {
      throw new UsageError(`cannot write ${given}: descriptor ${fd} is not open.`);
    }
    return { kind: 'descriptor', fd, shown: given };
  }
  let path = resolve(cwd, given);
  for (let links = 0; ; links++) {
    let info: Stats;
    try {
      info = await lstat(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`cannot write ${given}: ${writeReason(err)}.`);
      await folderOf(path, given);
      return { kind: 'replace', path, shown: given, previous: null };
    }
    if (info.isSymbolicLink()) {
      if (links >= MAX_LINKS) throw new UsageError(`cannot write ${given}: too many symbolic links.`);
      await checkFollowable(path, info, given);
      path = resolve(dirname(path), await readlink(path));
      continue;
    }
    if (info.isDirectory()) throw new UsageError(`cannot write ${given}: it is a directory; give a file name.`);
    if (info.isFile()) return { kind: 'replace', path, shown: given, previous: { mode: info.mode, uid: info.uid, gid: info.gid } };
    if (info.isCharacterDevice() || info.isFIFO()) return { kind: 'in-place', path, shown: given };
    const what = info.isBlockDevice() ? 'a block device (a disk)' : 'a socket';
    throw new UsageError(`cannot write ${given}: it is ${what}, not a file a report can be written to.`);
  }
}

async function folderOf(path: string, given: string): Promise<void> {
  const dir = dirname(path);
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`cannot write ${given}: the folder ${dirname(given)} does not exist (create it first).`);
}

/** The kernel's fs.protected_symlinks rule, which applies to root as well (root is who it protects). */
async function checkFollowable(link: string, info: Stats, given: string): Promise<void> {
  const folder = await stat(dirname(link));
  const shared = (folder.mode & S_ISVTX) !== 0 && (folder.mode & 0o002) !== 0;
  const follower = process.geteuid?.() ?? -1;
  if (shared && info.uid !== follower && info.uid !== folder.uid) {
    throw new UsageError(
      `refusing to follow ${given}: it is a symbolic link owned by another user in a shared folder (sticky and world-writable), which the kernel's protected-symlinks rule does not follow either.`,
    );
  }
}

/** Refuses an output that is one of the inputs (same device and inode), before anything is read. */
export async function refuseInputsAsOutputs(targets: OutputTarget[], inputs: string[], cwd: string): Promise<void> {
  const ids = new Map<string, string>();
  for (const input of inputs) {
    if (input === '-') continue;
    const info = await stat(resolve(cwd, input)).catch(() => undefined);
    if (info) ids.set(`${info.dev}:${info.ino}`, input);
  }
  for (const t of targets) {
    if (t.kind !== 'replace' && t.kind !== 'in-place') continue;
    const info = await stat(t.path).catch(() => undefined);
    const input = info && ids.get(`${info.dev}:${info.ino}`);
    if (input !== undefined) {
      throw new UsageError(`refusing to write ${t.shown}: it is the input ${input} (the same file), which the report would overwrite.`);
    }
  }
}

export interface OutputStreams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const writeFd = promisify(writeCallback);
const openFd = promisify(open);
const closeFd = promisify(close);

/** Every byte to an open descriptor, waiting when a non-blocking one is full. */
async function writeDescriptor(fd: number, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      const { bytesWritten: n } = await writeFd(fd, bytes, offset, bytes.length - offset);
      if (!(n > 0)) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      offset += n;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

/**
 * Writes each report to its target: files to be replaced are written to temporary files first;
 * then devices, FIFOs and descriptors; only when every one of those succeeded are the temporary
 * files renamed into place (all at once, with no await in between: an interruption leaves every
 * previous report as it was, or every new one in place).
 */
export async function writeOutputs(outputs: { target: OutputTarget; content: string }[], streams: OutputStreams, hooks: WriteHooks = {}): Promise<void> {
  const staged: Staged[] = [];
  try {
    for (const { target, content } of outputs) {
      if (target.kind === 'replace') staged.push(await stage(target.path, target.shown, content, target.previous, hooks));
    }
    for (const { target, content } of outputs) {
      if (target.kind === 'in-place') await writeInPlace(target.path, target.shown, content, hooks);
      else if (target.kind === 'descriptor') {
        await writeDescriptor(target.fd, Buffer.from(content, 'utf8')).catch((err) => {
          throw new UsageError(`cannot write ${target.shown}: ${writeReason(err)}.`);
        });
      }
    }
  } catch (err) {
    for (const s of staged) s.discard();
    throw err;
  }
  for (let i = 0; i < staged.length; i++) {
    try {
      staged[i].commit();
    } catch (err) {
      for (const s of staged.slice(i + 1)) s.discard();
      throw err;
    }
  }
  for (const { target, content } of outputs) {
    if (target.kind === 'stdout') streams.stdout(content);
    else if (target.kind === 'stderr') streams.stderr(content);
  }
}

/** A device or FIFO: opened write-only as it is (no create, no truncate); a FIFO waits for its reader. */
async function writeInPlace(path: string, shown: string, content: string, hooks: WriteHooks): Promise<void> {
  let fd: number | undefined;
  try {
    fd = await openFd(path, constants.O_WRONLY);
    await writeAll(fd, Buffer.from(content, 'utf8'), hooks.write);
    await closeFd(fd);
    fd = undefined;
  } catch (err) {
    if (fd !== undefined) await closeQuietly(fd);
    throw new UsageError(`cannot write ${shown}: ${writeReason(err)}.`);
  }
}
