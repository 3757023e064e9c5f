// What commands may touch of the outside world: output streams, their TTY-ness, env, cwd.

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Columns of the terminal stdout is, when it is one. */
  stdoutColumns?: number;
  /** Columns of the terminal stderr is, when it is one (progress). */
  stderrColumns?: number;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Colour only on a TTY; `NO_COLOR`, `FORCE_COLOR` and `--no-color` honoured. */
export function useColor(flag: boolean | undefined, isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (flag === false) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}

/**
 * A point where a pending SIGINT/SIGTERM is handled. Signal handlers run only between tasks of
 * the event loop, never during synchronous work (rendering a large report), and a run that ends
 * right after that work would exit without ever running them.
 */
export function signalPoint(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Columns for text that goes to no terminal (a pipe, a file): COLUMNS, else 100. */
export function textWidthSetting(env: NodeJS.ProcessEnv): number {
  const n = Number(env.COLUMNS);
  return Number.isInteger(n) && n >= 40 ? n : 100;
}

/** Columns of stdout: the terminal's when it is one, else as textWidthSetting. */
export function terminalWidth(io: Io): number {
  return io.stdoutIsTTY && io.stdoutColumns ? io.stdoutColumns : textWidthSetting(io.env);
}
