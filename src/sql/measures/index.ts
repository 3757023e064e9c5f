// The measures the SQL engines compute, keyed by measure id. A measure missing here (or whose
// `unsupported` names a reason for a rule) reports `unsupported` on a SQL engine: its figures are
// never approximated (docs/sql.md lists which and why).

import type { MeasureId } from '../../rules/measures.js';
import { missedRateSql, npsSql, oneTouchSql, reopenRateSql } from './counts.js';
import { csatSql } from './csat.js';
import { firstResponseSql } from './first-response.js';
import { peakSql } from './peak.js';
import { phoneWaitSql } from './phone-wait.js';
import { queueHygieneSql } from './queue-hygiene.js';
import { shareSql } from './share.js';
import type { SqlMeasure } from './types.js';

export const SQL_MEASURES: Partial<Record<MeasureId, SqlMeasure>> = {
  'first-response': firstResponseSql,
  csat: csatSql,
  'phone-wait': phoneWaitSql,
  share: shareSql,
  'reopen-rate': reopenRateSql,
  'one-touch': oneTouchSql,
  'missed-rate': missedRateSql,
  nps: npsSql,
  'queue-hygiene': queueHygieneSql,
  peak: peakSql,
};

export type { SqlMeasure, SqlJudgement, SqlContext } from './types.js';
