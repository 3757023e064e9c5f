// Breakdown tables (per agent, team, channel, priority, week, month) and the first-response
// distribution per channel, from the counts the rule states keep.

import type { BreakdownRow, Dimension, Distribution, Report } from '../report.js';
import type { Ticket } from '../types.js';
import type { CompiledRule } from './scorecard.js';
import type { RuleState } from './rule-state.js';
import { FIRST_RESPONSE_EDGES } from './state.js';

const MINUTE = 60_000;

/** Rows sorted by key (weeks and months chronologically), `(none)` last; every evaluated rule in each row. */
export function breakdowns(rules: CompiledRule[], states: RuleState[], by: Dimension[]): Report['breakdowns'] {
  const out: Report['breakdowns'] = {};
  for (const dim of by) {
    const keys = new Set<string>();
    for (const s of states) for (const k of Object.keys(s.groups[dim] ?? {})) keys.add(k);
    const sorted = [...keys].sort((a, b) => (a === '(none)' ? 1 : b === '(none)' ? -1 : a < b ? -1 : a > b ? 1 : 0));
    out[dim] = sorted.map((key): BreakdownRow => ({
      key,
      rules: rules.map((r, i) => {
        const [eligible, met] = states[i].groups[dim]?.[key] ?? [0, 0];
        return { id: r.rule.id, eligible, met, compliance: eligible > 0 ? met / eligible : null };
      }),
    }));
  }
  return out;
}

/** Counts a ticket's calendar first response (timestamps, else the vendor's minutes) into its channel's bins. */
export function recordFirstResponse(counts: Record<string, number[]>, t: Ticket): void {
  if (t.outbound) return;
  let minutes: number;
  if (t.first_response_at !== undefined) minutes = Math.max(0, t.first_response_at - t.created_at) / MINUTE;
  else if (t.first_response_minutes !== undefined) minutes = t.first_response_minutes;
  else return;
  let bin = 0;
  while (bin < FIRST_RESPONSE_EDGES.length && minutes > FIRST_RESPONSE_EDGES[bin]) bin++;
  const key = t.channel ?? '(none)';
  const row = counts[key] ?? (counts[key] = new Array(FIRST_RESPONSE_EDGES.length + 1).fill(0));
  row[bin]++;
}

/** Undefined when no ticket had a first response. */
export function firstResponseDistribution(counts: Record<string, number[]>): Report['distributions'] {
  const channels = Object.keys(counts).sort();
  if (channels.length === 0) return undefined;
  const dist: Distribution = { edges: [...FIRST_RESPONSE_EDGES], counts: {} };
  for (const c of channels) dist.counts[c] = [...counts[c]];
  return { first_response: dist };
}
