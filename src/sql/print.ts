// `support-audit sql`: the SQL a policy compiles to, for reading or for running by hand on a
// canonical `tickets` table (docs/sql.md).

import { KEPT_PER_LISTED } from '../aggregate/key-table.js';
import { DEFAULT_MAX_KEYS } from '../aggregate/scorecard.js';
import { UsageError } from '../errors.js';
import type { Policy } from '../policy/types.js';
import type { Dimension } from '../report.js';
import { isUtcName } from '../zone.js';
import { schedulesUsed } from './calendar.js';
import { COUNTS_PART, SEEN_PART } from './breakdowns.js';
import { compile, planRules } from './compile.js';
import { DIALECTS, type DialectName } from './dialect.js';
import { ticketsDdl, TICKET_COLUMNS } from './table.js';

const DAY = 86_400_000;

export interface SqlRequest {
  policy: Policy;
  dialect: DialectName;
  /** `--from`/`--to`: the first and the day after the last day the calendar tables cover (UTC ms). */
  from?: number;
  to?: number;
  asOf?: number;
  maxBreaches: number;
  /** `--by`: a result part per breakdown dimension; `--max-keys`: the keys each lists at most. */
  by?: Dimension[];
  maxKeys?: number;
}

/** The latest instant of the table: as_of when none is given (without the default engine's outlier rule). */
function latestInstant(table: string): string {
  const instants = TICKET_COLUMNS.filter(([, kind]) => kind === 'instant').map(([name]) => `coalesce(max(${name}), 0)`);
  // Two arguments at a time: ClickHouse 18.16's greatest takes no more.
  return `SELECT ${instants.reduce((a, b) => `greatest(${a}, ${b})`)} FROM ${table}`;
}

/** How to read the breakdown parts of the result. */
function breakdownNote(dialect: DialectName, by: Dimension[], kept: number): string {
  const parts = by.map((dim) => `'${COUNTS_PART}${dim}'`).join(', ');
  const rest =
    dialect === 'duckdb'
      ? `the ${kept} keys with the smallest (FNV-1a hash, key) per dimension one by one, the rest under the key ''`
      : `every key; the parts '${SEEN_PART}<dimension>' list the selected tickets' keys, of which the report counts the ${kept} with the smallest (FNV-1a hash, key) one by one`;
  return `-- breakdowns: parts ${parts} hold eligible (n) and met (m) per rule and key, ${rest}`;
}

export function policySql(req: SqlRequest): string {
  const dialect = DIALECTS[req.dialect];
  const { policy } = req;
  const computed = new Set(
    planRules(policy, dialect, req.by)
      .filter((p) => p.unsupported === undefined)
      .map((p) => p.id),
  );
  const needsRange = !isUtcName(policy.timezone) || schedulesUsed({ ...policy, rules: policy.rules.filter((r) => computed.has(r.id)) }).length > 0;
  if (needsRange && (req.from === undefined || req.to === undefined)) {
    throw new UsageError(
      `the policy's ${schedulesUsed(policy).length > 0 ? 'schedules' : `time zone (${policy.timezone})`} need the date range of the data: give --from and --to (e.g. --from 2024-01-01 --to 2024-12-31).`,
    );
  }
  if (dialect.name === 'clickhouse' && req.asOf === undefined) {
    // No variables in 18.16, and the latest-instant subquery repeated in every part makes the
    // query too big to parse there.
    throw new UsageError('--dialect clickhouse needs --as-of (the audit\'s "now"), e.g. --as-of 2024-03-17.');
  }
  if (req.from !== undefined && req.to !== undefined && req.from >= req.to) throw new UsageError('--from must be before --to.');
  const range = { from: (req.from ?? 0) - DAY, to: (req.to ?? DAY) + DAY };
  const compiled = compile({
    policy,
    dialect,
    table: 'tickets',
    asOf: req.asOf ?? "getvariable('as_of_ms')",
    range,
    maxBreaches: req.maxBreaches,
    by: req.by,
    maxKeys: req.maxKeys,
  });
  const lines = [
    `-- support-audit: policy ${JSON.stringify(policy.name)} (${policy.source}) as ${dialect.name} SQL`,
    `-- The canonical table it reads (instants are Int64 epoch milliseconds, UTC):`,
    ticketsDdl(dialect)
      .split('\n')
      .map((l) => `--   ${l}`)
      .join('\n'),
    `-- as_of: ${req.asOf === undefined ? "the latest instant in the table (give --as-of for the audit's own)" : new Date(req.asOf).toISOString()}`,
  ];
  if (req.by?.length) lines.push(breakdownNote(dialect.name, req.by, (req.maxKeys ?? DEFAULT_MAX_KEYS) * KEPT_PER_LISTED));
  for (const p of compiled.rules) {
    if (p.unsupported !== undefined) lines.push(`-- rule ${p.id}: unsupported (${p.unsupported})`);
  }
  const asOf =
    req.asOf === undefined && dialect.name === 'duckdb'
      ? [`-- as_of: the latest instant in the table\nSET VARIABLE as_of_ms = (${latestInstant('tickets')})`]
      : [];
  const statements = [...asOf, ...compiled.setup, compiled.query];
  return `${lines.join('\n')}\n\n${statements.map((s) => `${s};`).join('\n\n')}\n`;
}
