// Running the real command on bad input: asynchronously (so cases can run side by side), with a
// hard timeout (a hang is a failure, not a stuck suite), and reading the JSON report back.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, ROOT } from '../cli/run.js';
import type { Report } from '../../src/report.js';
import { checkCliReports } from '../support/report-schema.js';

export const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

export interface RunOptions {
  cwd?: string;
  timeoutMs?: number;
  input?: string | Buffer;
  env?: Record<string, string>;
  /** Run as this user and group (only possible as root): used to make permissions bite. */
  uid?: number;
  gid?: number;
}

export function cli(args: string[], opts: RunOptions = {}): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...opts.env },
      uid: opts.uid,
      gid: opts.gid,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 30_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // Every JSON report a test makes is checked against the published schema.
      try {
        checkCliReports(args, stdout, opts.cwd ?? ROOT);
      } catch (err) {
        reject(err);
        return;
      }
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started, timedOut });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `support-audit-${prefix}-`));
}

export function report(run: Run): Report {
  return JSON.parse(run.stdout) as Report;
}

/** Deterministic bytes (mulberry32), so a failing binary case can be reproduced. */
export function seededBytes(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let a = seed >>> 0;
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (t ^ (t >>> 14)) & 0xff;
  }
  return out;
}
