// Promise updates in SQL, as rules/promise-updates.ts judges ticket rows. The SQL engines read
// ticket exports only, so an agent update is known from the "last agent update" column alone:
// none means no update; one after the due time hides whether an earlier one came in time
// (unknown); else the ticket was informed when it came at or after creation. Without a due time
// the rule does not apply. Done: excluded without a solve or close time; kept (not applicable)
// when resolved by the due time; else excluded when unknown, met or breached by the update, the
// time past due (on the rule's clock) its value. Open: decided at as_of, once past the due time
// (pending `not-due` before): excluded when unknown, met or breached by the update.

import { DONE_SQL } from './first-response.js';
import type { SqlMeasure } from './types.js';

export const promiseUpdatesSql: SqlMeasure = {
  judge(_rule, ctx) {
    const resolved = 'coalesce(solved_at, closed_at)';
    return {
      measured: [
        [
          'informed',
          `CASE WHEN due_at IS NULL THEN NULL WHEN last_agent_update_at IS NULL THEN 0 WHEN last_agent_update_at > due_at THEN NULL WHEN last_agent_update_at >= created_at THEN 1 ELSE 0 END`,
        ],
        ['done', DONE_SQL],
        ['late_ms', `CASE WHEN due_at IS NOT NULL AND ${resolved} IS NOT NULL THEN ${ctx.elapsed('due_at', resolved)} END`],
        ['past_due_ms', `CASE WHEN due_at IS NOT NULL THEN ${ctx.elapsed('due_at', ctx.asOf)} END`],
      ],
      outcome: `CASE
          WHEN due_at IS NULL THEN 'na'
          WHEN done THEN CASE
            WHEN ${resolved} IS NULL THEN 'excluded'
            WHEN ${resolved} <= due_at THEN 'na'
            WHEN informed IS NULL THEN 'excluded'
            WHEN informed = 1 THEN 'met'
            ELSE 'breached' END
          WHEN past_due_ms > 0 THEN CASE WHEN informed IS NULL THEN 'excluded' WHEN informed = 1 THEN 'met' ELSE 'breached' END
          ELSE 'pending'
        END`,
      code: `CASE
          WHEN due_at IS NULL THEN 'no-due-time'
          WHEN done THEN CASE
            WHEN ${resolved} IS NULL THEN 'no-resolution-time'
            WHEN ${resolved} <= due_at THEN 'kept'
            WHEN informed IS NULL THEN 'update-history-unknown'
            WHEN informed = 1 THEN 'updated-before-due'
            ELSE 'no-update-before-due' END
          WHEN past_due_ms > 0 THEN CASE WHEN informed IS NULL THEN 'update-history-unknown' WHEN informed = 1 THEN 'updated-before-due' ELSE 'no-update-before-due' END
          ELSE 'not-due'
        END`,
      value: `CASE WHEN due_at IS NULL THEN NULL WHEN done THEN late_ms ELSE past_due_ms END`,
      limit: 'CASE WHEN due_at IS NULL THEN NULL ELSE 0 END',
      sample: 'value_ms',
      vendor: 'NULL',
    };
  },
};
