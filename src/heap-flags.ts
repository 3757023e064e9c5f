// How V8 sizes the heap of the command (set by bin/support-audit.js before anything else loads).
// An audit keeps little (counts, sketches, bounded pools) while millions of short-lived rows
// stream through, and V8's defaults size the heap for programs that keep what they allocate:
// most of the command's peak memory was that headroom (README "Performance").

import { setFlagsFromString } from 'node:v8';

/**
 * - `--heap-growing-percent=20`: after a full collection, the old generation may grow by a fifth
 *   of what survived, not up to fourfold (1M rows, one thread: peak 172 → 134 MB).
 * - `--semi-space-growth-factor=1`: the young generation keeps its first size (semi-spaces of
 *   1 MB) instead of doubling up to 16 MB: rows die young, so a bigger one only holds more
 *   garbage between collections (1M rows, one thread: peak 138 → 101 MB, no slower).
 *
 * Only sizes change, never how V8 collects (flags like --single-threaded-gc crash V8 when set at
 * run time). V8 sets the growth factor back to 2 whenever an isolate is made, i.e. when a worker
 * thread starts: the pool calls this again after starting its workers.
 */
export function applyHeapFlags(): void {
  setFlagsFromString('--heap-growing-percent=20');
  setFlagsFromString('--semi-space-growth-factor=1');
  applied = true;
}

let applied = false;

/** After starting worker threads: the flags again, if the command set them (not in a library or a test). */
export function reapplyHeapFlags(): void {
  if (applied) applyHeapFlags();
}
