// Policy files and saved reports are read whole, so their size is capped: a device that never
// ends (/dev/zero as --policy or --baseline) or a file far larger than any policy or report must
// be a clear error, not memory growing until the process is killed. Opened asynchronously, so
// that a FIFO nobody writes to waits without blocking the main thread (Ctrl-C still works).

import { open } from 'node:fs/promises';

/** Largest policy file read (a full policy with comments is a few kB). */
export const MAX_POLICY_BYTES = 4 * 1024 * 1024;

/**
 * Largest saved report read (--baseline, diff). A report is bounded by its own limits: 1,000
 * problems per input, 1,000 keys per breakdown (--max-keys), the worst breaches per rule; one
 * with six full breakdowns of fifteen rules is about 10 MB.
 */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** More bytes than the limit: the file (or device, or FIFO) was not read to its end. */
export class TooLarge extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
  }
}

/** `4 MB`, `64 MB`: how limits are written in messages. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/**
 * The text of `path` (UTF-8, a leading byte-order mark dropped), at most `limit` bytes of it;
 * TooLarge past it. Regular files, devices and FIFOs alike; a directory fails with EISDIR.
 */
export async function readLimited(path: string, limit: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    if ((await handle.stat()).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      // One byte more than allowed tells "exactly at the limit" from "past it".
      const want = Math.min(64 * 1024, limit + 1 - size);
      const chunk = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(chunk, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      size += bytesRead;
      if (size > limit) throw new TooLarge(limit);
    }
    return Buffer.concat(chunks, size)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}
