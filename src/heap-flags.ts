// How V8 sizes and collects the heap of the command (set by bin/support-audit.js before anything else loads).
// An audit keeps little (counts, sketches, bounded pools) while millions of short-lived rows
// stream through, and V8's defaults size the heap for programs that keep what they allocate:
// most of the command's peak memory was that headroom. Measured, and why these flags stay: docs/performance.md.

import { setFlagsFromString } from 'node:v8';

/** Whether the command has set the flags (applyHeapFlags); not in a library caller or a test. */
let applied = false;

/**
 * - `--heap-growing-percent=20`: after a full collection, the old generation may grow by a fifth
 *   of what survived, not up to fourfold: what survives is little, so the headroom was most of
 *   the peak.
 * - `--semi-space-growth-factor=1`: the young generation keeps its first size (semi-spaces of
 *   1 MB) instead of doubling up to 16 MB: rows die young, so a bigger one only holds more
 *   garbage between collections (lower peak, no slower).
 * - `--no-parallel-scavenge`: a young-generation collection runs on the thread that filled it.
 *   With 1 MB semi-spaces each is too small to share out, and waking V8's helper threads for it
 *   cost time when every core is reading (faster with --jobs 2, one thread no slower).
 *
 * `npm run bench:checks` checks the young generation's size on the real command.
 *
 * These are read by V8 whenever it sizes or collects, so they may change at run time. Flags
 * that change what V8 sets up once (--single-threaded-gc) crash it when set at run time: they
 * are for node's command line only. V8 sets the growth factor back to 2 whenever an isolate is
 * made, i.e. when a worker thread starts: the pool calls this again once its workers are up.
 */
export function applyHeapFlags(): void {
  setFlagsFromString('--heap-growing-percent=20');
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--no-parallel-scavenge');
  applied = true;
}

/** After starting worker threads: the flags again, if the command set them (not in a library or a test). */
export function reapplyHeapFlags(): void {
  if (applied) applyHeapFlags();
}
