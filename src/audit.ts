// The audit as one function returning plain data (the report of DESIGN §6). Nothing here prints
// or exits: the CLI renders the result and sets the exit code.

import { decideGate } from './aggregate/gate.js';
import { createScorecard, type ScorecardOptions } from './aggregate/scorecard.js';
import { applyBaseline, regressions } from './compare.js';
import { UsageError } from './errors.js';
import { availableFields, ingestFile, type IngestedFile, type IngestOptions } from './ingest.js';
import type { InspectRequest } from './inspect.js';
import { IdSet } from './map/id-set.js';
import { RangePool } from './parallel/pool.js';
import { DEFAULT_MIN_RANGE_BYTES, DEFAULT_MIN_SPLIT_BYTES, parallelReader, warmFor } from './parallel/reader.js';
import { createBusinessClock } from './measure/business-clock.js';
import type { Clock } from './measure/clock.js';
import type { Policy } from './policy/types.js';
import { REPORT_SCHEMA, type Dimension, type Report } from './report.js';
import { resolveWhen, type When } from './selection.js';
import type { Ticket } from './types.js';
import { VERSION } from './version.js';

export interface AuditRequest extends InspectRequest {
  asOf?: number;
  since?: When;
  until?: When;
  by: Dimension[];
  maxBreaches: number;
  /** Keys a breakdown lists at most (--max-keys; default DEFAULT_MAX_KEYS); also bounds what is counted one by one. */
  maxKeys?: number;
  explain?: string;
  strict: boolean;
  minScore?: number;
  failOn?: 'error' | 'warn';
  baseline?: { report: Report; path: string; maxRegression?: number };
  onRows?: (path: string, rows: number) => void;
  /** Threads reading plain files in byte ranges (1: one pass on the main thread). Default 1. */
  jobs?: number;
  /** Told when a file was read in parallel byte ranges (how many). */
  onRanges?: (path: string, ranges: number) => void;
}

/** Keyed by schedule name, the user's words: no prototype, so `toString` or `__proto__` is just a name. */
export function businessClocks(policy: Policy): Record<string, Clock> {
  const clocks: Record<string, Clock> = Object.create(null);
  for (const [name, schedule] of Object.entries(policy.schedules)) clocks[name] = createBusinessClock(schedule);
  return clocks;
}

/**
 * Smallest byte range worth a thread, and smallest data worth splitting. SUPPORT_AUDIT_MIN_RANGE_BYTES
 * sets the first and makes the second twice that (tests make small files split).
 */
function splitSizes(): { minRangeBytes: number; minSplitBytes: number } {
  const set = Number(process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES);
  return Number.isInteger(set) && set > 0
    ? { minRangeBytes: set, minSplitBytes: 2 * set }
    : { minRangeBytes: DEFAULT_MIN_RANGE_BYTES, minSplitBytes: DEFAULT_MIN_SPLIT_BYTES };
}

export async function runAudit(req: AuditRequest): Promise<Report> {
  const { policy } = req;
  if (req.explain && !policy.rules.some((r) => r.id === req.explain)) {
    const ids = policy.rules.map((r) => r.id).join(', ');
    throw new UsageError(`unknown rule "${req.explain}"; the policy's rules are: ${ids}.`);
  }
  const relative = req.since?.kind === 'relative' || req.until?.kind === 'relative';
  // A span before as_of needs as_of, which comes from the data unless given: hold the tickets
  // until the end of the input in that one case (documented in README "Selecting tickets").
  const deferSelection = relative && req.asOf === undefined;
  const cardOptions = (since?: number, until?: number): Omit<ScorecardOptions, 'clocks'> => ({
    by: req.by,
    since,
    until,
    maxBreaches: req.maxBreaches,
    maxKeys: req.maxKeys,
    explain: req.explain,
    timezone: policy.timezone,
    asOf: req.asOf,
    asOfFromData: req.asOf === undefined,
  });
  const scorecardFor = (since?: number, until?: number) =>
    createScorecard(policy, { ...cardOptions(since, until), clocks: businessClocks(policy) });
  const held: Ticket[] = [];
  const selection = [resolveWhen(req.since, req.asOf ?? 0), resolveWhen(req.until, req.asOf ?? 0)] as const;
  const scorecard = deferSelection ? undefined : scorecardFor(...selection);

  const seenIds = new IdSet();
  const ingest = {
    preset: req.preset,
    inputs: policy.inputs,
    timezone: req.timezone ?? policy.inputs.timezone,
    dateOrder: req.dateOrder,
    asOf: req.asOf,
  };
  // Held tickets need every ticket on this thread, and --strict stops at the first problem in file
  // order: one pass then (no worker is started for nothing).
  const jobs = scorecard && !req.strict ? Math.max(1, Math.floor(req.jobs ?? 1)) : 1;
  const pool = jobs > 1 ? new RangePool(jobs - 1, { policy, ingest, card: cardOptions(...selection) }) : undefined;
  const sizes = splitSizes();
  const reader = pool && parallelReader({ pool, jobs, card: scorecard!, newCard: () => scorecardFor(...selection), seenIds, ...sizes, onRanges: req.onRanges });
  const files: IngestedFile[] = [];
  try {
    if (pool) await warmFor(pool, req.files, sizes.minSplitBytes);
    for (let i = 0; i < req.files.length; i++) {
      const path = req.files[i];
      const opts: IngestOptions = {
        ...ingest,
        delimiter: req.delimiter,
        strict: req.strict,
        seenIds,
        stdin: req.stdin,
        onRows: req.onRows ? (rows) => req.onRows!(path, rows) : undefined,
        reader,
        // Once the last file's mapping is known, so is every field the audit will have: a rule
        // that lacks one reports no_data whatever its tickets scored (DESIGN §4), so the last
        // file's tickets are not judged by it at all. (Earlier files cannot know what a later
        // one brings.)
        onMapped: scorecard && i === req.files.length - 1
          ? (mapper) => {
            const skip = scorecard.rulesLacking(availableFields([...files, { mapper }]));
            scorecard.skip(skip);
            return skip;
          }
          : undefined,
      };
      files.push(await ingestFile(path, i, opts, scorecard ? (t) => scorecard.add(t) : (t) => held.push(t)));
    }
  } finally {
    await pool?.close();
  }

  const latest = files.reduce((max, f) => Math.max(max, f.mapper.latest), -Infinity);
  const asOf = req.asOf ?? (Number.isFinite(latest) ? latest : 0);
  let card = scorecard;
  if (!card) {
    card = scorecardFor(resolveWhen(req.since, asOf), resolveWhen(req.until, asOf));
    for (const t of held) card.add(t);
  }
  const { rules, breakdowns, distributions } = card.finish(asOf, availableFields(files));

  const report: Report = {
    schema: REPORT_SCHEMA,
    // Nothing to date the audit by (a header-only file): say so rather than print 1970.
    as_of: req.asOf === undefined && !Number.isFinite(latest) ? null : new Date(asOf).toISOString(),
    generated_by: { name: 'support-audit', version: VERSION },
    policy: { name: policy.name, source: policy.source },
    inputs: files.map((f) => f.summary),
    summary: decideGate(rules, policy.gate, { minScore: req.minScore, failOn: req.failOn }),
    rules,
    breakdowns,
  };
  const since = resolveWhen(req.since, asOf);
  const until = resolveWhen(req.until, asOf);
  if (since !== undefined || until !== undefined) {
    report.window = {
      ...(since !== undefined ? { since: new Date(since).toISOString() } : {}),
      ...(until !== undefined ? { until: new Date(until).toISOString() } : {}),
    };
  }
  if (distributions) report.distributions = distributions;

  if (req.baseline) {
    applyBaseline(report, req.baseline.report, req.baseline.path);
    if (req.baseline.maxRegression !== undefined) {
      const extraFailures = regressions(report, req.baseline.maxRegression).map((id) => `regression:${id}`);
      report.summary = decideGate(rules, policy.gate, { minScore: req.minScore, failOn: req.failOn, extraFailures });
    }
  }
  return report;
}
