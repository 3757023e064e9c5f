// Typed errors, mapped to exit codes in one place (README "Exit codes"): user errors → 2 with one clear
// sentence; a failed gate → 1; anything unexpected → a short request for a bug report.

/** Something wrong with how the command was called (flags, arguments). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The policy file is unreadable or invalid. `path` is the policy path, `issues` the schema paths. */
export class PolicyError extends Error {
  override name = 'PolicyError';
  constructor(
    message: string,
    readonly issues: string[] = [],
  ) {
    super(message);
  }
}

/** An input file cannot be read at all (missing, binary, no recognisable header, …). */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    message: string,
    readonly path?: string,
    readonly code: string = 'unreadable',
  ) {
    super(message);
  }
}

/** `--strict` and the input had problems. */
export class StrictError extends InputError {
  override name = 'StrictError';
}

// The command has three exit codes; an internal error is also "nothing audited", so it exits 2 too.
export const EXIT = { ok: 0, gateFailed: 1, userError: 2, internal: 2 } as const;

export function isUserError(err: unknown): err is UsageError | PolicyError | InputError {
  return err instanceof UsageError || err instanceof PolicyError || err instanceof InputError;
}

/** The exit code and the lines to print on stderr for an error that reached the top. */
export function describeError(err: unknown): { exitCode: number; lines: string[] } {
  if (err instanceof PolicyError) {
    return { exitCode: EXIT.userError, lines: [`error: ${err.message}`, ...err.issues.map((i) => `  ${i}`)] };
  }
  if (err instanceof InputError && err.path) {
    // Standard input is named `stdin` in messages (its path is `-`).
    const shown = err.path === '-' ? 'stdin' : err.path;
    if (!err.message.includes(shown)) return { exitCode: EXIT.userError, lines: [`error: ${shown}: ${err.message}`] };
  }
  if (isUserError(err)) return { exitCode: EXIT.userError, lines: [`error: ${err.message}`] };
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  return {
    exitCode: EXIT.internal,
    lines: [
      `internal error: ${err instanceof Error ? err.message : String(err)}`,
      'This is a bug in support-audit. Please report it with the command you ran;',
      'set SUPPORT_AUDIT_DEBUG=1 to see the stack trace.',
      ...(process.env.SUPPORT_AUDIT_DEBUG ? [detail] : []),
    ],
  };
}
