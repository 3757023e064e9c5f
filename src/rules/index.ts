// The rule kinds, in report order of their typical use. Each is keyed by the policy's `measure`.

import type { MeasureId, RuleConfig } from '../policy/types.js';
import type { RuleDefinition } from './definition.js';
import { afterSales } from './after-sales.js';
import { csat } from './csat.js';
import { firstResponse } from './first-response.js';
import { missedRate } from './missed-rate.js';
import { nextReply } from './next-reply.js';
import { nps } from './nps.js';
import { oneTouch } from './one-touch.js';
import { peak } from './peak.js';
import { phoneWait } from './phone-wait.js';
import { presales } from './presales.js';
import { promiseUpdates } from './promise-updates.js';
import { queueHygiene } from './queue-hygiene.js';
import { refundSpeed } from './refund-speed.js';
import { reopenRate } from './reopen-rate.js';
import { requesterWait } from './requester-wait.js';
import { resolution } from './resolution.js';
import { returnsApproval } from './returns-approval.js';
import { share } from './share.js';
import { updateGap } from './update-gap.js';

export const RULES: RuleDefinition<any>[] = [
  firstResponse,
  nextReply,
  updateGap,
  resolution,
  requesterWait,
  phoneWait,
  csat,
  nps,
  share,
  reopenRate,
  oneTouch,
  missedRate,
  promiseUpdates,
  afterSales,
  queueHygiene,
  peak,
  presales,
  returnsApproval,
  refundSpeed,
];

const byMeasure = new Map<string, RuleDefinition>(RULES.map((d) => [d.measure, d]));

export function ruleDefinition(measure: MeasureId): RuleDefinition {
  const d = byMeasure.get(measure);
  if (!d) throw new Error(`no rule definition for measure "${measure}"`);
  return d;
}

/** Every canonical field the policy's evaluated rules name in their needs (any alternative). */
export function fieldsNeeded(rules: RuleConfig[]): Set<string> {
  const fields = new Set<string>();
  for (const rule of rules) {
    if (rule.severity === 'off') continue;
    for (const need of ruleDefinition(rule.measure).needs(rule as never, rule.clock)) {
      for (const f of typeof need === 'string' ? [need] : need) fields.add(f);
    }
  }
  return fields;
}

export type { RuleDefinition } from './definition.js';
