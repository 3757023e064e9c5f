// The parts of the compiled query for slotted rules (the peak rule: per local hour of the week).
// Which slots make such a rule's figures is decided by its own summary step (rules/peak.ts pick)
// on the counts of every slot, so the SQL returns each slot's counts as the built-in engine keeps
// them (rule-state.ts): outcomes per code and override group, weekly trend, volume, the samples'
// sum and values (a slot's values up to EXACT_LIMIT, else its log buckets: what its quantile state
// holds), and its worst breaches. sql/findings.ts rebuilds the slots' states from them.

import { EXACT_LIMIT, RELATIVE_ERROR } from '../aggregate/quantiles.js';
import type { Dialect } from './dialect.js';

const LOG_GAMMA = Math.log((1 + RELATIVE_ERROR) / (1 - RELATIVE_ERROR));

/** A ticket whose sample the slot's quantile state and sum hold (an unrated one's too). */
const COUNTED = "excluded_by IS NULL AND outcome IN ('met', 'breached', 'na') AND sample IS NOT NULL";

/** Slots holding at most (`<=`) or more than (`>`) EXACT_LIMIT samples. */
function slotsWith(table: string, op: '<=' | '>'): string {
  return `(rule, slot) IN (SELECT rule, slot FROM ${table} WHERE ${COUNTED} GROUP BY rule, slot HAVING count(*) ${op} ${EXACT_LIMIT})`;
}

function bucket(dialect: Dialect['name']): string {
  return dialect === 'clickhouse'
    ? `if(assumeNotNull(sample) <= 0, NULL, toInt64(ceil(log(assumeNotNull(sample)) / ${LOG_GAMMA})))`
    : `CASE WHEN sample <= 0 THEN NULL ELSE CAST(ceil(ln(sample) / ${LOG_GAMMA}) AS BIGINT) END`;
}

/** DuckDB: the slot parts over the CTE `slot_facts`, in the result's column order. */
export function duckdbSlotParts(cap: string): string[] {
  const n12 = (cols: string[]) => [...cols, ...new Array(12 - cols.length).fill('NULL')].join(', ');
  return [
    `-- slotted rules (peak): counts per slot, for the rule's own summary step to pick from
    SELECT ${n12(['rule', "'slot-outcome'", "concat(slot, ':', outcome, ':', code)", 'grp', 'count(*)'])}
    FROM slot_facts GROUP BY rule, slot, outcome, code, grp`,
    `SELECT ${n12(['rule', "'slot-week'", "concat(slot, ':', week)", 'NULL', 'count(*)', "count(*) FILTER (WHERE outcome = 'met')"])}
    FROM slot_facts WHERE outcome IN ('met', 'breached') GROUP BY rule, slot, week`,
    `SELECT ${n12(['rule', "'slot-volume'", 'CAST(slot AS VARCHAR)', 'NULL', 'count(*) FILTER (WHERE excluded_by IS NULL)', 'NULL', `sum(sample) FILTER (WHERE ${COUNTED})`])}
    FROM slot_facts GROUP BY rule, slot`,
    `SELECT ${n12(['rule', "'slot-value'", 'CAST(slot AS VARCHAR)', 'NULL', 'count(*)', 'NULL', 'sample'])}
    FROM slot_facts WHERE ${COUNTED} AND ${slotsWith('slot_facts', '<=')} GROUP BY rule, slot, sample`,
    `SELECT ${n12(['rule', "'slot-bucket'", 'CAST(slot AS VARCHAR)', 'b', 'count(*)'])}
    FROM (SELECT rule, slot, ${bucket('duckdb')} AS b FROM slot_facts WHERE ${COUNTED} AND ${slotsWith('slot_facts', '>')}) AS bucketed
    GROUP BY rule, slot, b`,
    `SELECT rule, 'slot-breach', concat(slot, ':', code), grp, rn, cnt, value_ms, id, created_at, channel, agent, lim
    FROM (SELECT *, row_number() OVER (PARTITION BY rule, slot ORDER BY value_ms DESC NULLS LAST, id, created_at, code) AS rn FROM slot_facts WHERE outcome = 'breached') AS ranked
    WHERE ${cap}`,
  ];
}

/** ClickHouse: the same parts over the subquery `facts`, each SELECT list made by `columns`. */
export function clickhouseSlotParts(
  d: Dialect,
  facts: string,
  columns: (values: Record<string, string>) => string,
  breachLimit: string,
  explain: string | undefined,
): string[] {
  const order = 'ORDER BY rule, slot, isNull(value_ms), value_ms DESC, id, created_at, code';
  const breaches = (where: string, limit: string) =>
    `SELECT ${columns({ rule: 'rule', part: "'slot-breach'", key: "concat(toString(slot), ':', code)", grp: 'grp', n: '0', m: 'cnt', v: 'value_ms', id: 'id', created: 'created_at', channel: 'channel', agent: 'agent', lim: 'lim' })}
    FROM (SELECT * FROM ${facts} WHERE outcome = 'breached'${where} ${order} ${limit})`;
  return [
    `-- slotted rules (peak): counts per slot, for the rule's own summary step to pick from
    SELECT ${columns({ rule: 'rule', part: "'slot-outcome'", key: "concat(toString(slot), ':', outcome, ':', code)", grp: 'grp', n: 'count()' })}
    FROM ${facts} GROUP BY rule, slot, outcome, code, grp`,
    `SELECT ${columns({ rule: 'rule', part: "'slot-week'", key: "concat(toString(slot), ':', week)", n: 'count()', m: "countIf(outcome = 'met')" })}
    FROM ${facts} WHERE outcome IN ('met', 'breached') GROUP BY rule, slot, week`,
    `SELECT ${columns({ rule: 'rule', part: "'slot-volume'", key: 'toString(slot)', n: 'countIf(excluded_by IS NULL)', v: `sumIf(assumeNotNull(sample), ${COUNTED})` })}
    FROM ${facts} GROUP BY rule, slot`,
    `SELECT ${columns({ rule: 'rule', part: "'slot-value'", key: 'toString(slot)', n: 'count()', v: 'sample' })}
    FROM ${facts} WHERE ${COUNTED} AND ${slotsWith(facts, '<=')} GROUP BY rule, slot, sample`,
    `SELECT ${columns({ rule: 'rule', part: "'slot-bucket'", key: 'toString(slot)', grp: 'slot_bucket', n: 'count()' })}
    FROM (SELECT rule, slot, ${bucket('clickhouse')} AS slot_bucket FROM ${facts} WHERE ${COUNTED} AND ${slotsWith(facts, '>')})
    GROUP BY rule, slot, slot_bucket`,
    explain === undefined
      ? breaches('', breachLimit)
      : `${breaches(` AND ifNull(rule != ${d.str(explain)}, 1)`, breachLimit)}\nUNION ALL\n${breaches(` AND ifNull(rule = ${d.str(explain)}, 0)`, '')}`,
  ];
}
