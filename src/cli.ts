// The thin entry: argv → options → one call returning data → renderers → process.exitCode.
// The commands live in cli/; nothing below this file exits the process.

import { Command, CommanderError } from 'commander';
import { registerAudit } from './cli/audit-command.js';
import type { Io } from './cli/io.js';
import { registerDiff, registerInit, registerInspect, registerPolicy, registerSql } from './cli/other-commands.js';
import { describeError, EXIT } from './errors.js';
import { terminalSafe } from './render/sanitize.js';
import { VERSION } from './version.js';
import { signalPoint } from './cli/io.js';
import { removePendingTemps, reportsCommitted, writeReason } from './write-atomic.js';

export { useColor } from './cli/io.js';

export function buildProgram(io: Io): Command {
  const program = new Command('support-audit')
    .description('Audit customer-support exports against a service-standards policy.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: (text) => io.stderr(safeLines(text)) })
    .exitOverride();
  registerAudit(program, io);
  registerInspect(program, io);
  registerInit(program, io);
  registerPolicy(program, io);
  registerDiff(program, io);
  registerSql(program, io);
  return program;
}

/** Messages quote file names, header cells and flag values: printable text only, line by line. */
function safeLines(text: string): string {
  return text.split('\n').map(terminalSafe).join('\n');
}

export async function main(argv: string[]): Promise<void> {
  const io: Io = {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdoutColumns: process.stdout.columns,
    stderrColumns: process.stderr.columns,
    env: process.env,
    cwd: process.cwd(),
  };
  // A reader that goes away (`| head`) is not an error; any other failure to write stdout (a full
  // disk, a closed descriptor) is: the report there is incomplete.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    removePendingTemps();
    process.stderr.write(`error: cannot write the report to standard output: ${writeReason(err)}.\n`);
    process.exit(EXIT.userError);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => interrupted(signal));
  try {
    await buildProgram(io).parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successes; everything else commander rejects is a usage error.
      process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.userError;
      return;
    }
    const { exitCode, lines } = describeError(err);
    io.stderr(`${lines.map(terminalSafe).join('\n')}\n`);
    process.exitCode = exitCode;
  }
  // A signal that came during the last synchronous step still ends the run as interrupted.
  await signalPoint();
}

/**
 * Interrupted: half-written temporary files are deleted (the previous reports stay as they were),
 * then the process ends by the signal itself, as a shell expects (exit status 130 or 143). Not
 * with process.exit: it waits for every thread, and one blocked opening a FIFO that nobody
 * writes (an input, a policy) would keep the process alive.
 */
function interrupted(signal: 'SIGINT' | 'SIGTERM'): void {
  removePendingTemps();
  process.stderr.write(reportsCommitted() ? '\ninterrupted (the reports were already written).\n' : '\ninterrupted: no report written.\n');
  // The handler was registered once: the signal's default action (ending the process) is back.
  process.kill(process.pid, signal);
  setTimeout(() => process.exit(signal === 'SIGINT' ? 130 : 143), 1000).unref();
}
