// Queue hygiene in SQL, as rules/queue-hygiene.ts and its deferred check judge it at as_of: a new
// or open ticket breaches once the time since its last update (else its creation) exceeds the
// window (`untouched`); within it, a ticket without an agent breaches once the time since its
// creation exceeds `unassigned` (the second check, skipped when the inputs have no agent column);
// else it is tidy. Both times on the rule's clock, to as_of; the sample is the untouched time.

import type { SqlMeasure } from './types.js';

export const queueHygieneSql: SqlMeasure = {
  judge(rule, ctx) {
    const unassigned = (rule as unknown as { unassigned: number }).unassigned;
    const open = "status IN ('new', 'open')";
    const untouched = 'untouched_ms > window_ms';
    const alone = `unassigned_ms > ${unassigned}`;
    return {
      measured: [
        ['untouched_ms', ctx.elapsed('coalesce(updated_at, created_at)', ctx.asOf)],
        ['unassigned_ms', `CASE WHEN agent IS NULL AND ${ctx.hasField('agent')} THEN ${ctx.elapsed('created_at', ctx.asOf)} END`],
      ],
      outcome: `CASE WHEN status IS NULL OR NOT (${open}) THEN 'na' WHEN ${untouched} OR ${alone} THEN 'breached' ELSE 'met' END`,
      code: `CASE WHEN status IS NULL OR NOT (${open}) THEN 'not-open' WHEN ${untouched} THEN 'untouched' WHEN ${alone} THEN 'unassigned' ELSE 'tidy' END`,
      value: `CASE WHEN NOT (${untouched}) AND ${alone} THEN unassigned_ms ELSE untouched_ms END`,
      limit: `CASE WHEN NOT (${untouched}) AND ${alone} THEN ${unassigned} ELSE window_ms END`,
      sample: 'untouched_ms',
      vendor: 'NULL',
    };
  },
};
