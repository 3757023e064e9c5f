// Refund speed in SQL, as rules/refund-speed.ts judges it: only approved returns apply; the time
// from the return request to the refund on the rule's clock, inclusive; an approved return not
// refunded yet is decided at as_of (breached `unrefunded` once the window has passed, pending
// before).

import type { SqlMeasure } from './types.js';

export const refundSpeedSql: SqlMeasure = {
  judge(_rule, ctx) {
    const approved = "(return_requested_at IS NOT NULL AND coalesce(return_decision, '') = 'approved')";
    return {
      measured: [
        ['refund_ms', `CASE WHEN ${approved} AND refunded_at IS NOT NULL THEN ${ctx.elapsed('return_requested_at', 'refunded_at')} END`],
        ['waited_ms', `CASE WHEN ${approved} THEN ${ctx.elapsed('return_requested_at', ctx.asOf)} END`],
      ],
      outcome: `CASE
          WHEN NOT ${approved} THEN 'na'
          WHEN refund_ms IS NOT NULL THEN CASE WHEN refund_ms <= window_ms THEN 'met' ELSE 'breached' END
          WHEN waited_ms > window_ms THEN 'breached'
          ELSE 'pending'
        END`,
      code: `CASE
          WHEN NOT ${approved} THEN 'not-approved-return'
          WHEN refund_ms IS NOT NULL THEN CASE WHEN refund_ms <= window_ms THEN 'within' ELSE 'late' END
          WHEN waited_ms > window_ms THEN 'unrefunded'
          ELSE 'waiting'
        END`,
      value: 'coalesce(refund_ms, waited_ms)',
      limit: `CASE WHEN ${approved} THEN window_ms END`,
      sample: 'value_ms',
      vendor: 'NULL',
    };
  },
};
