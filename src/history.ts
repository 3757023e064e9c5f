// `--history FILE`: one JSON line per audit run (its as_of, score, gate and each rule's compliance
// and counts), appended, so trends over weeks of cron runs can be shown and `diff` can compare
// with the run a week before. Written safely (docs/reports.md "History"): the file is resolved
// like a report (links followed only where the kernel would, never a device, FIFO or an input),
// read back capped, and each run appended with O_APPEND in one write.

import { closeSync, constants, fstatSync, openSync, writeSync } from 'node:fs';
import { UsageError } from './errors.js';
import { megabytes, readLimited, TooLarge } from './read-limited.js';
import type { Report, RuleStatus } from './report.js';
import { writeReason } from './write-atomic.js';

export const HISTORY_SCHEMA = 'support-audit/history@1';

/**
 * Largest history file read. A run's line is about 2 kB with fifteen rules: a daily cron fills
 * 16 MB in about twenty years; past it, the message asks for a new file.
 */
export const MAX_HISTORY_BYTES = 16 * 1024 * 1024;

export interface HistoryRule {
  id: string;
  status: RuleStatus;
  compliance: number | null;
  target: number;
  eligible: number;
  met: number;
  breached: number;
  pending: number;
  excluded: number;
}

export interface HistoryEntry {
  schema: typeof HISTORY_SCHEMA;
  as_of: string | null;
  policy: string;
  score: number | null;
  status: 'pass' | 'warn' | 'fail';
  gate: 'passed' | 'failed';
  rules: HistoryRule[];
}

/** The run's summary as one history entry. */
export function historyEntry(report: Report): HistoryEntry {
  return {
    schema: HISTORY_SCHEMA,
    as_of: report.as_of,
    policy: report.policy.name,
    score: report.summary.score,
    status: report.summary.status,
    gate: report.summary.gate.passed ? 'passed' : 'failed',
    rules: report.rules.map((r) => ({
      id: r.id,
      status: r.status,
      compliance: r.compliance,
      target: r.target,
      eligible: r.eligible,
      met: r.met,
      breached: r.breached,
      pending: r.pending,
      excluded: r.excluded,
    })),
  };
}

const STATUSES = new Set(['pass', 'warn', 'fail', 'no_data', 'insufficient']);
const isNumberOrNull = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));
const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** What is wrong with one parsed line, or undefined when it is an entry. */
function entryProblem(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'not a JSON object';
  const e = v as Record<string, unknown>;
  if (e.schema !== HISTORY_SCHEMA) return `its schema is not ${HISTORY_SCHEMA}`;
  if (!(e.as_of === null || (typeof e.as_of === 'string' && !Number.isNaN(Date.parse(e.as_of))))) return '"as_of" is not a timestamp';
  if (!isNumberOrNull(e.score)) return '"score" is not a number';
  if (!Array.isArray(e.rules)) return '"rules" is not a list';
  for (const [i, r] of e.rules.entries()) {
    const rule = r as Record<string, unknown> | null;
    const ok =
      rule !== null &&
      typeof rule === 'object' &&
      typeof rule.id === 'string' &&
      STATUSES.has(rule.status as string) &&
      isNumberOrNull(rule.compliance) &&
      typeof rule.target === 'number' &&
      ['eligible', 'met', 'breached', 'pending', 'excluded'].every((k) => isCount(rule[k]));
    if (!ok) return `"rules[${i}]" is missing or not what a history entry holds there`;
  }
  return undefined;
}

/** The entries of a history text, in file order; a damaged line is an error naming it. */
export function parseHistory(text: string, shown: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    let value: unknown;
    let problem: string | undefined;
    try {
      value = JSON.parse(lines[i]);
      problem = entryProblem(value);
    } catch {
      problem = 'not JSON';
    }
    if (problem) throw new UsageError(`history file ${shown}, line ${i + 1}: not a support-audit history entry (${problem}); fix or remove that line.`);
    entries.push(value as HistoryEntry);
  }
  return entries;
}

/** The entries of an existing history file (none for a new one, unless `missing` says it must exist), its size capped. */
export async function readHistory(
  path: string,
  shown: string,
  missing: 'empty' | 'error' = 'empty',
): Promise<{ entries: HistoryEntry[]; endsWithNewline: boolean }> {
  let text: string;
  try {
    text = await readLimited(path, MAX_HISTORY_BYTES);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      if (missing === 'error') throw new UsageError(`history file ${shown} not found.`);
      return { entries: [], endsWithNewline: true };
    }
    if (err instanceof TooLarge) {
      throw new UsageError(`history file ${shown} is larger than ${megabytes(err.limit)}: start a new one (keep the old one for its past runs).`);
    }
    throw new UsageError(`cannot read history file ${shown}: ${writeReason(err)}.`);
  }
  return { entries: parseHistory(text, shown), endsWithNewline: text === '' || text.endsWith('\n') };
}

/**
 * Appends `entry` as one line: opened with O_APPEND (two runs at once each add whole lines) and
 * O_NOFOLLOW (the path was resolved past its links already; a link put there since is refused),
 * checked to be a regular file, written in one write.
 */
export function appendHistory(path: string, shown: string, entry: HistoryEntry, endsWithNewline: boolean): void {
  const line = Buffer.from(`${endsWithNewline ? '' : '\n'}${JSON.stringify(entry)}\n`, 'utf8');
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o644);
    if (!fstatSync(fd).isFile()) throw new UsageError(`cannot append to history file ${shown}: it is not a regular file.`);
    let written = writeSync(fd, line);
    // A regular file takes the whole line in one write; should it not, the rest follows at once.
    while (written < line.length) written += writeSync(fd, line, written);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot append to history file ${shown}: ${writeReason(err)}.`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
