// Breakdown tables (per agent, team, channel, priority, week, month) and the first-response
// distribution per channel, from the counts the rule states keep.

import { OTHER_ROW_KEY, type BreakdownRow, type Dimension, type Distribution, type Report } from '../report.js';
import { OTHER_KEY } from './key-table.js';
import type { Ticket } from '../types.js';
import type { CompiledRule } from './compile.js';
import type { RuleState } from './rule-state.js';
import { FIRST_RESPONSE_EDGES } from './state.js';

const MINUTE = 60_000;

const byKey = (a: string, b: string) => (a === '(none)' ? 1 : b === '(none)' ? -1 : a < b ? -1 : a > b ? 1 : 0);

/**
 * Rows sorted by key (weeks and months chronologically), `(none)` last; every evaluated rule in
 * each row. At most `maxKeys` rows per dimension: past it, the keys with the most breaches (then
 * the most eligible tickets, then by key) are listed, and one last row flagged `other: true`
 * holds the exact totals of all the rest (also of the keys not counted one by one while reading,
 * see key-table.ts).
 */
export function breakdowns(rules: CompiledRule[], states: RuleState[], by: Dimension[], maxKeys: number): Report['breakdowns'] {
  const out: Report['breakdowns'] = {};
  for (const dim of by) {
    const keys = new Set<string>();
    for (const s of states) for (const k of s.groups[dim]?.keys() ?? []) if (k !== OTHER_KEY) keys.add(k);
    const pairOf = (i: number, key: string) => states[i].groups[dim]?.get(key) ?? [0, 0];
    let listed = [...keys];
    const other = rules.map((_, i) => [...pairOf(i, OTHER_KEY)] as [number, number]);
    if (listed.length > maxKeys) {
      const weight = new Map<string, { breaches: number; volume: number }>();
      for (const key of listed) {
        let breaches = 0;
        let volume = 0;
        for (let i = 0; i < rules.length; i++) {
          const [e, m] = pairOf(i, key);
          breaches += e - m;
          volume += e;
        }
        weight.set(key, { breaches, volume });
      }
      listed.sort((a, b) => {
        const wa = weight.get(a)!;
        const wb = weight.get(b)!;
        return wb.breaches - wa.breaches || wb.volume - wa.volume || (a < b ? -1 : a > b ? 1 : 0);
      });
      for (const key of listed.slice(maxKeys)) {
        for (let i = 0; i < rules.length; i++) {
          const [e, m] = pairOf(i, key);
          other[i][0] += e;
          other[i][1] += m;
        }
      }
      listed = listed.slice(0, maxKeys);
    }
    const rows = listed.sort(byKey).map(
      (key): BreakdownRow => ({
        key,
        rules: rules.map((r, i) => {
          const [eligible, met] = pairOf(i, key);
          return { id: r.rule.id, eligible, met, compliance: eligible > 0 ? met / eligible : null };
        }),
      }),
    );
    if (other.some(([e]) => e > 0)) {
      rows.push({
        key: OTHER_ROW_KEY,
        other: true,
        rules: rules.map((r, i) => ({
          id: r.rule.id,
          eligible: other[i][0],
          met: other[i][1],
          compliance: other[i][0] > 0 ? other[i][1] / other[i][0] : null,
        })),
      });
    }
    out[dim] = rows;
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
