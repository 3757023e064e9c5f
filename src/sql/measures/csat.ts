// Satisfaction in SQL, as rules/csat.ts judges it: a rated ticket meets when its rating counts as
// good (the mapped `csat_good`, else a normalised score of at least 0.75); unrated tickets are not
// part of the sample. A bad rating's value is the score.

import type { SqlMeasure } from './types.js';

export const csatSql: SqlMeasure = {
  judge(_rule, ctx) {
    const good = ctx.dialect.name === 'clickhouse' ? 'csat_good = 1' : 'csat_good';
    return {
      measured: [['good', `CASE WHEN csat_good IS NOT NULL THEN ${good} WHEN csat IS NOT NULL THEN csat >= 0.75 END`]],
      outcome: "CASE WHEN good IS NULL THEN 'na' WHEN good THEN 'met' ELSE 'breached' END",
      code: "CASE WHEN good IS NULL THEN 'unrated' WHEN good THEN 'good-rating' ELSE 'bad-rating' END",
      value: 'csat',
      limit: 'NULL',
      sample: 'NULL',
      vendor: 'NULL',
    };
  },
};
