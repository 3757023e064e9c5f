// Resolution time in SQL, as rules/resolution.ts judges it. `which: full`: creation to the solve
// (else close) time on the rule's clock, else the export's full-resolution minutes for that clock
// (a vendor column); `which: first`: only the first-resolution minutes for the clock. Without a
// time: excluded `no-resolution-time` when the ticket is done (`first`: done or reopened at
// least once), else decided at as_of (breached `unresolved` once the window has passed, pending
// before).

import { resolutionColumn } from '../../rules/resolution.js';
import { DONE_SQL } from './first-response.js';
import type { SqlMeasure } from './types.js';

export const resolutionSql: SqlMeasure = {
  judge(rule, ctx) {
    const which = (rule as unknown as { which: 'first' | 'full' }).which;
    const column = resolutionColumn(which, rule.clock);
    // Math.round of the vendor minutes in ms: floor(x + 0.5).
    const fromColumn = `floor(${column} * 60000 + 0.5)`;
    const timed =
      which === 'full'
        ? `CASE WHEN coalesce(solved_at, closed_at) IS NOT NULL THEN ${ctx.elapsed('created_at', 'coalesce(solved_at, closed_at)')} WHEN ${column} IS NOT NULL THEN ${fromColumn} END`
        : `CASE WHEN ${column} IS NOT NULL THEN ${fromColumn} END`;
    // Solved once already (`first`): done now, or reopened, which follows a solve.
    const settled = which === 'full' ? DONE_SQL : `(${DONE_SQL}) OR coalesce(reopens, 0) > 0`;
    return {
      measured: [
        ['resolution_ms', timed],
        ['waited_ms', ctx.elapsed('created_at', ctx.asOf)],
      ],
      outcome: `CASE
          WHEN resolution_ms IS NOT NULL THEN CASE WHEN resolution_ms <= window_ms THEN 'met' ELSE 'breached' END
          WHEN ${settled} THEN 'excluded'
          WHEN waited_ms > window_ms THEN 'breached'
          ELSE 'pending'
        END`,
      code: `CASE
          WHEN resolution_ms IS NOT NULL THEN CASE WHEN resolution_ms <= window_ms THEN 'within' ELSE 'late' END
          WHEN ${settled} THEN 'no-resolution-time'
          WHEN waited_ms > window_ms THEN 'unresolved'
          ELSE 'waiting'
        END`,
      value: `CASE WHEN resolution_ms IS NOT NULL THEN resolution_ms WHEN ${settled} THEN NULL ELSE waited_ms END`,
      limit: 'window_ms',
      sample: 'value_ms',
      vendor:
        which === 'full'
          ? `CASE WHEN coalesce(solved_at, closed_at) IS NULL AND ${column} IS NOT NULL THEN '${column}' END`
          : `CASE WHEN ${column} IS NOT NULL THEN '${column}' END`,
    };
  },
};
