// Phone wait in SQL, as rules/phone-wait.ts judges it: the export's wait (seconds, rounded to the
// millisecond) against the window, inclusive; an abandoned call within `short_abandon` is
// excluded; any other abandoned or missed call is breached, `-after` when its wait was past the
// window too; a call with neither a wait nor a flag is not judged. The wait is not a clock's: a
// business-clock rule uses it as exported, as the built-in engine does.

import type { SqlMeasure } from './types.js';

export const phoneWaitSql: SqlMeasure = {
  judge(rule, ctx) {
    const d = ctx.dialect;
    const shortAbandon = (rule as unknown as { short_abandon: number }).short_abandon;
    const missed = d.flag('missed');
    const abandoned = d.flag('abandoned');
    const short = shortAbandon > 0 ? `${abandoned} AND wait_ms <= ${shortAbandon}` : '1 = 0';
    return {
      measured: [['wait_ms', 'CASE WHEN wait_seconds IS NOT NULL THEN floor(wait_seconds * 1000 + 0.5) END']],
      outcome: `CASE
          WHEN wait_ms IS NOT NULL THEN CASE
            WHEN ${short} THEN 'excluded'
            WHEN ${abandoned} OR ${missed} THEN 'breached'
            WHEN wait_ms <= window_ms THEN 'met'
            ELSE 'breached' END
          WHEN ${missed} OR ${abandoned} THEN 'breached'
          ELSE 'na'
        END`,
      code: `CASE
          WHEN wait_ms IS NOT NULL THEN CASE
            WHEN ${short} THEN 'short-abandon'
            WHEN ${abandoned} THEN CASE WHEN wait_ms <= window_ms THEN 'abandoned' ELSE 'abandoned-after' END
            WHEN ${missed} THEN CASE WHEN wait_ms <= window_ms THEN 'missed' ELSE 'missed-after' END
            WHEN wait_ms <= window_ms THEN 'within'
            ELSE 'late' END
          WHEN ${missed} THEN 'missed'
          WHEN ${abandoned} THEN 'abandoned'
          ELSE 'no-wait-time'
        END`,
      value: 'wait_ms',
      limit: 'CASE WHEN wait_ms IS NOT NULL THEN window_ms END',
      sample: 'value_ms',
      vendor: 'NULL',
    };
  },
};
