// The terminal scorecard (`--format table`): one line per rule, then breakdowns, breaches and
// input problems, and the score and the gate's verdict last, where the eye lands after a run.

import { Chalk, type ChalkInstance } from 'chalk';
import type { Report, RuleGroup, RuleResult, RuleStatus } from '../report.js';
import { humanMinutes } from './duration-text.js';
import type { RenderOptions } from './index.js';
import { terminalSafe } from './sanitize.js';
import { sparkline } from './sparkline.js';
import { columns, type Align } from './terminal-table.js';
import { breachLines, breakdownTables, problemLines } from './table-sections.js';
import {
  complianceVsTarget, count, encodingNote, expectationTag, groupFigures, groupLabel, inputExtras, instantText, noDataText, percentiles, policyText, reportZone, signedPoints, STATUS_MARK, zoneText,
} from './words.js';
import { verdictLine } from './gate-words.js';

const DEFAULT_WIDTH = 120;

export function paint(c: ChalkInstance, status: RuleStatus, text: string): string {
  switch (status) {
    case 'pass': return c.green(text);
    case 'warn': return c.yellow(text);
    case 'fail': return c.red(text);
    default: return c.dim(text);
  }
}

function ruleRow(rule: RuleResult, hasBaseline: boolean): string[] {
  const hasData = rule.status !== 'no_data';
  const row = [
    STATUS_MARK[rule.status],
    expectationTag(rule),
    terminalSafe(rule.id),
    terminalSafe(rule.title),
    hasData ? complianceVsTarget(rule) : terminalSafe(noDataText(rule)),
    hasData ? count(rule.eligible) : '',
    hasData ? percentiles(rule, humanMinutes) : '',
    hasData ? sparkline(rule.trend, rule.target) : '',
  ];
  if (hasBaseline) row.push(signedPoints(rule.delta));
  return row;
}

/** A group's line under its rule: the group in the rule column, its own figures. */
function groupRow(g: RuleGroup, hasBaseline: boolean): string[] {
  const hasData = g.status !== 'no_data';
  const row = [STATUS_MARK[g.status], '', `  ↳ ${terminalSafe(groupLabel(g))}`, '', groupFigures(g), hasData ? count(g.eligible) : '', '', ''];
  if (hasBaseline) row.push('');
  return row;
}

/** Title column width from the terminal's: the other columns first, the title takes what is left. */
function titleWidth(rows: string[][], width: number): number | null {
  const widest = (i: number, head: string) => Math.max(head.length, ...rows.map((r) => [...r[i]].length));
  const heads = ['', '#', 'rule', 'title', 'compliance / target', 'eligible', 'p50 / p90', 'trend', 'Δ'];
  let others = 0;
  for (let i = 0; i < rows[0].length; i++) if (i !== 3) others += widest(i, heads[i]) + 2;
  const left = width - others;
  return left >= 12 ? Math.min(left, widest(3, 'title')) : null;
}

export function renderTable(report: Report, opts: RenderOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const width = opts.width && opts.width > 40 ? opts.width : DEFAULT_WIDTH;
  const hasBaseline = report.baseline !== undefined;
  const out: string[] = [];

  const zone = reportZone(report);
  out.push(c.bold(`support-audit · policy ${terminalSafe(policyText(report))} · as of ${instantText(report.as_of, zone)}`));
  if (report.policy.note) out.push(c.dim(`  ${terminalSafe(report.policy.note)}`));
  for (const input of report.inputs) {
    const counts = [`${count(input.rows)} rows`, `${count(input.used)} used`, `${count(input.skipped)} skipped`, ...inputExtras(input)];
    const encoding = encodingNote(input);
    const about = encoding === undefined ? input.format : `${input.format}, ${encoding}`;
    out.push(c.dim(`  ${terminalSafe(input.path)} (${terminalSafe(about)}): ${counts.join(', ')}`));
  }
  out.push(c.dim(`  ${terminalSafe(zoneText(report))}`));
  if (report.baseline) {
    out.push(c.dim(`  baseline ${terminalSafe(report.baseline.path)} (as of ${instantText(report.baseline.as_of, zone)}, score ${report.baseline.score ?? '–'})`));
  }
  out.push('');

  // Each rule's line, then a line per group of a rule with overrides (each judged on its own).
  const rows: string[][] = [];
  const statuses: RuleStatus[] = [];
  for (const r of report.rules) {
    rows.push(ruleRow(r, hasBaseline));
    statuses.push(r.status);
    for (const g of r.groups ?? []) {
      rows.push(groupRow(g, hasBaseline));
      statuses.push(g.status);
    }
  }
  if (rows.length > 0) {
    const head = ['', '#', 'rule', 'title', 'compliance / target', 'eligible', 'p50 / p90', 'trend', ...(hasBaseline ? ['Δ'] : [])];
    const tWidth = titleWidth(rows, width);
    const keep = <T,>(row: T[]): T[] => (tWidth === null ? row.filter((_, i) => i !== 3) : row);
    const widths = head.map((_, i) => (i === 3 ? tWidth : null));
    const painted = rows.map((row, i) => row.map((cell, j) => (j === 0 || j === 4 ? paint(c, statuses[i], cell) : cell)));
    const align: Align[] = ['left', 'left', 'left', 'left', 'right', 'right', 'right', 'left', 'right'];
    out.push(columns(keep(head).map((h) => c.dim(h)), painted.map(keep), keep(align), tWidth === null ? undefined : widths));
  } else {
    out.push('No rules evaluated (every rule is off in this policy).');
  }

  out.push(...breakdownTables(report, c));
  if (opts.showBreaches > 0) out.push(...breachLines(report, opts.showBreaches, c));
  out.push(...problemLines(report, c));

  out.push('');
  const verdict = terminalSafe(verdictLine(report));
  out.push(c.bold(report.summary.gate.passed ? c.green(verdict) : c.red(verdict)));
  return `${out.join('\n')}\n`;
}
