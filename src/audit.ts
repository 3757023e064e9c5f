// The audit as one function returning plain data (the report, src/report.ts). Nothing here prints
// or exits: the CLI renders the result and sets the exit code.

import { decideGate } from './aggregate/gate.js';
import type { ScorecardOptions } from './aggregate/scorecard.js';
import { applyBaseline, regressions } from './compare.js';
import { didYouMean } from './did-you-mean.js';
import { UsageError } from './errors.js';
import { availableFields, inputSummary, type InputRequest } from './ingest.js';
import { createBusinessClock } from './measure/business-clock.js';
import type { Clock } from './measure/clock.js';
import type { Policy } from './policy/types.js';
import { readInputs, type Reading } from './reading.js';
import { ruleResult } from './render/findings.js';
import { gateReasonText } from './render/gate-words.js';
import { REPORT_SCHEMA, type Dimension, type Report } from './report.js';
import { resolveWhen, type When } from './selection.js';
import { duckdbReading } from './sql/engine.js';
import { ticketCollector } from './sql/rows.js';
import { duckdbTableAudit, tableFormat } from './sql/table-input.js';
import { tableTickets } from './sql/threads.js';
import { VERSION } from './version.js';
import { instantIn } from './zone.js';

export interface AuditRequest extends InputRequest {
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
  /** Records and bytes of an input read so far, now and then (every 50,000 records or so): for progress. */
  onRows?: (path: string, rows: number, bytes: number) => void;
  /** Threads reading plain files in byte ranges (1: one pass on the main thread). Default 1. */
  jobs?: number;
  /** Told when a file was read in parallel byte ranges (how many). */
  onRanges?: (path: string, ranges: number) => void;
  /** Where the rules are computed: the built-in engine (default) or DuckDB in process (docs/sql.md). */
  engine?: 'duckdb';
  /** With `engine`: DuckDB's memory limit (`--memory-limit`, src/sql/memory.ts). */
  memoryLimit?: string;
}

/** Keyed by schedule name, the user's words: no prototype, so `toString` or `__proto__` is just a name. */
export function businessClocks(policy: Policy): Record<string, Clock> {
  const clocks: Record<string, Clock> = Object.create(null);
  for (const [name, schedule] of Object.entries(policy.schedules)) clocks[name] = createBusinessClock(schedule);
  return clocks;
}

/** `--since` must come before `--until`: an empty selection is a mistake, not an audit of nothing. */
function checkSelection(since: number | undefined, until: number | undefined, zone: string): void {
  if (since !== undefined && until !== undefined && since >= until) {
    throw new UsageError(`--since (${instantIn(zone, since)}) is not before --until (${instantIn(zone, until)}): the selection would be empty.`);
  }
}

export async function runAudit(req: AuditRequest): Promise<Report> {
  const { policy } = req;
  if (req.explain && !policy.rules.some((r) => r.id === req.explain)) {
    const ids = policy.rules.map((r) => r.id);
    throw new UsageError(`unknown rule "${req.explain}"${didYouMean(req.explain, ids)}; the policy's rules are: ${ids.join(', ')}.`);
  }
  // Decidable before reading: two instants, or two spans before the same as_of.
  if (req.since?.kind === req.until?.kind) checkSelection(resolveWhen(req.since, 0), resolveWhen(req.until, 0), policy.timezone);
  const relative = req.since?.kind === 'relative' || req.until?.kind === 'relative';
  const table = req.engine === 'duckdb' && req.files.length === 1 ? tableFormat(req.files[0]) : undefined;
  if (table) {
    if (relative) throw new UsageError('--since/--until on a Parquet or DuckDB file take dates, not spans before as_of.');
    return duckdbTableAudit({
      policy,
      path: req.files[0],
      format: table,
      asOf: req.asOf,
      since: resolveWhen(req.since, 0),
      until: resolveWhen(req.until, 0),
      maxBreaches: req.maxBreaches,
      explain: req.explain,
      by: req.by,
      maxKeys: req.maxKeys,
      minScore: req.minScore,
      failOn: req.failOn,
      memoryLimit: req.memoryLimit,
    });
  }
  const engine = req.engine ? await duckdbReading(req.memoryLimit) : undefined;
  try {
    return await audit(req, engine);
  } finally {
    engine?.close();
  }
}

async function audit(req: AuditRequest, engine: Awaited<ReturnType<typeof duckdbReading>> | undefined): Promise<Report> {
  const { policy } = req;
  const relative = req.since?.kind === 'relative' || req.until?.kind === 'relative';
  const collector = engine ? ticketCollector(tableTickets(engine.sink)) : undefined;
  const cardOptions = (asOf: number | undefined): Omit<ScorecardOptions, 'clocks'> | undefined => {
    // A span before as_of needs as_of, which comes from the data unless given: the tickets wait
    // until the end of the input in that one case (documented in README "Selecting tickets").
    if (relative && asOf === undefined) return undefined;
    return {
      by: req.by,
      since: resolveWhen(req.since, asOf ?? 0),
      until: resolveWhen(req.until, asOf ?? 0),
      maxBreaches: req.maxBreaches,
      maxKeys: req.maxKeys,
      explain: req.explain,
      timezone: policy.timezone,
      asOf,
      asOfFromData: asOf === undefined,
    };
  };
  const reading = await readInputs({
    files: req.files,
    policy,
    clocks: businessClocks(policy),
    preset: req.preset,
    timezone: req.timezone,
    dateOrder: req.dateOrder,
    delimiter: req.delimiter,
    encoding: req.encoding,
    stdin: req.stdin,
    strict: req.strict,
    asOf: req.asOf,
    cardOptions,
    // A SQL engine takes the mapped tickets as one list, read on this thread.
    jobs: collector ? 1 : (req.jobs ?? 1),
    createCard: collector?.createCard,
    onRows: req.onRows,
    onRanges: req.onRanges,
  });
  const asOf = reading.asOf ?? 0;
  const since = resolveWhen(req.since, asOf);
  const until = resolveWhen(req.until, asOf);
  checkSelection(since, until, policy.timezone);
  reportOutliers(reading, policy.timezone);
  const available = availableFields(reading.files);
  const found = collector
    ? await engine!.finish(
        {
          policy,
          asOf,
          since,
          until,
          available,
          clocks: businessClocks(policy),
          maxBreaches: req.maxBreaches,
          explain: req.explain,
          by: req.by,
          maxKeys: req.maxKeys,
        },
        collector.generation(),
      )
    : reading.card.finish(asOf, available);
  const { breakdowns, distributions, selected } = found;
  // The findings worded (render/findings.ts): the report's sentences are made here, once.
  const rules = found.rules.map(ruleResult);
  const { counts } = reading;
  const inputs = reading.files.map((f, i) =>
    inputSummary(f, { replaced: counts.replaced[i], after_as_of: counts.afterAsOf[i], joined: reading.joinedInputs ? (counts.joined[i] ?? 0) : undefined }),
  );

  const report: Report = {
    schema: REPORT_SCHEMA,
    ...(req.engine ? { engine: req.engine } : {}),
    // Nothing to date the audit by (a header-only file): say so rather than print 1970.
    as_of: reading.asOf === null ? null : new Date(asOf).toISOString(),
    generated_by: { name: 'support-audit', version: VERSION },
    policy: {
      name: policy.name,
      source: policy.source,
      timezone: policy.timezone,
      ...(policy.note ? { note: policy.note } : {}),
      ...(policy.ticket_url ? { ticket_url: policy.ticket_url } : {}),
    },
    inputs,
    summary: decideGate(rules, policy.gate, { minScore: req.minScore, failOn: req.failOn, measured: selected }),
    rules,
    breakdowns,
  };
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
      report.summary = decideGate(rules, policy.gate, { minScore: req.minScore, failOn: req.failOn, measured: selected, extraFailures });
    }
  }
  // The reasons in words, beside their codes: every format shows these sentences.
  const { gate } = report.summary;
  gate.messages = gate.reasons.map((r) => gateReasonText(r, report, req.baseline?.maxRegression));
  return report;
}

/** Timestamps far beyond the rest (not taken as as_of) become problems of their inputs, in line order. */
function reportOutliers(reading: Reading, zone: string): void {
  const { outliers, asOf } = reading.decision;
  // In file order, and along a row from its earliest time (a row's tied times in the order read).
  const ordered = [...outliers].sort((a, b) => a.file - b.file || a.line - b.line || a.value - b.value);
  for (const e of ordered) {
    reading.files[e.file].problems.insert({
      code: 'outlier-timestamp',
      line: e.line,
      column: e.column,
      value: e.value,
      latest: asOf!,
      zone,
    });
  }
}
