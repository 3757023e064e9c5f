// Progress on stderr while the exports are read, only when stderr is a terminal: one line,
// rewritten in place, `reading tickets.csv: 45% · 360,000 rows · 120,000 rows/s · 5s left`, and
// erased before anything else is written (the scorecard, a warning, an error). Piped or
// redirected, stderr stays silent so cron mail and CI logs carry only what matters.
// Percent and time left count bytes of all the inputs (compressed bytes for .gz): they are
// said only when every input's size is known (stdin's is not).

import { statSync } from 'node:fs';
import { fitText } from '../render/text-width.js';
import { terminalSafe } from '../render/sanitize.js';
import type { Io } from './io.js';

/** Rows before the first line (a short run shows none), and the least time between two lines. */
const FIRST_ROWS = 50_000;
const EVERY_MS = 250;

export interface Progress {
  onRows: (path: string, rows: number, bytes: number) => void;
  /** Erases the line, if one was shown. */
  done: () => void;
}

/** `4s`, `1m20s`, `1h05m`. */
export function timeLeftText(seconds: number): string {
  const s = Math.max(1, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** Each input's size in bytes, or null when it is not a regular file (stdin, a pipe). */
function sizeOf(path: string): number | null {
  if (path === '-') return null;
  try {
    const info = statSync(path);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

export function progressReporter(io: Io, files: string[], now: () => number = Date.now): Progress | undefined {
  if (!io.stderrIsTTY) return undefined;
  const sizes = files.map(sizeOf);
  const total = sizes.every((s) => s !== null) ? sizes.reduce((a: number, s) => a + (s ?? 0), 0) : null;
  const start = now();
  let last = -Infinity;
  let shown = false;
  // Inputs are read in order: bytes of the inputs before the current one count as read.
  let current = -1;
  let before = 0;
  let rowsBefore = 0;
  let lastRows = 0;
  const onRows = (path: string, rows: number, bytes: number) => {
    if (current === -1 || files[current] !== path) {
      const next = files.indexOf(path, current + 1);
      if (next === -1) return;
      for (let i = Math.max(current, 0); i < next; i++) before += sizes[i] ?? 0;
      if (current !== -1) rowsBefore += lastRows;
      current = next;
    }
    lastRows = rows;
    const t = now();
    const allRows = rowsBefore + rows;
    if ((!shown && allRows < FIRST_ROWS) || t - last < EVERY_MS) return;
    last = t;
    const seconds = (t - start) / 1000;
    const parts: string[] = [];
    if (total !== null && total > 0) {
      const read = Math.min(total, before + Math.min(bytes, sizes[current] ?? bytes));
      parts.push(`${Math.min(99, Math.floor((read / total) * 100))}%`);
      parts.push(`${allRows.toLocaleString('en-US')} rows`);
      if (seconds > 0) parts.push(`${Math.round(allRows / seconds).toLocaleString('en-US')} rows/s`);
      if (seconds >= 1 && read > 0) parts.push(`${timeLeftText(((total - read) / read) * seconds)} left`);
    } else {
      parts.push(`${allRows.toLocaleString('en-US')} rows`);
      if (seconds > 0) parts.push(`${Math.round(allRows / seconds).toLocaleString('en-US')} rows/s`);
    }
    const which = files.length > 1 ? ` (${current + 1} of ${files.length})` : '';
    const text = `reading ${terminalSafe(path)}${which}: ${parts.join(' · ')}`;
    // One line, never wrapped: a carriage return goes back to the start of the last line only.
    const columns = io.stderrColumns && io.stderrColumns > 10 ? io.stderrColumns - 1 : 79;
    io.stderr(`\r${fitText(text, columns)}\x1b[K`);
    shown = true;
  };
  return {
    onRows,
    done() {
      if (shown) io.stderr('\r\x1b[K');
      shown = false;
    },
  };
}
