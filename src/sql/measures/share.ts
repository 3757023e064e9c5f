// A share under a ceiling in SQL, as rules/share.ts judges it: every applicable ticket is
// eligible; one its `match` filter selects (subject phrases too, sql/subject.ts) is breached.

import type { Filter } from '../../policy/types.js';
import { filterSql, filterUnsupported } from '../filter.js';
import type { SqlMeasure } from './types.js';

const matchOf = (rule: unknown) => (rule as { match: Filter }).match;

export const shareSql: SqlMeasure = {
  unsupported: (rule) => filterUnsupported(matchOf(rule)),
  judge(rule, ctx) {
    return {
      // A NULL condition (ClickHouse: a NULL column in it) selects nothing, as in applies_to.
      measured: [['matched', `CASE WHEN ${filterSql(matchOf(rule), ctx.dialect)} THEN 1 ELSE 0 END`]],
      outcome: "CASE WHEN matched = 1 THEN 'breached' ELSE 'met' END",
      code: "CASE WHEN matched = 1 THEN 'matched' ELSE 'not-matched' END",
      value: 'NULL',
      limit: 'NULL',
      sample: 'NULL',
      vendor: 'NULL',
    };
  },
};
