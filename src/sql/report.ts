// The report of an audit whose tickets were not read from files by this process (a ClickHouse
// table, a Parquet or DuckDB file): the same keys, summary and wording as any other report.

import { decideGate } from '../aggregate/gate.js';
import type { Policy } from '../policy/types.js';
import { ruleResult } from '../render/findings.js';
import { REPORT_SCHEMA, type Report } from '../report.js';
import type { InputSummary } from '../types.js';
import { VERSION } from '../version.js';
import type { EngineFindings } from './findings.js';

export interface TableReportRequest {
  policy: Policy;
  engine: 'duckdb' | 'clickhouse';
  /** null: nothing to date the audit by (an empty table and no --as-of). */
  asOf: number | null;
  since?: number;
  until?: number;
  minScore?: number;
  failOn?: 'error' | 'warn';
  inputs: InputSummary[];
  found: EngineFindings;
}

export function tableReport(req: TableReportRequest): Report {
  const { policy, found } = req;
  const rules = found.rules.map(ruleResult);
  const report: Report = {
    schema: REPORT_SCHEMA,
    engine: req.engine,
    as_of: req.asOf === null ? null : new Date(req.asOf).toISOString(),
    generated_by: { name: 'support-audit', version: VERSION },
    policy: { name: policy.name, source: policy.source, timezone: policy.timezone, ...(policy.note ? { note: policy.note } : {}) },
    inputs: req.inputs,
    summary: decideGate(rules, policy.gate, { minScore: req.minScore, failOn: req.failOn, measured: found.selected }),
    rules,
    breakdowns: found.breakdowns,
  };
  if (req.since !== undefined || req.until !== undefined) {
    report.window = {
      ...(req.since !== undefined ? { since: new Date(req.since).toISOString() } : {}),
      ...(req.until !== undefined ? { until: new Date(req.until).toISOString() } : {}),
    };
  }
  if (found.distributions) report.distributions = found.distributions;
  return report;
}
