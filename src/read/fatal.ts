// Every way an input can be unreadable, as one sentence naming the file, what was expected and
// what was found (docs/reading.md "Fatal errors"). The codes are stable; callers and tests match on them, not on prose.

import { InputError } from '../errors.js';

export type ReadFailure =
  | 'not-found'
  | 'directory'
  | 'permission'
  | 'unreadable'
  | 'empty'
  | 'no-header'
  | 'binary'
  | 'gzip'
  | 'unclosed-quote'
  | 'record-too-large'
  | 'too-many-cells';

/** How a path is named in messages: `-` is standard input. */
export function displayName(path: string): string {
  return path === '-' ? 'stdin' : path;
}

/** `1204` → `1,204`, as line numbers are printed everywhere. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

function fail(path: string, code: ReadFailure, sentence: string): InputError {
  return new InputError(`${displayName(path)}: ${sentence}`, path, code);
}

export const fatal = {
  notFound: (path: string) => fail(path, 'not-found', 'expected a CSV file but nothing exists at this path.'),
  directory: (path: string) => fail(path, 'directory', 'expected a CSV file but found a directory.'),
  permission: (path: string) => fail(path, 'permission', 'expected a readable CSV file but permission to read it was denied.'),
  unreadable: (path: string, reason: string) => fail(path, 'unreadable', `expected a readable CSV file but reading it failed (${reason}).`),
  empty: (path: string) => fail(path, 'empty', 'expected a header line but the input is empty.'),
  blankHeader: (path: string, line: number) =>
    fail(path, 'no-header', `expected a header naming the columns but line ${formatCount(line)} has only empty cells.`),
  binary: (path: string, found: string) => fail(path, 'binary', `expected CSV text but found ${found}.`),
  gzip: (path: string, reason: string) => fail(path, 'gzip', `expected gzip-compressed CSV but the compressed data is damaged (${reason}).`),
  unclosedQuote: (path: string, line: number) =>
    fail(path, 'unclosed-quote', `unclosed quote in the record starting on line ${formatCount(line)}; the rest of the file cannot be read.`),
  recordTooLarge: (path: string, line: number, limit: number) =>
    fail(
      path,
      'record-too-large',
      `expected records of at most ${formatCount(limit)} bytes but the record starting on line ${formatCount(line)} is longer; the rest of the file cannot be read.`,
    ),
  tooManyCells: (path: string, line: number, limit: number) =>
    fail(
      path,
      'too-many-cells',
      `expected records of at most ${formatCount(limit)} cells but the record starting on line ${formatCount(line)} has more; the rest of the file cannot be read.`,
    ),
};
