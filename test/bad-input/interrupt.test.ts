// Nothing lost: a run interrupted with Ctrl-C (SIGINT) or SIGTERM while it reads, after it read
// (rendering, or waiting for a FIFO to take its report), or while it waits for a FIFO input or
// policy that nobody writes, ends promptly (130 / 143, or killed by that signal, which a shell
// shows as the same number) and leaves the previous reports exactly as they were and no temporary
// file beside them (reports are written to temporary files and renamed, see src/write-atomic.ts).
// The signal is sent once the command has opened its input (seen in /proc/<pid>/fd on Linux;
// elsewhere after a second), which is long before a 300,000-row export is read, so the test does
// not depend on how fast the machine is.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, hasStackTrace } from '../cli/run.js';
import { tempDir } from './helpers.js';

let dir = '';
let input = '';

beforeAll(() => {
  dir = tempDir('sigint');
  input = join(dir, 'export.csv');
  execFileSync(process.execPath, [join(ROOT, 'bench/generate.mjs'), '300000', input]);
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once `pid` has `file` open (Linux), or after a second where /proc is not there. */
async function hasOpened(pid: number, file: string, isRunning: () => boolean): Promise<void> {
  const fdDir = `/proc/${pid}/fd`;
  if (!existsSync('/proc/self/fd')) return sleep(1000);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && isRunning()) {
    try {
      if (readdirSync(fdDir).some((fd) => safeReadlink(join(fdDir, fd)) === file)) return;
    } catch {
      // The process may be between states; look again.
    }
    await sleep(20);
  }
}

function safeReadlink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

describe('SIGINT while reading', () => {
  it('exits 130, keeps the previous reports intact and leaves no temporary file', async () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    const previousJson = '{"schema":"support-audit/report@1","note":"the previous run"}\n';
    const previousHtml = '<!doctype html><title>previous</title>\n';
    writeFileSync(join(out, 'report.json'), previousJson);
    writeFileSync(join(out, 'report.html'), previousHtml);
    const before = readdirSync(out).sort();

    const child = spawn(
      process.execPath,
      [BIN, 'audit', input, '--format', 'json', '--output', join(out, 'report.json'), '--report', `html:${join(out, 'report.html')}`],
      {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let exited = false;
    const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => {
        exited = true;
        resolve({ code, signal });
      }),
    );

    await hasOpened(child.pid!, input, () => !exited);
    expect(exited, 'the audit finished before it could be interrupted').toBe(false);
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const { code, signal } = await done;
    clearTimeout(timer);

    expect(code === 130 || signal === 'SIGINT', `exit ${code}, signal ${signal}`).toBe(true);
    expect(hasStackTrace(stderr), stderr).toBe(false);
    expect(stderr).toContain('interrupted: no report written.');
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(previousJson);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe(previousHtml);
    expect(readdirSync(out).sort()).toEqual(before);
  }, 60_000);
});

interface Interrupted {
  child: ReturnType<typeof spawn>;
  stderr: () => string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  isRunning: () => boolean;
}

function start(args: string[]): Interrupted {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdout!.resume();
  let exited = false;
  let sentAt = 0;
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((resolve) =>
    child.on('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal, ms: Date.now() - sentAt });
    }),
  );
  const kill = child.kill.bind(child);
  child.kill = (sig?: NodeJS.Signals | number) => {
    sentAt = Date.now();
    return kill(sig);
  };
  return { child, stderr: () => stderr, done, isRunning: () => !exited };
}

/** Resolves once a thread of `pid` waits in the kernel for the other end of a FIFO (Linux), or after two seconds. */
async function waitsOnFifo(pid: number, isRunning: () => boolean): Promise<void> {
  if (!existsSync('/proc/self/task')) return sleep(2000);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && isRunning()) {
    try {
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        if (/wait_for_partner|fifo/.test(readFileSync(`/proc/${pid}/task/${task}/wchan`, 'utf8'))) return;
      }
    } catch {
      // Between states: look again.
    }
    await sleep(20);
  }
}

async function endsBy(run: Interrupted, signal: 'SIGINT' | 'SIGTERM'): Promise<void> {
  run.child.kill(signal);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), 20_000);
  const { code, signal: by, ms } = await run.done;
  clearTimeout(timer);
  const status = signal === 'SIGINT' ? 130 : 143;
  expect(code === status || by === signal, `exit ${code}, signal ${by}: ${run.stderr()}`).toBe(true);
  expect(ms, 'ended promptly').toBeLessThan(5000);
  expect(hasStackTrace(run.stderr()), run.stderr()).toBe(false);
}

describe('a FIFO nobody writes to can be interrupted', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`an input FIFO, ${signal}`, async () => {
      const fifo = join(dir, `in-${signal}.csv`);
      execFileSync('mkfifo', [fifo]);
      const run = start(['audit', fifo]);
      await waitsOnFifo(run.child.pid!, run.isRunning);
      expect(run.isRunning()).toBe(true);
      await endsBy(run, signal);
    }, 60_000);
  }

  it('a policy FIFO, SIGINT', async () => {
    const fifo = join(dir, 'policy-fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    const run = start(['audit', join(ROOT, 'fixtures/samples/zendesk-tickets.csv'), '--policy', fifo]);
    await waitsOnFifo(run.child.pid!, run.isRunning);
    expect(run.isRunning()).toBe(true);
    await endsBy(run, 'SIGINT');
  }, 60_000);
});

describe('a signal after reading finished still ends the run, and no report is replaced', () => {
  const previous = '{"schema":"support-audit/report@1","note":"the previous run"}\n';

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`waiting for an output FIFO's reader, ${signal}`, async () => {
      const out = join(dir, `fifo-out-${signal}`);
      mkdirSync(out);
      writeFileSync(join(out, 'report.json'), previous);
      execFileSync('mkfifo', [join(out, 'pipe')]);
      const before = readdirSync(out).sort();
      const run = start([
        'audit',
        join(ROOT, 'fixtures/samples/zendesk-tickets.csv'),
        '--report',
        `json:${join(out, 'report.json')}`,
        '--output',
        join(out, 'pipe'),
      ]);
      // The FIFO is opened only once the audit is done and the other report is written aside.
      await waitsOnFifo(run.child.pid!, run.isRunning);
      expect(run.isRunning()).toBe(true);
      await endsBy(run, signal);
      expect(run.stderr()).toContain('interrupted: no report written.');
      expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(previous);
      expect(readdirSync(out).sort()).toEqual(before);
    }, 60_000);
  }

  it('while the reports are rendered (the input closed, nothing written yet), SIGINT', async () => {
    const out = join(dir, 'rendering');
    mkdirSync(out);
    for (const f of ['report.json', 'report.html', 'report.md']) writeFileSync(join(out, f), previous);
    const before = readdirSync(out).sort();
    const run = start([
      'audit',
      input,
      '--jobs',
      '1',
      '--by',
      'agent,team,week,month',
      '--format',
      'markdown',
      '--output',
      join(out, 'report.md'),
      '--report',
      `json:${join(out, 'report.json')}`,
      '--report',
      `html:${join(out, 'report.html')}`,
    ]);
    await hasOpened(run.child.pid!, input, run.isRunning);
    // Then wait for the input to be closed: reading is over, rendering has begun.
    const fdDir = `/proc/${run.child.pid}/fd`;
    while (run.isRunning() && existsSync(fdDir)) {
      let open = false;
      try {
        open = readdirSync(fdDir).some((fd) => safeReadlink(join(fdDir, fd)) === input);
      } catch {
        break;
      }
      if (!open) break;
      await sleep(10);
    }
    expect(run.isRunning(), 'the run ended before the signal could be sent').toBe(true);
    await endsBy(run, 'SIGINT');
    for (const f of ['report.json', 'report.html', 'report.md']) expect(readFileSync(join(out, f), 'utf8')).toBe(previous);
    expect(readdirSync(out).sort()).toEqual(before);
  }, 120_000);
});

describe('SIGINT while reading standard input', () => {
  it('removes the private copy of stdin too (the process ends by the signal: no exit handler runs)', async () => {
    const temp = join(dir, 'stdin-tmp');
    mkdirSync(temp);
    const child = spawn(process.execPath, [BIN, 'audit', '-', '--format', 'json'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', TMPDIR: temp },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    // Rows, then the pipe stays open: the audit waits for more while its copy exists.
    child.stdin.write(readFileSync(join(ROOT, 'fixtures/samples/zendesk-tickets.csv')));
    const copied = () => readdirSync(temp).some((d) => existsSync(join(temp, d, 'stdin')));
    for (let i = 0; i < 300 && !copied(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(copied(), 'no copy of stdin was made').toBe(true);
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const { code, signal } = await done;
    clearTimeout(timer);
    expect(code === 130 || signal === 'SIGINT', `exit ${code}, signal ${signal}`).toBe(true);
    expect(hasStackTrace(stderr), stderr).toBe(false);
    expect(readdirSync(temp)).toEqual([]);
  }, 60_000);
});
