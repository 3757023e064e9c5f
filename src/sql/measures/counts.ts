// The count and flag rates in SQL, as their judges in rules/ give them: reopen-rate (reopen count
// known; reopened breaches, else pending until done), one-touch (done tickets with a reply count:
// at most one agent reply meets), missed-rate (missed, else abandoned, breaches) and nps (a
// promoter, 9–10, meets; 7–8 passive and 0–6 detractor breach). Counts and ratings are taken as
// exported at as_of; replies are none when the first reply came after it (sql/compile.ts).

import { DONE_SQL } from './first-response.js';
import type { SqlJudgement, SqlMeasure } from './types.js';

const NO_TIMES = { limit: 'NULL', sample: 'NULL', vendor: 'NULL' } as const;

export const reopenRateSql: SqlMeasure = {
  judge: (): SqlJudgement => ({
    measured: [],
    outcome: `CASE WHEN reopens IS NULL THEN 'na' WHEN reopens > 0 THEN 'breached' WHEN NOT (${DONE_SQL}) THEN 'pending' ELSE 'met' END`,
    code: `CASE WHEN reopens IS NULL THEN 'no-reopen-count' WHEN reopens > 0 THEN 'reopened' WHEN NOT (${DONE_SQL}) THEN 'open' ELSE 'not-reopened' END`,
    value: 'reopens',
    n: 'reopens',
    ...NO_TIMES,
  }),
};

export const oneTouchSql: SqlMeasure = {
  judge: (): SqlJudgement => ({
    measured: [],
    outcome: `CASE WHEN NOT (${DONE_SQL}) THEN 'pending' WHEN agent_replies IS NULL THEN 'na' WHEN agent_replies <= 1 THEN 'met' ELSE 'breached' END`,
    code: `CASE WHEN NOT (${DONE_SQL}) THEN 'open' WHEN agent_replies IS NULL THEN 'no-reply-count' WHEN agent_replies <= 1 THEN 'one-touch' ELSE 'multi-touch' END`,
    value: `CASE WHEN ${DONE_SQL} THEN agent_replies END`,
    n: 'agent_replies',
    ...NO_TIMES,
  }),
};

export const missedRateSql: SqlMeasure = {
  judge(_rule, ctx) {
    const d = ctx.dialect;
    return {
      measured: [],
      outcome: `CASE WHEN ${d.flag('missed')} OR ${d.flag('abandoned')} THEN 'breached' ELSE 'met' END`,
      code: `CASE WHEN ${d.flag('missed')} THEN 'missed' WHEN ${d.flag('abandoned')} THEN 'abandoned' ELSE 'answered' END`,
      value: 'NULL',
      ...NO_TIMES,
    };
  },
};

export const npsSql: SqlMeasure = {
  judge: (): SqlJudgement => ({
    measured: [],
    outcome: "CASE WHEN nps IS NULL THEN 'na' WHEN nps >= 9 THEN 'met' ELSE 'breached' END",
    code: "CASE WHEN nps IS NULL THEN 'unrated' WHEN nps >= 9 THEN 'promoter' WHEN nps >= 7 THEN 'passive' ELSE 'detractor' END",
    value: 'nps',
    ...NO_TIMES,
  }),
};
