// The measures the SQL engines compute, keyed by measure id. A measure missing here (or whose
// `unsupported` names a reason for a rule) reports `unsupported` on a SQL engine: its figures are
// never approximated (docs/sql.md lists which and why).

import type { MeasureId } from '../../rules/measures.js';
import { afterSalesSql } from './after-sales.js';
import { missedRateSql, npsSql, oneTouchSql, reopenRateSql } from './counts.js';
import { csatSql } from './csat.js';
import { firstResponseSql } from './first-response.js';
import { peakSql } from './peak.js';
import { phoneWaitSql } from './phone-wait.js';
import { queueHygieneSql } from './queue-hygiene.js';
import { shareSql } from './share.js';
import { promiseUpdatesSql } from './promise-updates.js';
import { refundSpeedSql } from './refund-speed.js';
import { requesterWaitSql } from './requester-wait.js';
import { resolutionSql } from './resolution.js';
import { returnsApprovalSql } from './returns-approval.js';
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
  resolution: resolutionSql,
  'requester-wait': requesterWaitSql,
  'refund-speed': refundSpeedSql,
  'returns-approval': returnsApprovalSql,
  'after-sales': afterSalesSql,
  // Pre-sales questions are judged exactly as a first response (rules/presales.ts).
  presales: firstResponseSql,
  'promise-updates': promiseUpdatesSql,
};

/**
 * Why a measure without a SQL form has none, when it is more than not written yet: what it reads
 * exists only in conversations assembled from message exports, and the SQL table has no column
 * for it (sql/threads.ts: the measures computed on ticket rows but not on conversations).
 */
export const SQL_UNSUPPORTED: Partial<Record<MeasureId, string>> = {
  'next-reply': 'the next-reply measure needs the reply pairs of message threads, which the SQL table does not hold',
  'update-gap': 'the update-gap measure needs every agent update time of message threads, which the SQL table does not hold',
};

export type { SqlMeasure, SqlJudgement, SqlContext } from './types.js';
