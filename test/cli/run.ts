// Spawns the real command (built by `pretest`) with colour off, as a user or CI would run it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { checkCliReports } from '../support/report-schema.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/support-audit.js', import.meta.url));
export { REAL_DIR as REAL } from '../support/real-data.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...opts.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // Every JSON report a test makes is checked against the published schema.
  checkCliReports(args, r.stdout, opts.cwd ?? ROOT);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** No stack traces, ever, for a user error. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+\(.+:\d+:\d+\)/.test(text) || /node:internal/.test(text);
}
