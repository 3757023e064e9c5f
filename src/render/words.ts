// Wording shared by the renderers: status marks and labels, percentages, the verdict line.
// Only wording: what is shown where is each renderer's business. Returned text is raw (not
// escaped); each renderer escapes for its medium.

import { OTHER_ROW_KEY, type BreakdownRow, type Report, type RuleResult, type RuleStatus } from '../report.js';
import type { InputSummary } from '../types.js';

export const STATUS_MARK: Record<RuleStatus, string> = { pass: '✔', warn: '!', fail: '✖', no_data: '·', insufficient: '?' };
export const STATUS_LABEL: Record<RuleStatus, string> = {
  pass: 'pass',
  warn: 'warn',
  fail: 'fail',
  no_data: 'no data',
  insufficient: 'insufficient',
};

/** `87.5%`; whole numbers without the decimal (`90%`); `–` for no number. */
export function percent(fraction: number | null | undefined, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  const text = (fraction * 100).toFixed(digits);
  return `${text.replace(/\.0+$/, '')}%`;
}

/** `87.5% / 90%`: compliance against target. */
export function complianceVsTarget(rule: RuleResult): string {
  return `${percent(rule.compliance)} / ${percent(rule.target)}`;
}

/** `+1.4`, `−6.2`, `0.0` (points on the 0–100 scale); `–` when there is no comparison. */
export function signedPoints(delta: number | null | undefined): string {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return '–';
  const text = Math.abs(delta).toFixed(1);
  if (text === '0.0') return '0.0';
  return delta > 0 ? `+${text}` : `−${text}`;
}

/** `E7` for one of the eight expectations, `ch` for a channel response window. */
export function expectationTag(rule: RuleResult): string {
  return rule.expectation === null ? 'ch' : `E${rule.expectation}`;
}

/** Why a rule has no result, in a few words: its missing fields, else its note. */
export function noDataText(rule: RuleResult): string {
  if (rule.missing && rule.missing.length > 0) return `needs ${rule.missing.join(', ')}`;
  return rule.note ?? 'no eligible tickets';
}

export function scoreText(score: number | null): string {
  return score === null ? '–' : score.toFixed(1);
}

/**
 * `Score 82.4 — gate passed` / `Score 61.0 — gate FAILED: rule-failed:chat-first-response`. Rules
 * that fail without failing the gate (severity below `fail_on`) are named, so a red mark next to
 * "gate passed" is never a puzzle.
 */
export function verdictLine(report: Report): string {
  const { score, gate } = report.summary;
  const head = score === null ? 'Score – (no rule has data)' : `Score ${scoreText(score)}`;
  const verdict = gate.passed ? `${head} — gate passed` : `${head} — gate FAILED: ${gate.reasons.join(', ')}`;
  const reportedOnly = report.rules
    .filter((r) => r.status === 'fail' && !gate.reasons.includes(`rule-failed:${r.id}`))
    .map((r) => r.id);
  if (reportedOnly.length === 0) return verdict;
  return `${verdict} (failing but below the gate's fail_on ${gate.fail_on}: ${reportedOnly.join(', ')})`;
}

export function problemTotal(input: InputSummary): number {
  let total = 0;
  for (const n of Object.values(input.problem_counts)) total += n ?? 0;
  return total;
}

/** `bad-timestamp 5, ragged-row 7` (codes are stable ids, counts in file order of first sight). */
export function problemCounts(input: InputSummary): string {
  return Object.entries(input.problem_counts)
    .map(([code, n]) => `${code} ${(n ?? 0).toLocaleString('en-US')}`)
    .join(', ');
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** Rules whose breaches are worth listing: failing and warning ones. */
export function rulesWithBreaches(report: Report): RuleResult[] {
  return report.rules.filter((r) => (r.status === 'fail' || r.status === 'warn') && r.breaches.length > 0);
}

/** `2024-03-31 22:59 UTC` from an ISO instant (reports are in UTC). */
export function instantText(iso: string | null): string {
  if (iso === null) return '– (no timestamps in the data)';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

/** p50 / p90 of a duration rule, in human durations; empty for rate rules. */
export function percentiles(rule: RuleResult, human: (min: number | null) => string): string {
  if (rule.unit !== 'minutes' || (rule.p50 === null && rule.p90 === null)) return '';
  return `${human(rule.p50)} / ${human(rule.p90)}`;
}

/**
 * The rules worth a breakdown column: something eligible in some row, and data overall (a
 * `no_data` rule's per-group counts would read as 0 % where the truth is "not measurable").
 */
export function breakdownRuleIds(report: Report, rows: { rules: { id: string; eligible: number }[] }[]): string[] {
  if (rows.length === 0) return [];
  const noData = new Set(report.rules.filter((r) => r.status === 'no_data').map((r) => r.id));
  return rows[0].rules
    .map((r) => r.id)
    .filter((id) => !noData.has(id) && rows.some((row) => row.rules.some((r) => r.id === id && r.eligible > 0)));
}

/** Rows a short breakdown table shows (terminal, Markdown): the keys with the most breaches. */
export const TOP_BREAKDOWN_KEYS = 10;

const PLURAL: Record<string, string> = { agent: 'agents', team: 'teams', channel: 'channels', priority: 'priorities', week: 'weeks', month: 'months' };

/** How the "other" row of a breakdown is labelled for people. */
export function otherLabel(dim: string): string {
  return `(all other ${PLURAL[dim] ?? 'keys'})`;
}

/**
 * The rows a short table shows: the `n` keys with the most breaches (summed over the rules),
 * then the most eligible tickets, then by key, in the report's order; then one "other" row with
 * the exact totals of the keys left out and of the report's own "other" row. `left` counts the
 * keys left out here (the report's other row may hold more).
 */
export function topBreakdownRows(rows: BreakdownRow[], n: number): { rows: BreakdownRow[]; left: number } {
  const keys = rows.filter((r) => !r.other);
  const reportOther = rows.find((r) => r.other);
  if (keys.length <= n) return { rows, left: 0 };
  const weight = (r: BreakdownRow) => {
    let breaches = 0;
    let volume = 0;
    for (const c of r.rules) {
      breaches += c.eligible - c.met;
      volume += c.eligible;
    }
    return { breaches, volume };
  };
  const ranked = keys
    .map((r) => ({ r, ...weight(r) }))
    .sort((a, b) => b.breaches - a.breaches || b.volume - a.volume || (a.r.key < b.r.key ? -1 : a.r.key > b.r.key ? 1 : 0));
  const shown = new Set(ranked.slice(0, n).map((x) => x.r));
  const rest = [...ranked.slice(n).map((x) => x.r), ...(reportOther ? [reportOther] : [])];
  const other: BreakdownRow = {
    key: OTHER_ROW_KEY,
    other: true,
    rules: keys[0].rules.map((c, i) => {
      let eligible = 0;
      let met = 0;
      for (const r of rest) {
        eligible += r.rules[i].eligible;
        met += r.rules[i].met;
      }
      return { id: c.id, eligible, met, compliance: eligible > 0 ? met / eligible : null };
    }),
  };
  return { rows: [...keys.filter((r) => shown.has(r)), other], left: keys.length - n };
}
