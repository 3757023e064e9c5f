// The measures the SQL engines compute, keyed by measure id. A measure missing here (or whose
// `unsupported` names a reason for a rule) reports `unsupported` on a SQL engine: its figures are
// never approximated (docs/sql.md lists which and why).

import type { MeasureId } from '../../rules/measures.js';
import { afterSalesSql } from './after-sales.js';
import { csatSql } from './csat.js';
import { firstResponseSql } from './first-response.js';
import { phoneWaitSql } from './phone-wait.js';
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
  resolution: resolutionSql,
  'requester-wait': requesterWaitSql,
  'refund-speed': refundSpeedSql,
  'returns-approval': returnsApprovalSql,
  'after-sales': afterSalesSql,
  // Pre-sales questions are judged exactly as a first response (rules/presales.ts).
  presales: firstResponseSql,
  'promise-updates': promiseUpdatesSql,
};

export type { SqlMeasure, SqlJudgement, SqlContext } from './types.js';
