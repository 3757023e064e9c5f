// Where to cut a plain file into byte ranges for parallel reading. A cut must fall between two
// records; whether a `\n` is one (and not inside a quoted field) cannot be told from nearby bytes
// alone, so the cut is proven afterwards by the range before it (read/range.ts). Here we only make
// failure unlikely: a cut goes right after a `\n` followed by lines that each read as one whole
// record of this file (quotes balanced within the line, the header's number of fields).

import { open } from 'node:fs/promises';

/** Bytes looked at after each target offset for a cut. */
const WINDOW = 256 * 1024;
const LF = 10;
const QUOTE = 34;

export interface SplitRequest {
  /** First byte of the data (after the header). */
  start: number;
  /** File size. */
  end: number;
  /** Even ranges wanted (not needed with `threads`). */
  parts?: number;
  /**
   * Threads that will take the ranges as they come free: ranges then shrink along the file, each
   * about a 1/(2·threads) share of what is left (guided self-scheduling), so the last ones are
   * small and the threads finish close together instead of one waiting on another's last range.
   */
  threads?: number;
  /** Largest range planned with `threads`: what one range holds until merged stays bounded on any file size. */
  maxBytes?: number;
  /** Smallest range worth a cut. */
  minBytes: number;
  /**
   * Cut a last range of about this many bytes off the end as well (it may be smaller than
   * minBytes): a range quick to read first, for the latest times of a file sorted oldest first.
   */
  tailBytes?: number;
  /** No cut before this offset (the rows already looked at on the main thread). */
  notBefore: number;
  /** Cells in the header. */
  width: number;
  delimiter: string;
}

/** Cut offsets, ascending, each after `notBefore`; empty when the data is too small to split. */
export async function findSplits(path: string, req: SplitRequest): Promise<number[]> {
  const parts = Math.min(req.parts ?? Infinity, Math.floor((req.end - req.start) / Math.max(1, req.minBytes)));
  if (parts < 2) return [];
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(WINDOW);
    /** The first record boundary found at or after `target`, or -1. */
    const cutAfter = async (target: number): Promise<number> => {
      const { bytesRead } = await handle.read(buffer, 0, WINDOW, target);
      const at = cutIn(buffer.subarray(0, bytesRead), req.width, req.delimiter.charCodeAt(0));
      return at >= 0 && target + at < req.end ? target + at : -1;
    };
    const cuts: number[] = [];
    for (const planned of plannedCuts(req, parts)) {
      const target = Math.max(planned, req.notBefore, (cuts.at(-1) ?? req.start) + req.minBytes);
      if (target >= req.end - req.minBytes) break;
      const cut = await cutAfter(target);
      if (cut >= 0) cuts.push(cut);
    }
    if (cuts.length > 0 && req.tailBytes !== undefined && req.tailBytes > 0) {
      const target = Math.max(req.end - req.tailBytes, req.notBefore);
      const cut = target > cuts[cuts.length - 1] ? await cutAfter(target) : -1;
      if (cut >= 0) cuts.push(cut);
    }
    return cuts;
  } finally {
    await handle.close();
  }
}

/** Where cuts would go, before each is moved to a record boundary. */
function plannedCuts(req: SplitRequest, parts: number): number[] {
  const span = req.end - req.start;
  if (!req.threads) return Array.from({ length: parts - 1 }, (_, k) => req.start + Math.floor((span * (k + 1)) / parts));
  const planned: number[] = [];
  for (let at = req.start; ; ) {
    at += Math.min(req.maxBytes ?? Infinity, Math.max(req.minBytes, Math.floor((req.end - at) / (2 * req.threads))));
    if (at >= req.end - req.minBytes) return planned;
    planned.push(at);
  }
}

/** Offset in `bytes` just after a `\n` whose next lines read as whole records, or -1. */
function cutIn(bytes: Buffer, width: number, delimiter: number): number {
  let lineStart = bytes.indexOf(LF) + 1;
  while (lineStart > 0 && lineStart < bytes.length) {
    if (wholeRecords(bytes, lineStart, width, delimiter)) return lineStart;
    lineStart = bytes.indexOf(LF, lineStart) + 1;
  }
  return -1;
}

/**
 * Whether the next LINES_CHECKED lines from `from`, read as if no quote were open there, are each
 * one whole record of `width` fields (quotes opening and closing within the line, as the parser
 * reads them). Inside a quoted field of prose that is very unlikely to hold for several lines.
 */
function wholeRecords(bytes: Buffer, from: number, width: number, delimiter: number): boolean {
  let p = from;
  for (let line = 0; line < LINES_CHECKED; line++) {
    let fields = 1;
    let fieldStart = true;
    let quoted = false;
    for (;;) {
      if (p >= bytes.length) return false;
      const c = bytes[p++];
      if (quoted) {
        if (c === QUOTE) {
          if (bytes[p] === QUOTE) p++;
          else quoted = false;
        }
        continue;
      }
      if (c === LF) break;
      if (c === delimiter) {
        fields++;
        fieldStart = true;
        continue;
      }
      if (c === QUOTE && fieldStart) quoted = true;
      fieldStart = false;
    }
    if (fields !== width) return false;
  }
  return true;
}

/** Lines that must read as whole records after a cut. */
const LINES_CHECKED = 3;
