// First response in SQL, as rules/first-response.ts judges it: the time from creation to the
// first response on the rule's clock, else the export's own duration column for that clock
// (counted as a vendor column), else: excluded when a reply happened that nothing times, breached
// when the contact was missed or abandoned, excluded when it was closed without a reply, and
// otherwise decided at as_of (breached once the wait exceeds the window, pending before).
// Conversations assembled from message exports are judged as the built-in engine judges them:
// an outbound one (the `outbound` column) is excluded first, and one in which the customer never
// wrote before as_of (`customer_wrote` false) is excluded after the missed and abandoned checks.

import { vendorColumn } from '../../rules/first-response.js';
import type { SqlMeasure } from './types.js';

/** Solved or closed: by status when there is one, else by a solve or close time (rules/definition.ts isDone). */
export const DONE_SQL = "CASE WHEN status IS NOT NULL THEN status IN ('solved', 'closed') ELSE (solved_at IS NOT NULL OR closed_at IS NOT NULL) END";

export const firstResponseSql: SqlMeasure = {
  judge(rule, ctx) {
    const d = ctx.dialect;
    const column = vendorColumn(rule.clock);
    // Math.round of a non-negative number: floor(x + 0.5).
    const fromColumn = `floor(${column} * 60000 + 0.5)`;
    const outbound = d.flag('outbound');
    // A conversation without a customer message at as_of (NULL on ticket rows: they never are).
    const silent = d.name === 'clickhouse' ? 'ifNull(customer_wrote, 1) = 0' : 'NOT coalesce(customer_wrote, true)';
    const noTime = 'coalesce(agent_replies, 0) > 0 OR first_response_minutes IS NOT NULL OR first_response_business_minutes IS NOT NULL';
    return {
      measured: [
        [
          'response_ms',
          `CASE WHEN first_response_at IS NOT NULL THEN ${ctx.elapsed('created_at', 'first_response_at')} WHEN ${column} IS NOT NULL THEN ${fromColumn} END`,
        ],
        ['waited_ms', ctx.elapsed('created_at', ctx.asOf)],
      ],
      outcome: `CASE
          WHEN ${outbound} THEN 'excluded'
          WHEN response_ms IS NOT NULL THEN CASE WHEN response_ms <= window_ms THEN 'met' ELSE 'breached' END
          WHEN ${noTime} THEN 'excluded'
          WHEN ${d.flag('missed')} OR ${d.flag('abandoned')} THEN 'breached'
          WHEN ${silent} THEN 'excluded'
          WHEN ${DONE_SQL} THEN 'excluded'
          WHEN waited_ms > window_ms THEN 'breached'
          ELSE 'pending'
        END`,
      code: `CASE
          WHEN ${outbound} THEN 'outbound'
          WHEN response_ms IS NOT NULL THEN CASE WHEN response_ms <= window_ms THEN 'within' ELSE 'late' END
          WHEN ${noTime} THEN 'no-response-time'
          WHEN ${d.flag('missed')} THEN 'missed'
          WHEN ${d.flag('abandoned')} THEN 'abandoned'
          WHEN ${silent} THEN 'no-customer-message'
          WHEN ${DONE_SQL} THEN 'closed-without-reply'
          WHEN waited_ms > window_ms THEN 'unanswered'
          ELSE 'waiting'
        END`,
      value: `CASE WHEN ${outbound} THEN NULL WHEN response_ms IS NOT NULL THEN response_ms
          WHEN ${noTime} OR ${d.flag('missed')} OR ${d.flag('abandoned')} OR ${silent} OR ${DONE_SQL} THEN NULL
          ELSE waited_ms END`,
      limit: `CASE WHEN response_ms IS NULL AND (${d.flag('missed')} OR ${d.flag('abandoned')}) THEN NULL ELSE window_ms END`,
      sample: 'value_ms',
      vendor: `CASE WHEN first_response_at IS NULL AND ${column} IS NOT NULL THEN '${column}' END`,
    };
  },
};
