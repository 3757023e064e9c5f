// After-sales quality in SQL, as rules/after-sales.ts judges it. A ticket is a repair when the
// rule's `repair` filter is not empty and matches it (policy/filter.ts, as applies_to). Open: a
// repair is decided at as_of (breached `repair-late` once its window has passed, pending `open`
// before), anything else is pending. Done: excluded without a reopen count; breached `reopened`
// when reopened (the count is the breach's value and its reason's count); else met, a repair
// only when resolved within its window on the rule's clock (excluded without a solve or close
// time). A yes/no measure: no samples.

import type { Filter } from '../../policy/types.js';
import { isEmptyFilter } from '../../rules/match.js';
import { filterSql, filterUnsupported } from '../filter.js';
import { DONE_SQL } from './first-response.js';
import type { SqlMeasure } from './types.js';

const repairOf = (rule: unknown) => (rule as { repair: Filter }).repair;

export const afterSalesSql: SqlMeasure = {
  unsupported(rule) {
    const why = filterUnsupported(repairOf(rule));
    return why?.replace('applies_to', 'the repair filter');
  },
  judge(rule, ctx) {
    const repair = repairOf(rule);
    // A filter's NULL (a missing field) is no match, as in the rule's WHERE.
    const isRepair = isEmptyFilter(repair) ? '0' : `CASE WHEN ${filterSql(repair, ctx.dialect)} THEN 1 ELSE 0 END`;
    const resolved = 'coalesce(solved_at, closed_at)';
    return {
      measured: [
        ['is_repair', isRepair],
        ['done', DONE_SQL],
        ['repair_ms', `CASE WHEN ${resolved} IS NOT NULL THEN ${ctx.elapsed('created_at', resolved)} END`],
        ['waited_ms', ctx.elapsed('created_at', ctx.asOf)],
      ],
      outcome: `CASE
          WHEN NOT done THEN CASE WHEN is_repair = 1 AND waited_ms > window_ms THEN 'breached' ELSE 'pending' END
          WHEN reopens IS NULL THEN 'excluded'
          WHEN reopens > 0 THEN 'breached'
          WHEN is_repair = 0 THEN 'met'
          WHEN repair_ms IS NULL THEN 'excluded'
          WHEN repair_ms <= window_ms THEN 'met'
          ELSE 'breached'
        END`,
      code: `CASE
          WHEN NOT done THEN CASE WHEN is_repair = 1 AND waited_ms > window_ms THEN 'repair-late' ELSE 'open' END
          WHEN reopens IS NULL THEN 'no-reopen-count'
          WHEN reopens > 0 THEN 'reopened'
          WHEN is_repair = 0 THEN 'not-reopened'
          WHEN repair_ms IS NULL THEN 'no-resolution-time'
          WHEN repair_ms <= window_ms THEN 'within'
          ELSE 'repair-late'
        END`,
      value: `CASE
          WHEN NOT done THEN CASE WHEN is_repair = 1 THEN waited_ms END
          WHEN reopens IS NULL THEN NULL
          WHEN reopens > 0 THEN reopens
          WHEN is_repair = 0 THEN NULL
          ELSE repair_ms
        END`,
      limit: `CASE
          WHEN NOT done THEN CASE WHEN is_repair = 1 THEN window_ms END
          WHEN reopens IS NULL OR reopens > 0 OR is_repair = 0 OR repair_ms IS NULL THEN NULL
          ELSE window_ms
        END`,
      sample: 'NULL',
      vendor: 'NULL',
      n: 'CASE WHEN done AND reopens > 0 THEN reopens END',
    };
  },
};
