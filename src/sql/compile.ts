// The policy compiled to SQL (docs/sql.md): one query whose rows are, per rule and override
// group, the outcome counts, the weekly trend, the samples' count, sum and percentiles, the worst
// breaches, the first-response histogram, and per breakdown (--by) eligible and met per rule and
// key (sql/breakdowns.ts). The report is then built from those rows by the
// very code the default engine uses (sql/findings.ts). DuckDB: one CTE per rule. ClickHouse
// (18.16 and later): no CTEs and no window functions, so each part repeats the rule's subquery.

import { FIRST_RESPONSE_EDGES } from '../aggregate/state.js';
import { EXACT_LIMIT, RELATIVE_ERROR } from '../aggregate/quantiles.js';
import type { Policy, RuleConfig } from '../policy/types.js';
import type { Dimension } from '../report.js';
import { ruleDefinition } from '../rules/index.js';
import { clickhouseBreakdownParts, clickhousePassed, duckdbBreakdownCtes, duckdbBreakdownParts, duckdbPassed, passedDimensions } from './breakdowns.js';
import { offsetSteps, scheduleIntervals, schedulesUsed } from './calendar.js';
import type { Dialect } from './dialect.js';
import { filterSql, filterUnsupported, foldColumns, withFoldColumns } from './filter.js';
import { clickhouseSlotParts, duckdbSlotParts } from './slots.js';
import { rulePhrases, subjectWordsSql } from './subject.js';
import { TICKET_COLUMNS } from './table.js';
import { threadUnsupported } from './threads.js';
import { SQL_MEASURES, SQL_UNSUPPORTED, type SqlContext } from './measures/index.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const GAMMA = (1 + RELATIVE_ERROR) / (1 - RELATIVE_ERROR);
const LOG_GAMMA = Math.log(GAMMA);
export const QUANTILES = [0.5, 0.9, 0.95] as const;

export interface CompileRequest {
  policy: Policy;
  dialect: Dialect;
  /** The canonical table (or view) to read. */
  table: string;
  /** The audit's as_of in ms, or SQL computing it. */
  asOf: number | string;
  since?: number;
  until?: number;
  /** The instants the calendar tables cover (the data's, or `sql --from/--to`). */
  range: { from: number; to: number };
  maxBreaches: number;
  /** A rule whose every breach is listed. */
  explain?: string;
  /** Breakdowns (--by): a result part per dimension. */
  by?: readonly Dimension[];
  /** Keys a breakdown lists at most (--max-keys); KEPT_PER_LISTED times as many are counted one by one. */
  maxKeys?: number;
  /** The canonical fields the inputs have; without it, a field is had when the table holds a value in it. */
  available?: ReadonlySet<string>;
  /** ClickHouse: the table's columns, when known; a canonical column it lacks (a table made before the column was) reads NULL. */
  columns?: ReadonlySet<string>;
}

export interface RulePlan {
  id: string;
  /** Why the rule is not computed in SQL; undefined when it is. */
  unsupported?: string;
}

export interface CompiledSql {
  /** Statements that create and fill the schedule tables the query reads (business clocks). */
  setup: string[];
  query: string;
  rules: RulePlan[];
}

/**
 * Why a rule cannot be computed exactly in SQL on this dialect, or undefined. `available`: the
 * inputs' fields, when known (with messages among the inputs, rules reading thread fields cannot be).
 */
export function ruleUnsupported(rule: RuleConfig, dialect: Dialect, by: readonly Dimension[] = [], available?: ReadonlySet<string>): string | undefined {
  const measure = SQL_MEASURES[rule.measure];
  if (!measure) return SQL_UNSUPPORTED[rule.measure] ?? `the ${rule.measure} measure has no SQL form`;
  const threads = threadUnsupported(rule.measure, available);
  if (threads !== undefined) return threads;
  // A slotted rule's figures are those of the slots its summary picks; the breakdowns would have
  // to be counted per slot and key, which the SQL does not do.
  if (by.length > 0 && isSlotted(rule)) return `its breakdowns (--by) count only the ${rule.measure} rule's chosen hours, which the SQL does not break down`;
  return (
    filterUnsupported(rule.applies_to) ??
    measure.unsupported?.(rule) ??
    (dialect.name === 'clickhouse' && rule.clock === 'business' ? 'business clocks are computed on DuckDB only' : undefined)
  );
}

/** A rule counted per slot (rules/definition.ts `slots`): the peak rule. */
export function isSlotted(rule: RuleConfig): boolean {
  return ruleDefinition(rule.measure).slots !== undefined;
}

/** Rule plans of the policy's evaluated rules (severity `off` is not evaluated), in policy order. */
export function planRules(policy: Policy, dialect: Dialect, by: readonly Dimension[] = [], available?: ReadonlySet<string>): RulePlan[] {
  return policy.rules.filter((r) => r.severity !== 'off').map((r) => ({ id: r.id, unsupported: ruleUnsupported(r, dialect, by, available) }));
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(n);
}

/** Table name of a schedule's open intervals. */
export function scheduleTable(index: number): string {
  return `schedule_${index + 1}`;
}

export function compile(req: CompileRequest): CompiledSql {
  const { policy, dialect: d } = req;
  const evaluated = policy.rules.filter((r) => r.severity !== 'off');
  const plans = planRules(policy, d, req.by, req.available);
  const supported = evaluated.filter((_, i) => plans[i].unsupported === undefined);
  const schedules = schedulesUsed({ ...policy, rules: supported });
  const setup: string[] = [];
  schedules.forEach((name, i) => setup.push(...scheduleSetup(req, name, scheduleTable(i))));
  const asOf = typeof req.asOf === 'number' ? num(req.asOf) : `(${req.asOf})`;
  // The rules' filters read type, team and tags folded once per ticket, in tickets_in.
  const { result: ruleSql, folds } = withFoldColumns(() => supported.map((rule) => ruleQuery(req, rule, asOf, schedules)));
  const base = ticketsIn(req, asOf, ruleSql, supported.flatMap(rulePhrases), foldColumns(d, folds));
  const query = d.name === 'duckdb' ? duckdbQuery(req, base, supported, ruleSql) : clickhouseQuery(req, base, supported, ruleSql);
  return { setup, query, rules: plans };
}

function scheduleSetup(req: CompileRequest, name: string, table: string): string[] {
  const d = req.dialect;
  const pairs = scheduleIntervals(req.policy, name, req.range.from, req.range.to);
  const ddl = `CREATE TABLE ${table} (start_ms ${d.columnType('instant', true)}, end_ms ${d.columnType('instant', true)})${d.name === 'clickhouse' ? '\nENGINE = Memory' : ''}`;
  const statements = [`-- schedule ${JSON.stringify(name)}: open intervals [start_ms, end_ms) in UTC\n${ddl}`];
  for (let i = 0; i < pairs.length; i += 2 * 500) {
    const rows: string[] = [];
    for (let k = i; k < Math.min(pairs.length, i + 2 * 500); k += 2) rows.push(`(${pairs[k]}, ${pairs[k + 1]})`);
    statements.push(`INSERT INTO ${table} VALUES\n  ${rows.join(',\n  ')}`);
  }
  return statements;
}

/** A ticket's day number (days since 1970-01-01) in the policy zone, from `created_at`. */
function dayNumber(req: CompileRequest): string {
  return req.dialect.floorDiv(`created_at + ${offsetSql(req)}`, String(DAY));
}

/** The policy zone's offset at `created_at`, as a CASE over the zone's offset steps in the range. */
function offsetSql(req: CompileRequest): string {
  const steps = offsetSteps(req.policy.timezone, req.range.from, req.range.to);
  if (steps.length === 1) return num(steps[0].offset);
  const branches = steps.slice(0, -1).map((s) => `WHEN created_at < ${s.end} THEN ${s.offset}`);
  return `CASE ${branches.join(' ')} ELSE ${steps.at(-1)!.offset} END`;
}

/**
 * The selected tickets at as_of (assemble/at-as-of.ts for the fields the SQL measures read), with
 * their week in the policy zone and the first exclude tag they carry.
 */
function ticketsIn(req: CompileRequest, asOf: string, ruleSql: string[], phrases: string[], folds: string[]): string {
  const d = req.dialect;
  const where = [`created_at <= ${asOf}`];
  if (req.since !== undefined) where.push(`created_at >= ${req.since}`);
  if (req.until !== undefined) where.push(`created_at < ${req.until}`);
  const fraLate = `(first_response_at IS NOT NULL AND first_response_at > ${asOf})`;
  const minLate = `(first_response_minutes IS NOT NULL AND created_at + first_response_minutes * 60000 > ${asOf})`;
  const bizLate = `(first_response_business_minutes IS NOT NULL AND created_at + first_response_business_minutes * 60000 > ${asOf})`;
  const reopened = `((solved_at IS NOT NULL AND solved_at > ${asOf}) OR (closed_at IS NOT NULL AND closed_at > ${asOf}))`;
  const excludedBy =
    req.policy.exclude_tags.length === 0
      ? 'NULL'
      : `CASE ${req.policy.exclude_tags.map((t) => `WHEN ${d.anyOf('tags', `x = ${d.str(t.toLowerCase())}`)} THEN ${d.str(t.toLowerCase())}`).join(' ')} END`;
  return `SELECT id, channel, created_at, agent, priority, team, type, tags, csat, csat_good, missed, abandoned, wait_seconds, outbound,
      CASE WHEN ${fraLate} THEN NULL ELSE first_response_at END AS first_response_at,
      CASE WHEN ${minLate} THEN NULL ELSE first_response_minutes END AS first_response_minutes,
      CASE WHEN ${minLate} OR ${bizLate} THEN NULL ELSE first_response_business_minutes END AS first_response_business_minutes,
      CASE WHEN ${fraLate} OR ${minLate} OR ${bizLate} THEN CASE WHEN agent_replies IS NULL THEN NULL ELSE 0 END ELSE agent_replies END AS agent_replies,
      CASE WHEN solved_at > ${asOf} THEN NULL ELSE solved_at END AS solved_at,
      CASE WHEN closed_at > ${asOf} THEN NULL ELSE closed_at END AS closed_at,
      CASE WHEN ${reopened} AND status IN ('solved', 'closed') THEN 'open' ELSE status END AS status,${fieldColumnsAt(asOf, ruleSql)}
      ${d.isoWeek(d.floorDiv(`created_at + ${offsetSql(req)}`, String(DAY)))} AS week,
      ${excludedBy} AS excluded_by,
      nps, CASE WHEN updated_at > ${asOf} THEN NULL ELSE updated_at END AS updated_at,${folds.map((f) => `\n      ${f},`).join('')}
      ${phrases.length === 0 ? 'NULL' : subjectWordsSql(d, phrases)} AS subject_words
    FROM ${req.table}
    WHERE ${where.join(' AND ')}`;
}

/**
 * The vendor durations and ticket events at as_of, as assemble/at-as-of.ts treats them: a full
 * resolution (calendar, else business) that ends after as_of has not happened yet, nor has an
 * order, refund or agent update after it; a return requested after as_of was not requested (nor
 * decided). The first-resolution and requester-wait minutes, the reopen count and the due time
 * carry no time of their own and are taken as exported.
 */
function fieldColumnsAt(asOf: string, ruleSql: string[]): string {
  const late = (column: string) => `(${column} IS NOT NULL AND created_at + ${column} * 60000 > ${asOf})`;
  const until = (column: string) => `CASE WHEN ${column} > ${asOf} THEN NULL ELSE ${column} END`;
  const columns: [name: string, sql: string][] = [
    ['resolution_minutes', `CASE WHEN ${late('resolution_minutes')} THEN NULL ELSE resolution_minutes END`],
    [
      'resolution_business_minutes',
      `CASE WHEN ${late('resolution_minutes')} OR ${late('resolution_business_minutes')} THEN NULL ELSE resolution_business_minutes END`,
    ],
    ['first_resolution_minutes', 'first_resolution_minutes'],
    ['first_resolution_business_minutes', 'first_resolution_business_minutes'],
    ['requester_wait_minutes', 'requester_wait_minutes'],
    ['requester_wait_business_minutes', 'requester_wait_business_minutes'],
    ['reopens', 'reopens'],
    ['due_at', 'due_at'],
    ['order_at', until('order_at')],
    ['return_requested_at', until('return_requested_at')],
    ['return_decision', `CASE WHEN return_requested_at > ${asOf} THEN NULL ELSE return_decision END`],
    ['refunded_at', until('refunded_at')],
    ['last_agent_update_at', until('last_agent_update_at')],
    // Trimmed at as_of when the conversation was assembled (at-as-of.ts): taken as loaded.
    ['customer_wrote', 'customer_wrote'],
  ];
  // Only the columns some rule reads: the ClickHouse text repeats this subquery in every part.
  const rules = ruleSql.join('\n');
  return columns
    .filter(([name]) => new RegExp(`\\b${name}\\b`).test(rules))
    .map(([name, sql]) => `\n      ${sql === name ? name : `${sql} AS ${name}`},`)
    .join('');
}

/** One rule's judged tickets: the measure's columns over the rule's tickets in their groups. */
function ruleQuery(req: CompileRequest, rule: RuleConfig, asOf: string, schedules: string[]): string {
  const d = req.dialect;
  const measure = SQL_MEASURES[rule.measure]!;
  const def = ruleDefinition(rule.measure);
  const baseWindow = def.window ? def.window(rule as never) : NaN;
  const windowOf = (w: number | undefined) => (w === undefined || !Number.isFinite(w) ? 'NULL' : num(w));
  const groupOf = rule.overrides.map((o, i) => {
    const tests: string[] = [];
    if (o.when.priority) tests.push(`priority IN (${o.when.priority.map((p) => d.str(p)).join(', ')})`);
    if (o.when.channel) tests.push(`channel IN (${o.when.channel.map((c) => d.str(c)).join(', ')})`);
    return { test: tests.length ? tests.join(' AND ') : '1 = 1', group: i + 1, window: windowOf(o.window ?? baseWindow) };
  });
  const grp = groupOf.length === 0 ? '0' : `CASE ${groupOf.map((g) => `WHEN ${g.test} THEN ${g.group}`).join(' ')} ELSE 0 END`;
  const win =
    groupOf.length === 0 ? windowOf(baseWindow) : `CASE ${groupOf.map((g) => `WHEN ${g.test} THEN ${g.window}`).join(' ')} ELSE ${windowOf(baseWindow)} END`;
  const ctx: SqlContext = {
    dialect: d,
    asOf,
    clockKind: rule.clock,
    policy: req.policy,
    hourOfWeek: hourOfWeekSql(req),
    hasField: (name) => {
      if (req.available) return req.available.has(name) ? '1 = 1' : '1 = 0';
      return d.name === 'clickhouse'
        ? `((SELECT count() FROM ${req.table} WHERE ${name} != '') > 0)`
        : `((SELECT count(*) FROM ${req.table} WHERE ${name} IS NOT NULL) > 0)`;
    },
    elapsed: (from, to) => {
      if (rule.clock === 'business') return businessElapsed(scheduleTable(schedules.indexOf(rule.schedule!)), from, to);
      // ClickHouse finds no common type for Int64 and Float64 in one CASE: durations are Float64
      // there (exact: whole milliseconds stay far below 2^53).
      return d.name === 'clickhouse' ? `toFloat64(greatest(${to} - ${from}, 0))` : `greatest(${to} - ${from}, 0)`;
    },
  };
  const j = measure.judge(rule, ctx);
  const measured = j.measured.map(([name, sql]) => `${sql} AS ${name}`).join(',\n          ');
  return `SELECT id, created_at, channel, agent, ${passedDimensions(req)}week, grp, excluded_by,
      CASE WHEN excluded_by IS NOT NULL AND outcome <> 'na' THEN 'excluded' ELSE outcome END AS outcome,
      CASE WHEN excluded_by IS NOT NULL AND outcome <> 'na' THEN concat('tag:', excluded_by) ELSE code END AS code,
      value_ms, lim, ${j.sample} AS sample, vendor, cnt, slot
    FROM (
      SELECT *,
        ${j.outcome} AS outcome,
        ${j.code} AS code,
        ${j.value} AS value_ms,
        ${j.limit} AS lim,
        ${j.vendor} AS vendor,
        ${j.n ?? 'NULL'} AS cnt,
        ${j.slot ?? 'NULL'} AS slot
      FROM (
        SELECT *${
          measured === ''
            ? ''
            : `,
          ${measured}`
        }
        FROM (
          SELECT *, ${grp} AS grp, ${win} AS window_ms
          FROM tickets_in
          WHERE ${d.name === 'clickhouse' ? `ifNull(${filterSql(rule.applies_to, d)}, 0)` : filterSql(rule.applies_to, d)}
        ) AS placed
      ) AS measured
    ) AS judged`;
}

/** The local hour of the week of `created_at` in the policy zone (0 = Sunday 00:00–01:00), as periods.ts hourOfWeek. */
function hourOfWeekSql(req: CompileRequest): string {
  const d = req.dialect;
  const wall = `(created_at + ${offsetSql(req)})`;
  const day = d.floorDiv(wall, String(DAY));
  // 1970-01-01 was a Thursday (4).
  return `((((${day} + 4) % 7) + 7) % 7) * 24 + ${d.floorDiv(`${wall} - ${day} * ${DAY}`, String(HOUR))}`;
}

/** Open time between two instants: the summed overlap of [from, to) with the schedule's intervals. */
function businessElapsed(table: string, from: string, to: string): string {
  return `(SELECT coalesce(sum(least(s.end_ms, ${to}) - greatest(s.start_ms, ${from})), 0) FROM ${table} AS s WHERE s.start_ms < ${to} AND s.end_ms > ${from})`;
}

/** Columns of every row of the result, in order, with the types of the first part. */
const RESULT_COLUMNS = ['rule', 'part', 'key', 'grp', 'n', 'm', 'v', 'id', 'created', 'channel', 'agent', 'lim'] as const;
export type ResultColumn = (typeof RESULT_COLUMNS)[number];

function distributionBin(minutes: string): string {
  return FIRST_RESPONSE_EDGES.map((e) => `CASE WHEN ${minutes} > ${e} THEN 1 ELSE 0 END`).join(' + ');
}

function duckdbQuery(req: CompileRequest, base: string, rules: RuleConfig[], ruleSql: string[]): string {
  const ctes: string[] = [`tickets_in AS (\n    ${base}\n  )`];
  rules.forEach((rule, i) => {
    ctes.push(`-- rule ${rule.id}: ${rule.measure}, ${rule.clock} clock\n  r${i + 1} AS (\n    ${ruleSql[i]}\n  )`);
  });
  // Slotted rules (the peak rule) count per slot: they go to slot_facts, the others to facts.
  const factsOf = (slotted: boolean) => {
    const parts = rules.flatMap((rule, i) => (isSlotted(rule) === slotted ? [`SELECT ${req.dialect.str(rule.id)} AS rule, * FROM r${i + 1}`] : []));
    return parts.length === 0
      ? `SELECT CAST(NULL AS VARCHAR) AS rule, CAST(NULL AS VARCHAR) AS id, CAST(NULL AS BIGINT) AS created_at, CAST(NULL AS VARCHAR) AS channel, CAST(NULL AS VARCHAR) AS agent, CAST(NULL AS VARCHAR) AS week, 0 AS grp, CAST(NULL AS VARCHAR) AS excluded_by, 'na' AS outcome, 'none' AS code, CAST(NULL AS DOUBLE) AS value_ms, CAST(NULL AS DOUBLE) AS lim, CAST(NULL AS DOUBLE) AS sample, CAST(NULL AS VARCHAR) AS vendor, CAST(NULL AS DOUBLE) AS cnt, CAST(NULL AS BIGINT) AS slot${duckdbPassed(req)} WHERE false`
      : parts.join('\n    UNION ALL ');
  };
  const slotted = rules.some(isSlotted);
  ctes.push(`facts AS (\n    ${factsOf(false)}\n  )`);
  if (slotted) ctes.push(`slot_facts AS (\n    ${factsOf(true)}\n  )`);
  ctes.push(...duckdbBreakdownCtes(req, dayNumber(req)));
  // The facts are read once, into `grouped`: per rule and every combination of the keys the
  // parts below count by, the tickets, their samples' sum and values, and the worst breaches (a
  // top-N per group; the rule's worst are among its groups' worst). Facts read by several parts
  // were materialised whole, a row per rule and ticket (8.6M rows on 1M tickets): what made
  // DuckDB spill at its memory limit.
  const eligible = "outcome IN ('met', 'breached') AND sample IS NOT NULL";
  const worst = `{value_ms: value_ms, id: id, created_at: created_at, code: code, grp: grp, cnt: cnt, channel: channel, agent: agent, lim: lim}`;
  // The breaches' order as a key arg_min can rank: larger value first (none last), then id, creation and code.
  const order = `{a: value_ms IS NULL, b: coalesce(-value_ms, 0), c: id IS NULL, d: coalesce(id, ''), e: created_at IS NULL, f: coalesce(created_at, 0), g: code IS NULL, h: coalesce(code, '')}`;
  const every =
    req.explain !== undefined
      ? `,
      list(${worst}) FILTER (WHERE outcome = 'breached' AND rule = ${req.dialect.str(req.explain)}) AS every`
      : '';
  ctes.push(`-- the facts counted by rule, outcome, code, group, week, vendor and log bucket (gamma ${GAMMA}; NULL for values <= 0)
  grouped AS (
    SELECT rule, outcome, code, grp, week, vendor, sample IS NOT NULL AS has_sample,
      CASE WHEN ${eligible} THEN CASE WHEN sample <= 0 THEN NULL ELSE CAST(ceil(ln(sample) / ${LOG_GAMMA}) AS BIGINT) END END AS b,
      count(*) AS c, sum(sample) AS total, list(sample) FILTER (WHERE ${eligible}) AS xs,
      arg_min(${worst}, ${order}, ${Math.max(req.maxBreaches, 1)}) FILTER (WHERE outcome = 'breached') AS worst${every}
    FROM facts GROUP BY ALL
  )`);
  ctes.push(`samples AS (
    SELECT rule, CAST(sum(c) AS BIGINT) AS n, sum(total) AS total, CASE WHEN sum(c) <= ${EXACT_LIMIT} THEN list_sort(flatten(list(xs))) END AS xs
    FROM grouped WHERE outcome IN ('met', 'breached') AND has_sample GROUP BY rule
  )`);
  ctes.push(`-- past ${EXACT_LIMIT} samples: log buckets, bucket NULL holding values <= 0
  buckets AS (
    SELECT rule, b, sum(c) OVER (PARTITION BY rule ORDER BY b NULLS FIRST) AS seen
    FROM (
      SELECT rule, b, sum(c) AS c
      FROM grouped WHERE outcome IN ('met', 'breached') AND has_sample AND rule IN (SELECT rule FROM samples WHERE n > ${EXACT_LIMIT})
      GROUP BY ALL
    ) AS counted
  )`);
  const exact = (q: number) => {
    const pos = `(${q} * CAST(n - 1 AS DOUBLE))`;
    return `xs[CAST(floor(${pos}) AS BIGINT) + 1] + (xs[CAST(ceil(${pos}) AS BIGINT) + 1] - xs[CAST(floor(${pos}) AS BIGINT) + 1]) * (${pos} - floor(${pos}))`;
  };
  const sketch = (q: number) =>
    `(SELECT CASE WHEN b.b IS NULL THEN 0 ELSE 2 * pow(${GAMMA}, b.b) / (${GAMMA} + 1) END FROM buckets AS b WHERE b.rule = samples.rule AND floor(${q} * CAST(n - 1 AS DOUBLE) + 0.5) < b.seen ORDER BY b.b NULLS FIRST LIMIT 1)`;
  const cap =
    req.explain !== undefined ? `CASE WHEN rule = ${req.dialect.str(req.explain)} THEN true ELSE rn <= ${req.maxBreaches} END` : `rn <= ${req.maxBreaches}`;
  const fr = `CASE WHEN first_response_at IS NOT NULL THEN greatest(first_response_at - created_at, 0) / 60000.0 ELSE first_response_minutes END`;
  const parts = [
    `SELECT CAST(NULL AS VARCHAR) AS rule, 'selected' AS part, CAST(NULL AS VARCHAR) AS key, CAST(NULL AS BIGINT) AS grp, count(*) AS n, CAST(NULL AS DOUBLE) AS m, CAST(NULL AS DOUBLE) AS v,
      CAST(NULL AS VARCHAR) AS id, CAST(NULL AS BIGINT) AS created, CAST(NULL AS VARCHAR) AS channel, CAST(NULL AS VARCHAR) AS agent, CAST(NULL AS DOUBLE) AS lim
    FROM tickets_in`,
    `-- outcome counts per rule, code and override group
    SELECT rule, 'outcome', concat(outcome, ':', code), grp, CAST(sum(c) AS BIGINT), NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM grouped GROUP BY rule, outcome, code, grp`,
    `-- eligible and met per ISO week
    SELECT rule, 'week', week, NULL, CAST(sum(c) AS BIGINT), CAST(coalesce(sum(c) FILTER (WHERE outcome = 'met'), 0) AS BIGINT), NULL, NULL, NULL, NULL, NULL, NULL
    FROM grouped WHERE outcome IN ('met', 'breached') GROUP BY rule, week`,
    `-- values taken from the export's own duration columns
    SELECT rule, 'vendor', vendor, NULL, CAST(sum(c) AS BIGINT), NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM grouped WHERE outcome IN ('met', 'breached') AND vendor IS NOT NULL GROUP BY rule, vendor`,
    `-- samples: count and sum (ms), then the percentiles as the default engine computes them
    SELECT rule, 'samples', NULL, NULL, n, NULL, total, NULL, NULL, NULL, NULL, NULL FROM samples`,
    ...QUANTILES.map(
      (q) =>
        `SELECT rule, 'quantile', '${q}', NULL, n, NULL, CASE WHEN n <= ${EXACT_LIMIT} THEN ${exact(q)} ELSE ${sketch(q)} END, NULL, NULL, NULL, NULL, NULL FROM samples`,
    ),
    `-- the worst breaches: larger value first, then id, creation and code
    SELECT rule, 'breach', code, grp, rn, cnt, value_ms, id, created_at, channel, agent, lim
    FROM (
      SELECT rule, w.*, row_number() OVER (PARTITION BY rule ORDER BY w.value_ms DESC NULLS LAST, w.id, w.created_at, w.code) AS rn
      FROM (SELECT rule, unnest(${req.explain !== undefined ? 'coalesce(every, worst)' : 'worst'}) AS w FROM grouped) AS listed
    ) AS ranked
    WHERE ${cap}`,
    `-- first-response histogram per channel (minutes, bins by upper edge)
    SELECT NULL, 'histogram', coalesce(channel, '(none)'), ${distributionBin(fr)}, count(*), NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM tickets_in WHERE excluded_by IS NULL AND NOT (${req.dialect.flag('outbound')}) AND (first_response_at IS NOT NULL OR first_response_minutes IS NOT NULL) GROUP BY ALL`,
    ...duckdbBreakdownParts(req, dayNumber(req)),
    ...(slotted ? duckdbSlotParts(cap) : []),
  ];
  return `WITH\n  ${ctes.join(',\n  ')}\n${parts.join('\nUNION ALL\n')}\nORDER BY part, rule, key, grp, n`;
}

/** The result's column types (ClickHouse needs each UNION ALL branch typed alike). */
const CH_TYPES: Record<ResultColumn, string> = {
  rule: 'Nullable(String)',
  part: 'String',
  key: 'Nullable(String)',
  grp: 'Nullable(Int64)',
  n: 'Nullable(Int64)',
  m: 'Nullable(Float64)',
  v: 'Nullable(Float64)',
  id: 'Nullable(String)',
  created: 'Nullable(Int64)',
  channel: 'Nullable(String)',
  agent: 'Nullable(String)',
  lim: 'Nullable(Float64)',
};

/** One part's SELECT list for ClickHouse: every column cast to the result's type. */
function chColumns(values: Partial<Record<ResultColumn, string>>): string {
  return RESULT_COLUMNS.map((c) => `CAST(${values[c] ?? 'NULL'} AS ${CH_TYPES[c]}) AS ${c}`).join(', ');
}

/** Text columns the ClickHouse table stores as String, '' for none: NULL here, as in DuckDB. */
const CH_TEXT = new Set(TICKET_COLUMNS.filter(([, kind]) => kind === 'text').map(([name]) => name));

function clickhouseQuery(req: CompileRequest, base: string, rules: RuleConfig[], ruleSql: string[]): string {
  const d = req.dialect;
  // The table's columns with '' text as NULL, under their own names (renamed twice: ClickHouse
  // 18.16 refuses an alias equal to a column of the same SELECT).
  const used = TICKET_COLUMNS.filter(([name]) => new RegExp(`\\b${name}\\b`).test(base));
  const renamed = used
    .map(([name, kind]) => {
      if (req.columns && !req.columns.has(name))
        return `${kind === 'tags' ? 'emptyArrayString()' : `CAST(NULL AS Nullable(${d.columnType(kind, true)}))`} AS c_${name}`;
      return CH_TEXT.has(name) && name !== 'id' ? `nullIf(${name}, '') AS c_${name}` : `${name} AS c_${name}`;
    })
    .join(', ');
  const canonical = `(SELECT ${used.map(([name]) => `c_${name} AS ${name}`).join(', ')} FROM (SELECT ${renamed} FROM ${req.table}))`;
  // Replaced by functions: the text put in holds `$'` (a fold's '^ | $'), which a replacement string would expand.
  const ticketsIn = `(\n    ${base.replace(`FROM ${req.table}`, () => `FROM ${canonical}`)}\n  )`;
  const inline = (sql: string) => sql.replace(/FROM tickets_in\b/g, () => `FROM ${ticketsIn}`);
  // Slotted rules (the peak rule) count per slot: they go to their own facts, the others to these.
  const factsOf = (slotted: boolean) => {
    const parts = rules.flatMap((rule, i) =>
      isSlotted(rule) === slotted
        ? [
            `SELECT CAST(${d.str(rule.id)} AS Nullable(String)) AS rule, CAST(outcome AS String) AS outcome, CAST(code AS String) AS code, CAST(grp AS Int64) AS grp, CAST(week AS String) AS week, CAST(value_ms AS Nullable(Float64)) AS value_ms, CAST(lim AS Nullable(Float64)) AS lim, CAST(sample AS Nullable(Float64)) AS sample, CAST(ifNull(vendor, '') AS String) AS vendor, CAST(id AS String) AS id, CAST(created_at AS Int64) AS created_at, CAST(channel AS Nullable(String)) AS channel, CAST(agent AS Nullable(String)) AS agent, CAST(cnt AS Nullable(Float64)) AS cnt${clickhousePassed(req)}${slotted ? ', CAST(slot AS Int64) AS slot, CAST(excluded_by AS Nullable(String)) AS excluded_by' : ''} FROM (\n    -- rule ${rule.id}: ${rule.measure}, ${rule.clock} clock\n    ${inline(ruleSql[i])}\n  )`,
          ]
        : [],
    );
    return parts.length === 0
      ? `(SELECT CAST(NULL AS Nullable(String)) AS rule, '' AS outcome, '' AS code, 0 AS grp, '' AS week, CAST(NULL AS Nullable(Float64)) AS value_ms, CAST(NULL AS Nullable(Float64)) AS lim, CAST(NULL AS Nullable(Float64)) AS sample, CAST(NULL AS Nullable(String)) AS vendor, '' AS id, 0 AS created_at, CAST(NULL AS Nullable(String)) AS channel, CAST(NULL AS Nullable(String)) AS agent, CAST(NULL AS Nullable(Float64)) AS cnt${clickhousePassed(req, true)} WHERE 0)`
      : `(\n  ${parts.join('\n  UNION ALL\n  ')}\n)`;
  };
  const facts = factsOf(false);
  const slotted = rules.some(isSlotted);
  const eligible = "outcome IN ('met', 'breached')";
  const exact = (q: number) => {
    const pos = `(${q} * toFloat64(n - 1))`;
    return `xs[toUInt64(floor(${pos})) + 1] + (xs[toUInt64(ceil(${pos})) + 1] - xs[toUInt64(floor(${pos})) + 1]) * (${pos} - floor(${pos}))`;
  };
  // Past EXACT_LIMIT: buckets ascending (values <= 0 first, as bucket -2^62) with their running
  // counts; the bucket is the first whose running count passes the rank. 18.16's lambdas cannot
  // see the row's columns, so the rank (+ 0.5, between two whole counts) is sorted in among the
  // running counts and its position is that bucket's index.
  const sketch = (q: number) => {
    const mark = `(floor(${q} * toFloat64(n - 1) + 0.5) + 0.5)`;
    const b = `bs[indexOf(arraySort(arrayPushBack(runs, ${mark})), ${mark})]`;
    return `if(${b} = -4611686018427387904, 0, 2 * pow(${GAMMA}, ${b}) / (${GAMMA} + 1))`;
  };
  const stats = `(
    SELECT rule, count() AS n, sum(sample) AS total, if(count() <= ${EXACT_LIMIT}, arraySort(groupArray(assumeNotNull(sample))), emptyArrayFloat64()) AS xs
    FROM ${facts} WHERE ${eligible} AND sample IS NOT NULL GROUP BY rule
  ) ANY LEFT JOIN (
    SELECT rule, groupArray(b) AS bs, arrayCumSum(groupArray(toFloat64(c))) AS runs
    FROM (
      SELECT rule, if(assumeNotNull(sample) <= 0, -4611686018427387904, toInt64(ceil(log(assumeNotNull(sample)) / ${LOG_GAMMA}))) AS b, count() AS c
      FROM ${facts} WHERE ${eligible} AND sample IS NOT NULL GROUP BY rule, b ORDER BY rule, b
    ) GROUP BY rule
  ) USING rule`;
  const fr = `if(first_response_at IS NOT NULL, greatest(first_response_at - created_at, 0) / 60000.0, first_response_minutes)`;
  const order = 'ORDER BY rule, isNull(value_ms), value_ms DESC, id, created_at, code';
  const breaches = (where: string, limit: string) =>
    `SELECT ${chColumns({ rule: 'rule', part: "'breach'", key: 'code', grp: 'grp', n: '0', m: 'cnt', v: 'value_ms', id: 'id', created: 'created_at', channel: 'channel', agent: 'agent', lim: 'lim' })}
    FROM (SELECT * FROM ${facts} WHERE outcome = 'breached'${where} ${order} ${limit})`;
  const parts = [
    `SELECT ${chColumns({ part: "'selected'", n: 'count()' })} FROM ${ticketsIn}`,
    `-- outcome counts per rule, code and override group
    SELECT ${chColumns({ rule: 'rule', part: "'outcome'", key: "concat(outcome, ':', code)", grp: 'grp', n: 'count()' })}
    FROM ${facts} GROUP BY rule, outcome, code, grp`,
    `-- eligible and met per ISO week
    SELECT ${chColumns({ rule: 'rule', part: "'week'", key: 'week', n: 'count()', m: "countIf(outcome = 'met')" })}
    FROM ${facts} WHERE ${eligible} GROUP BY rule, week`,
    `-- values taken from the export's own duration columns
    SELECT ${chColumns({ rule: 'rule', part: "'vendor'", key: 'vendor', n: 'count()' })}
    FROM ${facts} WHERE ${eligible} AND vendor != '' GROUP BY rule, vendor`,
    `-- samples: count and sum (ms), then the percentiles as the default engine computes them (one row each)
    SELECT ${chColumns({
      rule: 'rule',
      part: "if(q = 0, 'samples', 'quantile')",
      key: 'if(q = 0, NULL, toString(q))',
      n: 'n',
      v: `multiIf(q = 0, total, ${QUANTILES.map((q) => `q = ${q}, if(n <= ${EXACT_LIMIT}, ${exact(q)}, ${sketch(q)})`).join(', ')}, NULL)`,
    })}
    FROM ${stats} ARRAY JOIN [0, ${QUANTILES.join(', ')}] AS q`,
    `-- the worst breaches: larger value first, then id, creation and code
    ${
      req.explain === undefined
        ? breaches('', `LIMIT ${req.maxBreaches} BY rule`)
        : `${breaches(` AND ifNull(rule != ${d.str(req.explain)}, 1)`, `LIMIT ${req.maxBreaches} BY rule`)}\nUNION ALL\n${breaches(` AND ifNull(rule = ${d.str(req.explain)}, 0)`, '')}`
    }`,
    `-- first-response histogram per channel (minutes, bins by upper edge); renamed first: an alias
    -- of the result (channel) would stand for the column everywhere in this SELECT
    SELECT ${chColumns({ part: "'histogram'", key: 'hist_key', grp: 'hist_bin', n: 'count()' })}
    FROM (
      SELECT ifNull(channel, '(none)') AS hist_key, ${distributionBin(fr)} AS hist_bin
      FROM ${ticketsIn} WHERE excluded_by IS NULL AND NOT (${d.flag('outbound')}) AND (first_response_at IS NOT NULL OR first_response_minutes IS NOT NULL)
    ) GROUP BY hist_key, hist_bin`,
    ...clickhouseBreakdownParts(req, dayNumber(req), facts, ticketsIn, chColumns),
    ...(slotted ? clickhouseSlotParts(d, factsOf(true), chColumns, `LIMIT ${req.maxBreaches} BY rule, slot`, req.explain) : []),
  ];
  return parts.join('\nUNION ALL\n');
}

export { RESULT_COLUMNS };
