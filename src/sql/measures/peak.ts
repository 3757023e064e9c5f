// The peak rule in SQL, as rules/peak.ts judges each ticket: rated like csat (met when the rating
// counts as good), its first response on the rule's clock (else the export's duration column) a
// sample whether rated or not, unless it is an outbound conversation. Its figures are per local
// hour of the week (its slots, from SqlContext.hourOfWeek): the SQL returns each slot's counts,
// samples and worst breaches, and the built-in summary step picks the peak hours from them
// (sql/slots.ts, sql/findings.ts).

import { vendorColumn } from '../../rules/first-response.js';
import type { SqlMeasure } from './types.js';

export const peakSql: SqlMeasure = {
  judge(rule, ctx) {
    const good = ctx.dialect.name === 'clickhouse' ? 'csat_good = 1' : 'csat_good';
    const column = vendorColumn(rule.clock);
    return {
      measured: [
        ['good', `CASE WHEN csat_good IS NOT NULL THEN ${good} WHEN csat IS NOT NULL THEN csat >= 0.75 END`],
        [
          'response_ms',
          `CASE WHEN ${ctx.dialect.flag('outbound')} THEN NULL WHEN first_response_at IS NOT NULL THEN ${ctx.elapsed('created_at', 'first_response_at')} WHEN ${column} IS NOT NULL THEN floor(${column} * 60000 + 0.5) END`,
        ],
      ],
      outcome: "CASE WHEN good IS NULL THEN 'na' WHEN good THEN 'met' ELSE 'breached' END",
      code: "CASE WHEN good IS NULL THEN 'unrated' WHEN good THEN 'good-rating' ELSE 'bad-rating' END",
      value: 'csat',
      limit: 'NULL',
      sample: 'response_ms',
      vendor: 'NULL',
      slot: ctx.hourOfWeek,
    };
  },
};
