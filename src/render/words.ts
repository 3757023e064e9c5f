// Wording shared by the renderers: status marks and labels, percentages, the verdict line.
// Only wording: what is shown where is each renderer's business. Returned text is raw (not
// escaped); each renderer escapes for its medium.

import { OTHER_ROW_KEY, type BreakdownRow, type Report, type RuleGroup, type RuleResult, type RuleStatus } from '../report.js';
import { describeGroup } from './findings.js';
import type { InputSummary } from '../types.js';
import { instantIn } from '../zone.js';
import { humanMinutes } from './duration-text.js';

export const STATUS_MARK: Record<RuleStatus, string> = { pass: '✔', warn: '!', fail: '✖', no_data: '·', insufficient: '?', unsupported: '–' };
export const STATUS_LABEL: Record<RuleStatus, string> = {
  pass: 'pass',
  warn: 'warn',
  fail: 'fail',
  no_data: 'no data',
  insufficient: 'insufficient',
  unsupported: 'unsupported',
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

/** `priority urgent (2h)`, `other tickets (8h)`: which tickets a rule's group holds, and its window. */
export function groupLabel(g: RuleGroup): string {
  const name = describeGroup(g.when);
  return g.window_minutes === null ? name : `${name} (${humanMinutes(g.window_minutes)})`;
}

/** `80% / 95%`, or why the group has no figure. */
export function groupFigures(g: RuleGroup): string {
  return g.status === 'no_data' ? 'no eligible tickets' : `${percent(g.compliance)} / ${percent(g.target)}`;
}

/** One line per group: `priority urgent (2h): fail, 80% / 95% (8 of 10 met)`. */
export function groupLines(rule: RuleResult): string[] {
  return (rule.groups ?? []).map(
    (g) => `${groupLabel(g)}: ${STATUS_LABEL[g.status]}, ${groupFigures(g)}${g.status === 'no_data' ? '' : ` (${count(g.met)} of ${count(g.eligible)} met)`}`,
  );
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
 * Which encoding a file was read in and why, in full (inspect): `utf-8`, `windows-1252 (detected:
 * invalid UTF-8)`, `iso-8859-15 (--encoding)`, `utf-16le (byte-order mark)`.
 */
export function encodingText(encoding: string, source: string): string {
  switch (source) {
    case 'bom':
      return `${encoding} (byte-order mark)`;
    case 'flag':
      return `${encoding} (--encoding)`;
    case 'policy':
      return `${encoding} (policy inputs.encoding)`;
    case 'detected':
      return encoding === 'utf-8' ? `${encoding} (detected: mostly valid UTF-8; the invalid bytes are problems)` : `${encoding} (detected: invalid UTF-8)`;
    default:
      return encoding;
  }
}

/**
 * The encoding for an input's line in a report header, when it is worth a word: nothing for UTF-8
 * (the default, with or without a byte-order mark), `windows-1252 detected` when it was guessed,
 * the name when it was given or marked.
 */
export function encodingNote(input: Pick<InputSummary, 'encoding' | 'encoding_source'>): string | undefined {
  const { encoding, encoding_source: source } = input;
  if (encoding === 'utf-8' && (source === 'default' || source === 'bom')) return undefined;
  return source === 'detected' ? `${encoding} detected` : encoding;
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

/** The zone times are shown in: the policy's (a report made before it was recorded: UTC). */
export function reportZone(report: Pick<Report, 'policy'>): string {
  return report.policy.timezone ?? 'UTC';
}

/** `2024-03-31 23:59 +01:00` (or `… UTC`) from an ISO instant, in `zone` (reports keep instants in UTC). */
export function instantText(iso: string | null, zone = 'UTC'): string {
  if (iso === null) return '– (no timestamps in the data)';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : instantIn(zone, ms);
}

/** `Baseline service standards (built-in default)`, `Ours (support-audit.policy.yaml)`. */
export function policyText(report: Pick<Report, 'policy'>): string {
  const { name, source } = report.policy;
  return `${name} (${source === 'built-in' ? 'built-in default' : source})`;
}

export const ZONE_SOURCE: Record<InputSummary['timezone_source'], string> = {
  flag: '--timezone',
  inputs: 'policy inputs.timezone',
  preset: "the export layout's zone",
  policy: 'policy timezone',
  assumed: 'assumed: no time zone is set for the data',
};

/**
 * How the inputs' timestamps were read: `times read as Europe/Berlin (policy timezone)`, one
 * clause per distinct zone and source among the inputs that had timestamps without an offset.
 */
export function zoneText(report: Pick<Report, 'inputs'>): string {
  const withLocal = (report.inputs ?? []).filter((i) => i.timezone !== undefined && (i.local_times ?? 0) > 0);
  if (withLocal.length === 0) return 'every timestamp carries its offset';
  const seen = new Map<string, string[]>();
  for (const i of withLocal) {
    const key = `${i.timezone} (${ZONE_SOURCE[i.timezone_source] ?? i.timezone_source})`;
    seen.set(key, [...(seen.get(key) ?? []), i.path]);
  }
  const parts = [...seen].map(([key, paths]) => (seen.size > 1 ? `${key} for ${paths.join(', ')}` : key));
  return `times read as ${parts.join('; ')}`;
}

/** The counts of an input beyond rows, used and skipped, when there are any: `3 replaced by newer copies`. */
export function inputExtras(input: InputSummary): string[] {
  const out: string[] = [];
  if (input.replaced > 0) out.push(`${count(input.replaced)} replaced by newer copies`);
  if (input.after_as_of > 0) out.push(`${count(input.after_as_of)} created after as_of (not audited)`);
  if (input.joined !== undefined) out.push(`${count(input.joined)} joined with the other kind of export`);
  return out;
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
  return rows[0].rules.map((r) => r.id).filter((id) => !noData.has(id) && rows.some((row) => row.rules.some((r) => r.id === id && r.eligible > 0)));
}

/**
 * The warning for stderr when timestamps without an offset were read in an assumed UTC: the
 * figures may be off by the zone's offset (business hours, peak hours, days), and nothing else says so.
 */
export function zoneWarning(report: Pick<Report, 'inputs'>): string | undefined {
  const assumed = (report.inputs ?? []).filter((i) => i.timezone_source === 'assumed' && i.local_times > 0);
  if (assumed.length === 0) return undefined;
  const n = assumed.reduce((sum, i) => sum + i.local_times, 0);
  const where = assumed.length === 1 ? assumed[0].path : `${assumed.length} inputs`;
  return (
    `${where}: ${count(n)} timestamps without an offset were read as UTC, because no time zone is set for the data. ` +
    "Set the policy's timezone (or inputs.timezone, or --timezone) to your help desk's zone."
  );
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
