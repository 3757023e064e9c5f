// The measures' definitions, one module each, keyed by the policy's `measure`. The registry's
// type is a mapped type over the measure ids (measures.ts): the compiler refuses a measure
// without its definition, a definition under another measure's id, and an unknown id.

import type { MeasureId } from './measures.js';
import type { ParamShape, ParamsOf, RuleDefinition } from './definition.js';
import type { RuleConfig } from '../policy/types.js';
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

/**
 * Exactly one definition per measure id, each under its own id. The rule type of its callbacks
 * is erased (`never`): each is only ever handed the rules of its own measure.
 */
export type Registry = { [M in MeasureId]: RuleDefinition<M, ParamShape, never> };

/** A definition as the registry holds it (hand it only rules of its own measure). */
export type AnyRuleDefinition = RuleDefinition<MeasureId, ParamShape, never>;

const DEFINITIONS = {
  'first-response': firstResponse,
  'next-reply': nextReply,
  'update-gap': updateGap,
  resolution,
  'requester-wait': requesterWait,
  'phone-wait': phoneWait,
  csat,
  nps,
  share,
  'reopen-rate': reopenRate,
  'one-touch': oneTouch,
  'missed-rate': missedRate,
  'promise-updates': promiseUpdates,
  'after-sales': afterSales,
  'queue-hygiene': queueHygiene,
  peak,
  presales,
  'returns-approval': returnsApproval,
  'refund-speed': refundSpeed,
} satisfies Registry;

/** Each measure's parameters, as its schemas resolve them (policy/types.ts builds RuleConfig from these). */
export type MeasureParams = { [M in MeasureId]: ParamsOf<ReturnType<(typeof DEFINITIONS)[M]['params']>> };

export const RULES: Registry = DEFINITIONS;

export function ruleDefinition(measure: MeasureId): AnyRuleDefinition {
  return RULES[measure];
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

export { MEASURE_IDS, type MeasureId } from './measures.js';
export type { RuleDefinition } from './definition.js';
