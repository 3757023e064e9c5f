// Bytes of one input: a file or stdin, gunzipped when it starts with the gzip magic bytes (so
// `.csv.gz` needs no flag and a mislabelled plain file still reads). The first bytes are read
// ahead as the `head`, which the encoding check and the delimiter sniffer look at; `chunks()`
// then replays the head followed by the rest, so nothing is read twice.

import { open, stat } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors.js';
import { fatal } from './fatal.js';

/** Read ahead for sniffing: enough for a header and a few dozen records of a wide export. */
export const HEAD_BYTES = 64 * 1024;

export interface ByteSource {
  /** First (decompressed) bytes; shorter than HEAD_BYTES only when that is the whole input. */
  head: Buffer;
  /** True when `head` is the whole input. */
  complete: boolean;
  gzip: boolean;
  /** The head, then the rest of the input. Single use. */
  chunks(): AsyncGenerator<Buffer>;
  /** Stop reading and release the file (when the input is rejected before being read). */
  close(): Promise<void>;
  /** Bytes read from the file or stdin so far (compressed bytes for gzip): for progress. */
  consumed(): number;
}

type ByteIterator = AsyncIterator<Buffer | string>;

/** Whether bytes start with the gzip magic number. */
export function isGzip(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** `tee` sees stdin's raw bytes as they are read (nothing else's). */
export async function openBytes(path: string, stdin?: NodeJS.ReadableStream, tee?: (chunk: Buffer) => void): Promise<ByteSource> {
  const raw = path === '-' ? (stdin ?? process.stdin) : await openFile(path);
  let consumed = 0;
  let rawIt = counted(
    guarded(raw[Symbol.asyncIterator](), (err) => fatal.unreadable(path, errorReason(err))),
    (n) => (consumed += n),
  );
  if (path === '-' && tee) rawIt = teed(rawIt, tee);
  // Two bytes decide gzip; a first chunk is almost always bigger than that.
  const start = await readAtLeast(rawIt, 2);
  const gzip = isGzip(start.head);
  let it: ByteIterator = rawIt;
  let first = start;
  if (gzip) {
    const gunzip = createGunzip();
    // Errors reach us through the gunzip iterator: pipeline destroys it with the source's error.
    pipeline(Readable.from(replay(start.head, start.ended, rawIt)), gunzip, () => {});
    it = guarded(gunzip[Symbol.asyncIterator](), (err) => (err instanceof InputError ? err : fatal.gzip(path, errorReason(err))));
    first = { head: Buffer.alloc(0), ended: false };
  }
  const more = first.ended ? first : await readAtLeast(it, HEAD_BYTES - first.head.length);
  const head = first.head.length === 0 ? more.head : Buffer.concat([first.head, more.head]);
  let used = false;
  return {
    head,
    complete: more.ended,
    gzip,
    chunks() {
      if (used) throw new Error('ByteSource.chunks() is single use');
      used = true;
      return replay(head, more.ended, it);
    },
    async close() {
      await it.return?.();
      await rawIt.return?.();
    },
    consumed: () => consumed,
  };
}

/** Counts the bytes of each chunk as it passes (once per chunk of 64 KiB or so, not per row). */
function counted(it: AsyncIterator<Buffer>, add: (n: number) => void): AsyncIterator<Buffer> {
  return {
    async next() {
      const r = await it.next();
      if (!r.done) add(r.value.length);
      return r;
    },
    return: () => it.return!(),
  };
}

async function openFile(path: string): Promise<Readable> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw fatal.directory(path);
    const handle = await open(path, 'r');
    return handle.createReadStream({ highWaterMark: HEAD_BYTES });
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw fatal.notFound(path);
    if (code === 'EACCES' || code === 'EPERM') throw fatal.permission(path);
    if (code === 'EISDIR') throw fatal.directory(path);
    throw fatal.unreadable(path, errorReason(err));
  }
}

/** Normalises chunks to Buffers and turns low-level failures into one InputError. */
function guarded(it: ByteIterator, toInputError: (err: unknown) => InputError): AsyncIterator<Buffer> {
  return {
    async next() {
      try {
        const r = await it.next();
        if (r.done) return r;
        return { done: false, value: typeof r.value === 'string' ? Buffer.from(r.value) : r.value };
      } catch (err) {
        throw toInputError(err);
      }
    },
    async return() {
      await it.return?.();
      return { done: true, value: undefined };
    },
  };
}

function teed(it: AsyncIterator<Buffer>, tee: (chunk: Buffer) => void): AsyncIterator<Buffer> {
  return {
    async next() {
      const r = await it.next();
      if (!r.done) tee(r.value);
      return r;
    },
    return: () => it.return!(),
  };
}

async function readAtLeast(it: ByteIterator, min: number): Promise<{ head: Buffer; ended: boolean }> {
  const parts: Buffer[] = [];
  let size = 0;
  while (size < min) {
    const r = await it.next();
    if (r.done) return { head: Buffer.concat(parts, size), ended: true };
    const chunk = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    parts.push(chunk);
    size += chunk.length;
  }
  return { head: Buffer.concat(parts, size), ended: false };
}

async function* replay(head: Buffer, ended: boolean, it: ByteIterator): AsyncGenerator<Buffer> {
  try {
    if (head.length > 0) yield head;
    if (ended) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    }
  } finally {
    // Stopping early (an error downstream, a consumer that breaks) must release the file.
    await it.return?.();
  }
}

function errorReason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
