// Nothing lost: a run interrupted with Ctrl-C (SIGINT) while it reads leaves the previous report
// exactly as it was and no temporary file beside it (reports are written to a temp file and
// renamed, see src/write-atomic.ts). The signal is sent once the command has opened its input
// (seen in /proc/<pid>/fd on Linux; elsewhere after a second), which is long before a
// 300,000-row export is read, so the test does not depend on how fast the machine is.
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

    const child = spawn(process.execPath, [BIN, 'audit', input, '--format', 'json', '--output', join(out, 'report.json'), '--report', `html:${join(out, 'report.html')}`], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
