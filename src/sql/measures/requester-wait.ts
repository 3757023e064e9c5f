// Requester wait in SQL, as rules/requester-wait.ts judges it: the export's own requester-wait
// minutes for the rule's clock (rounded to the millisecond). Without them: excluded
// `no-requester-wait` when the ticket is done, pending `open` otherwise. An open ticket within
// the window is pending (the figure can still grow); an open one past it, or a done one, is met
// or breached by the figure. The figure is the help desk's, not a clock's: as_of does not move it.

import { requesterWaitColumn } from '../../rules/requester-wait.js';
import { DONE_SQL } from './first-response.js';
import type { SqlMeasure } from './types.js';

export const requesterWaitSql: SqlMeasure = {
  judge(rule) {
    const column = requesterWaitColumn(rule.clock);
    return {
      measured: [
        ['wait_ms', `CASE WHEN ${column} IS NOT NULL THEN floor(${column} * 60000 + 0.5) END`],
        ['done', DONE_SQL],
      ],
      outcome: `CASE
          WHEN wait_ms IS NULL THEN CASE WHEN done THEN 'excluded' ELSE 'pending' END
          WHEN NOT done AND wait_ms <= window_ms THEN 'pending'
          WHEN wait_ms <= window_ms THEN 'met'
          ELSE 'breached'
        END`,
      code: `CASE
          WHEN wait_ms IS NULL THEN CASE WHEN done THEN 'no-requester-wait' ELSE 'open' END
          WHEN NOT done AND wait_ms <= window_ms THEN 'open'
          WHEN wait_ms <= window_ms THEN 'within'
          ELSE 'late'
        END`,
      value: 'wait_ms',
      limit: 'window_ms',
      sample: 'value_ms',
      vendor: 'NULL',
    };
  },
};
