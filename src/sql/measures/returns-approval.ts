// Returns approval in SQL, as rules/returns-approval.ts judges it: a return requested within
// return_window of the order (calendar time) meets when approved and is breached when rejected;
// undecided, it is decided at as_of against the answer window on the rule's clock (breached
// `unanswered`, pending before). Without a return it does not apply; without an order date it is
// excluded. A yes/no measure: no samples.

import type { SqlMeasure } from './types.js';

export const returnsApprovalSql: SqlMeasure = {
  judge(rule, ctx) {
    const returnWindow = (rule as unknown as { return_window: number }).return_window;
    const decision = "coalesce(return_decision, '')";
    return {
      measured: [['waited_ms', `CASE WHEN return_requested_at IS NOT NULL THEN ${ctx.elapsed('return_requested_at', ctx.asOf)} END`]],
      outcome: `CASE
          WHEN return_requested_at IS NULL THEN 'na'
          WHEN order_at IS NULL THEN 'excluded'
          WHEN return_requested_at - order_at > ${returnWindow} THEN 'na'
          WHEN ${decision} = 'approved' THEN 'met'
          WHEN ${decision} = 'rejected' THEN 'breached'
          WHEN waited_ms > window_ms THEN 'breached'
          ELSE 'pending'
        END`,
      code: `CASE
          WHEN return_requested_at IS NULL THEN 'no-return'
          WHEN order_at IS NULL THEN 'no-order-date'
          WHEN return_requested_at - order_at > ${returnWindow} THEN 'outside-return-window'
          WHEN ${decision} = 'approved' THEN 'approved'
          WHEN ${decision} = 'rejected' THEN 'rejected'
          WHEN waited_ms > window_ms THEN 'unanswered'
          ELSE 'waiting'
        END`,
      value: `CASE WHEN ${decision} IN ('approved', 'rejected') THEN NULL ELSE waited_ms END`,
      limit: `CASE WHEN ${decision} IN ('approved', 'rejected') THEN NULL ELSE window_ms END`,
      sample: 'NULL',
      vendor: 'NULL',
    };
  },
};
