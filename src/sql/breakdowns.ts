// Breakdowns (--by) in SQL: per rule and key, the eligible and met tickets, keyed as the default
// engine keys them (aggregate/breakdown-keys.ts): `(none)` for a ticket without the field, weeks
// and months in the policy zone. Which keys are counted one by one is bounded as there
// (key-table.ts): the 4 × --max-keys smallest by (FNV-1a hash, UTF-16 code units) among the
// selected tickets' keys, the rest counted under '' (OTHER_KEY). DuckDB computes that hash, so
// its rows stay bounded; ClickHouse (18.16 has no fold over an array) sends every key, with the
// list of keys seen, and the bounding is done on those rows (findings.ts). The ranking of the
// kept keys, --max-keys and the `other` row are then the default engine's own code.

import { KEPT_PER_LISTED } from '../aggregate/key-table.js';
import { DEFAULT_MAX_KEYS } from '../aggregate/scorecard.js';
import type { Dimension } from '../report.js';
import type { Dialect } from './dialect.js';

/** What the breakdown parts need of the compile request. */
export interface BreakdownRequest {
  dialect: Dialect;
  by?: readonly Dimension[];
  maxKeys?: number;
}

/** A result part's name for a dimension's counts, and (ClickHouse) for its keys seen. */
export const COUNTS_PART = 'by:';
export const SEEN_PART = 'seen:';

/** Ticket columns the facts carry only for breakdowns (agent, channel and week they carry anyway). */
const PASSED: readonly Dimension[] = ['team', 'priority'];

/** `team, priority, ` as far as the breakdowns need them in each rule's facts; '' without. */
export function passedDimensions(req: BreakdownRequest): string {
  return PASSED.filter((dim) => req.by?.includes(dim))
    .map((dim) => `${dim}, `)
    .join('');
}

/** The extra columns of ClickHouse's facts (every branch cast alike); `empty`: NULL, for facts of no rule. */
export function clickhousePassed(req: BreakdownRequest, empty = false): string {
  return PASSED.filter((dim) => req.by?.includes(dim))
    .map((dim) => `, CAST(${empty ? 'NULL' : dim} AS Nullable(String)) AS ${dim}`)
    .join('');
}

/** DuckDB's empty facts (no rule computed): the same extra columns. */
export function duckdbPassed(req: BreakdownRequest): string {
  return PASSED.filter((dim) => req.by?.includes(dim))
    .map((dim) => `, CAST(NULL AS VARCHAR) AS ${dim}`)
    .join('');
}

/**
 * A ticket's key in a dimension, over a relation with the ticket columns, `week` and
 * `created_at`; `day`: the ticket's day number in the policy zone (SQL). An empty text is no value.
 */
function keySql(d: Dialect, dim: Dimension, day: string): string {
  if (dim === 'week') return 'week';
  if (dim === 'month') return d.month(day);
  return d.name === 'duckdb' ? `coalesce(nullif(${dim}, ''), '(none)')` : `ifNull(nullIf(${dim}, ''), '(none)')`;
}

function kept(req: BreakdownRequest): number {
  return (req.maxKeys ?? DEFAULT_MAX_KEYS) * KEPT_PER_LISTED;
}

/** The UTF-16 code units of a text (a code point past U+FFFF is two), as a BIGINT list. */
function utf16Units(text: string): string {
  return `CAST(flatten(list_transform(list_transform(string_split(${text}, ''), ch -> unicode(ch)), cp -> CASE WHEN cp > 65535 THEN [55296 + ((cp - 65536) >> 10), 56320 + ((cp - 65536) & 1023)] ELSE [cp] END)) AS BIGINT[])`;
}

/** key-table.ts keyHash: 32-bit FNV-1a over the code units. */
function fnv1a(units: string): string {
  return `list_reduce(list_prepend(CAST(2166136261 AS BIGINT), ${units}), (acc, unit) -> (xor(acc, unit) * 16777619) % 4294967296)`;
}

/** `[key of dim 1, …] AS by_keys, ['dim 1', …] AS by_dims`: every dimension's key of a ticket, in one row. */
function keyLists(req: BreakdownRequest, day: string): string {
  const by = req.by ?? [];
  return `[${by.map((dim) => keySql(req.dialect, dim, day)).join(', ')}] AS by_keys, [${by.map((dim) => `'${dim}'`).join(', ')}] AS by_dims`;
}

/**
 * DuckDB: the selected tickets' keys per dimension, and whether each is counted one by one. All
 * dimensions in one CTE (and one part below): the tickets and facts are read once for all.
 */
export function duckdbBreakdownCtes(req: BreakdownRequest, day: string): string[] {
  if (!req.by?.length) return [];
  return [
    `-- breakdown keys: per dimension the ${kept(req)} smallest by (FNV-1a hash, UTF-16 code units) are counted one by one, the rest under ''
  by_keys AS (
    SELECT dim, key, row_number() OVER (PARTITION BY dim ORDER BY h, units) <= ${kept(req)} AS kept
    FROM (SELECT dim, key, ${fnv1a('units')} AS h, units FROM (SELECT dim, key, ${utf16Units('key')} AS units FROM (
      SELECT DISTINCT unnest(by_dims) AS dim, unnest(by_keys) AS key FROM (SELECT ${keyLists(req, day)} FROM tickets_in) AS listed
    ) AS seen) AS split) AS hashed
  )`,
  ];
}

/** DuckDB: eligible and met per rule, dimension and key ('' for the keys not counted one by one). */
export function duckdbBreakdownParts(req: BreakdownRequest, day: string): string[] {
  if (!req.by?.length) return [];
  return [
    `-- eligible and met per rule, dimension (${req.by.join(', ')}) and key
    SELECT c.rule, concat('${COUNTS_PART}', c.dim), CASE WHEN k.kept THEN c.key ELSE '' END, NULL, CAST(sum(c.n) AS BIGINT), CAST(sum(c.m) AS BIGINT), NULL, NULL, NULL, NULL, NULL, NULL
    FROM (
      SELECT rule, dim, key, count(*) AS n, count(*) FILTER (WHERE outcome = 'met') AS m
      FROM (SELECT rule, outcome, unnest(by_dims) AS dim, unnest(by_keys) AS key FROM (SELECT rule, outcome, ${keyLists(req, day)} FROM facts WHERE outcome IN ('met', 'breached')) AS listed) AS placed
      GROUP BY rule, dim, key
    ) AS c JOIN by_keys AS k ON k.dim = c.dim AND k.key = c.key
    GROUP BY ALL`,
  ];
}

/**
 * ClickHouse: eligible and met per rule, dimension and key, and the keys of the selected tickets
 * (`seen`), from which the keys counted one by one are chosen as the rows are read. One part each
 * for all dimensions (ARRAY JOIN): every part repeats the facts' subquery, and 18.16 parses at most
 * max_query_size bytes.
 */
export function clickhouseBreakdownParts(
  req: BreakdownRequest,
  day: string,
  facts: string,
  ticketsIn: string,
  columns: (values: Record<string, string>) => string,
): string[] {
  const by = req.by ?? [];
  if (by.length === 0) return [];
  const keys = keyLists(req, day);
  return [
    `-- eligible and met per rule, dimension (${by.join(', ')}) and key
    SELECT ${columns({ rule: 'rule', part: `concat('${COUNTS_PART}', by_dim)`, key: 'by_key', n: 'count()', m: "countIf(outcome = 'met')" })}
    FROM (SELECT rule, outcome, ${keys} FROM ${facts} WHERE outcome IN ('met', 'breached')) ARRAY JOIN by_keys AS by_key, by_dims AS by_dim
    GROUP BY rule, by_dim, by_key`,
    `-- the keys of the selected tickets per dimension
    SELECT ${columns({ part: `concat('${SEEN_PART}', by_dim)`, key: 'by_key', n: 'count()' })}
    FROM (SELECT ${keys} FROM ${ticketsIn}) ARRAY JOIN by_keys AS by_key, by_dims AS by_dim
    GROUP BY by_dim, by_key`,
  ];
}
