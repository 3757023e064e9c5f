// `--format markdown`: made for a GitHub job summary ($GITHUB_STEP_SUMMARY, 1 MiB at most per
// step). Breaches, breakdown rows and columns are capped and the cuts are said; a final guard
// keeps the whole under LIMIT_BYTES whatever the report holds.

import { DIMENSIONS, type Report } from '../report.js';
import { humanMinutes } from './duration-text.js';
import type { RenderOptions } from './index.js';
import { historyMarkdown } from './history.js';
import { markdownCell } from './sanitize.js';
import { sparkline } from './sparkline.js';
import {
  breakdownRuleIds,
  complianceVsTarget,
  count,
  expectationTag,
  groupFigures,
  groupLabel,
  instantText,
  noDataText,
  otherLabel,
  percent,
  percentiles,
  problemCounts,
  problemTotal,
  reportZone,
  rulesWithBreaches,
  signedPoints,
  STATUS_LABEL,
  STATUS_MARK,
  TOP_BREAKDOWN_KEYS,
  topBreakdownRows,
  zoneText,
} from './words.js';
import { verdictLine } from './gate-words.js';
import { markdownUrl, ticketUrl } from './ticket-link.js';

const LIMIT_BYTES = 900 * 1024;
const DEFAULT_BREACHES = 5;
const BREAKDOWN_RULES = 8;
const PROBLEMS_PER_INPUT = 5;

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const rule = (n: number, right: number[] = []) => row(Array.from({ length: n }, (_, i) => (right.includes(i) ? '---:' : '---')));

function rulesTable(report: Report): string[] {
  const withDelta = report.baseline !== undefined;
  const head = ['', 'rule', '#', 'compliance / target', 'eligible', 'p50 / p90', 'trend', ...(withDelta ? ['Δ'] : [])];
  const lines = [row(head), rule(head.length, [3, 4, 5])];
  for (const r of report.rules) {
    const data = r.status !== 'no_data';
    lines.push(
      row([
        `${STATUS_MARK[r.status]} ${STATUS_LABEL[r.status]}`,
        `**${markdownCell(r.id)}**<br>${markdownCell(r.title)}`,
        expectationTag(r),
        data ? complianceVsTarget(r) : markdownCell(noDataText(r)),
        data ? count(r.eligible) : '',
        data ? percentiles(r, humanMinutes) : '',
        data ? sparkline(r.trend, r.target).replace(/ /g, '·') : '',
        ...(withDelta ? [signedPoints(r.delta)] : []),
      ]),
    );
    // A rule with overrides: a row per group, each judged on its own.
    for (const g of r.groups ?? []) {
      lines.push(
        row([
          `${STATUS_MARK[g.status]} ${STATUS_LABEL[g.status]}`,
          `↳ ${markdownCell(groupLabel(g))}`,
          '',
          markdownCell(groupFigures(g)),
          g.status === 'no_data' ? '' : count(g.eligible),
          '',
          '',
          ...(withDelta ? [''] : []),
        ]),
      );
    }
  }
  return lines;
}

function breakdownTables(report: Report): string[] {
  const out: string[] = [];
  for (const dim of DIMENSIONS) {
    const rows = report.breakdowns[dim];
    if (!rows || rows.length === 0) continue;
    const ids = breakdownRuleIds(report, rows);
    const shownIds = ids.slice(0, BREAKDOWN_RULES);
    out.push('', `<details><summary>By ${dim} (${count(rows.length)})</summary>`, '');
    out.push(
      row([dim, ...shownIds.map(markdownCell)]),
      rule(
        shownIds.length + 1,
        shownIds.map((_, i) => i + 1),
      ),
    );
    const top = topBreakdownRows(rows, TOP_BREAKDOWN_KEYS);
    for (const r of top.rows) {
      out.push(
        row([
          r.other ? markdownCell(otherLabel(dim)) : markdownCell(r.key),
          ...shownIds.map((id) => {
            const cell = r.rules.find((x) => x.id === id);
            return cell && cell.eligible > 0 ? `${percent(cell.compliance)} (${count(cell.eligible)})` : '–';
          }),
        ]),
      );
    }
    const cuts: string[] = [];
    if (top.left > 0) cuts.push(`${count(top.left)} more keys summed in the last row`);
    if (ids.length > shownIds.length) cuts.push(`${ids.length - shownIds.length} more rules`);
    if (cuts.length) out.push('', `_${cuts.join(' and ')} left out: see the JSON report._`);
    out.push('', '</details>');
  }
  return out;
}

function breachSection(report: Report, perRule: number): string[] {
  const rules = rulesWithBreaches(report);
  if (rules.length === 0) return [];
  const out = ['', '### Worst breaches'];
  for (const r of rules) {
    const shown = r.breaches.slice(0, perRule);
    out.push('', `**${markdownCell(r.id)}** (${count(r.breached)} breached)`, '');
    out.push(row(['ticket', 'created', 'channel', 'agent', 'reason']), rule(5));
    for (const b of shown) {
      const url = ticketUrl(report, b.id);
      const ticket = url === undefined ? markdownCell(b.id) : `[${markdownCell(b.id)}](${markdownUrl(url)})`;
      out.push(
        row([ticket, instantText(b.created_at, reportZone(report)), markdownCell(b.channel ?? ''), markdownCell(b.agent ?? ''), markdownCell(b.reason)]),
      );
    }
    if (r.breached > shown.length) out.push('', `_${count(r.breached - shown.length)} more not shown._`);
  }
  return out;
}

function problemSection(report: Report): string[] {
  const out: string[] = [];
  for (const input of report.inputs) {
    const total = problemTotal(input);
    if (total === 0) continue;
    if (out.length === 0) out.push('', '### Input problems', '');
    // <code>, not backticks: a code span shows entities and backslash escapes literally.
    out.push(`- <code>${markdownCell(input.path)}</code>: ${count(total)} (${markdownCell(problemCounts(input))})`);
    const first = input.problems.slice(0, PROBLEMS_PER_INPUT);
    for (const p of first) {
      out.push(`  - line ${p.line} ${markdownCell(p.code)}${p.column ? ` [${markdownCell(p.column)}]` : ''}: ${markdownCell(p.message)}`);
    }
    if (total > first.length) out.push(`  - … ${count(total - first.length)} more`);
  }
  return out;
}

export function renderMarkdown(report: Report, opts: RenderOptions): string {
  const { summary } = report;
  const zone = reportZone(report);
  const icon = summary.gate.passed ? (summary.status === 'warn' ? '⚠️' : '✅') : '❌';
  const lines = [
    `## ${icon} Support audit: ${markdownCell(verdictLine(report))}`,
    '',
    `Policy **${markdownCell(report.policy.name)}** (${markdownCell(report.policy.source === 'built-in' ? 'built-in default' : report.policy.source)}), as of ${instantText(report.as_of, zone)}; ` +
      `${summary.counts.pass} pass, ${summary.counts.warn} warn, ${summary.counts.fail} fail, ` +
      `${summary.counts.no_data} no data, ${summary.counts.insufficient} insufficient; ${markdownCell(zoneText(report))}.` +
      (report.baseline ? ` Baseline score ${report.baseline.score ?? '–'} (as of ${instantText(report.baseline.as_of, zone)}).` : ''),
    '',
    ...rulesTable(report),
    ...historyMarkdown(report, opts.history),
    ...breachSection(report, opts.showBreaches > 0 ? opts.showBreaches : DEFAULT_BREACHES),
    ...breakdownTables(report),
    ...problemSection(report),
    '',
  ];
  return capBytes(lines);
}

/** Whole lines up to the limit, then one line saying the rest was cut. */
function capBytes(lines: string[]): string {
  let bytes = 0;
  const kept: string[] = [];
  for (const line of lines) {
    const size = Buffer.byteLength(line, 'utf8') + 1;
    if (bytes + size > LIMIT_BYTES) {
      kept.push('', `_Summary cut at ${Math.round(LIMIT_BYTES / 1024)} KiB (${count(lines.length - kept.length)} lines left out): see the JSON report._`, '');
      break;
    }
    bytes += size;
    kept.push(line);
  }
  return kept.join('\n');
}
