// The progress line in-process: a fake terminal (stderrIsTTY) and a fake clock, so the figures
// are exact. test/cli/progress.test.ts runs the real command on a pseudo-terminal.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { progressReporter, timeLeftText } from '../../src/cli/progress.js';

function terminal(tty = true, columns = 120): Io & { err: string[] } {
  const err: string[] = [];
  return { err, stdout: () => {}, stderr: (t) => void err.push(t), stdoutIsTTY: tty, stderrIsTTY: tty, stderrColumns: columns, env: {}, cwd: '/' };
}

function files(...sizes: number[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'sa-progress-line-'));
  return sizes.map((n, i) => {
    const path = join(dir, `export-${i + 1}.csv`);
    writeFileSync(path, 'x'.repeat(n));
    return path;
  });
}

describe('progress line', () => {
  it('is silent when stderr is not a terminal', () => {
    expect(progressReporter(terminal(false), files(10))).toBeUndefined();
  });

  it('says percent of bytes over all inputs, rows per second and time left, and is erased once', () => {
    const io = terminal();
    const [a, b] = files(1000, 3000);
    let t = 0;
    const p = progressReporter(io, [a, b], () => t)!;
    t = 1000;
    p.onRows(a, 20_000, 200); // fewer than 50,000 rows: nothing yet
    expect(io.err).toEqual([]);
    t = 2000;
    p.onRows(a, 50_000, 500);
    // 500 of 4,000 bytes = 12.5 % → 12%; 50,000 rows in 2 s; 3,500 bytes left at 250 bytes/s = 14 s.
    expect(io.err.at(-1)).toBe(`\rreading ${a} (1 of 2): 12% · 50,000 rows · 25,000 rows/s · 14s left\x1b[K`);
    t = 4000;
    p.onRows(b, 10_000, 1000);
    // The first input read whole: 1,000 + 1,000 of 4,000 bytes = 50 %; 60,000 rows in 4 s; 2,000 bytes left at 500 bytes/s = 4 s.
    expect(io.err.at(-1)).toBe(`\rreading ${b} (2 of 2): 50% · 60,000 rows · 15,000 rows/s · 4s left\x1b[K`);
    const shown = io.err.length;
    t = 4100;
    p.onRows(b, 11_000, 1100); // within 250 ms of the last line
    expect(io.err.length).toBe(shown);
    p.done();
    expect(io.err.at(-1)).toBe('\r\x1b[K');
    p.done();
    expect(io.err.length).toBe(shown + 1);
  });

  it('says no percent nor time left for stdin, whose size is unknown', () => {
    const io = terminal();
    let t = 0;
    const p = progressReporter(io, ['-'], () => t)!;
    t = 2000;
    p.onRows('-', 50_000, 123_456);
    expect(io.err.at(-1)).toBe('\rreading -: 50,000 rows · 25,000 rows/s\x1b[K');
  });

  it('stays on one line of the terminal and prints no control character of a file name', () => {
    const io = terminal(true, 40);
    const [a] = files(100);
    const hostile = `${a}\x1b]0;evil\x07`;
    let t = 0;
    const p = progressReporter(io, [hostile], () => t)!;
    t = 5000;
    p.onRows(hostile, 60_000, 50);
    const line = io.err.at(-1)!;
    expect(line.startsWith('\r')).toBe(true);
    expect(line.endsWith('\x1b[K')).toBe(true);
    const text = line.slice(1, -3);
    expect(text).not.toMatch(/[\x00-\x1f]/);
    expect([...text].length).toBeLessThanOrEqual(39);
  });

  it('writes time left as seconds, minutes or hours', () => {
    expect(timeLeftText(0.2)).toBe('1s');
    expect(timeLeftText(59)).toBe('59s');
    expect(timeLeftText(80)).toBe('1m20s');
    expect(timeLeftText(3900)).toBe('1h05m');
  });
});
