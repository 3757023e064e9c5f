// The scorecard's sections below the rule lines: breakdowns per dimension, the worst breaches,
// and the inputs' problems. Every field text goes through terminalSafe.

import type { ChalkInstance } from 'chalk';
import { DIMENSIONS, type Report } from '../report.js';
import { terminalSafe } from './sanitize.js';
import { columns } from './terminal-table.js';
import {
  breakdownRuleIds, count, instantText, otherLabel, percent, problemCounts, problemTotal, reportZone, rulesWithBreaches, TOP_BREAKDOWN_KEYS, topBreakdownRows,
} from './words.js';

const PROBLEMS_PER_INPUT = 5;

export function breakdownTables(report: Report, c: ChalkInstance): string[] {
  const out: string[] = [];
  for (const dim of DIMENSIONS) {
    const rows = report.breakdowns[dim];
    if (!rows || rows.length === 0) continue;
    // Only rules with something eligible in this dimension: the rest would be columns of dashes.
    const ruleIds = breakdownRuleIds(report, rows);
    if (ruleIds.length === 0) continue;
    out.push('', c.bold(`by ${dim}`));
    // The keys with the most breaches, and the rest in one row (the JSON and HTML reports list more).
    const top = topBreakdownRows(rows, TOP_BREAKDOWN_KEYS);
    const body = top.rows.map((row) => [
      row.other ? otherLabel(dim) : terminalSafe(row.key),
      ...ruleIds.map((id) => {
        const cell = row.rules.find((r) => r.id === id);
        return cell && cell.eligible > 0 ? `${percent(cell.compliance)} (${count(cell.eligible)})` : '–';
      }),
    ]);
    out.push(columns([dim, ...ruleIds.map(terminalSafe)].map((h) => c.dim(h)), body, ['left', ...ruleIds.map(() => 'right' as const)]));
    if (top.left > 0) out.push(c.dim(`the ${TOP_BREAKDOWN_KEYS} ${dim} keys with the most breaches; ${count(top.left)} more in the last row (see --format json)`));
  }
  return out;
}

export function breachLines(report: Report, perRule: number, c: ChalkInstance): string[] {
  const out: string[] = [];
  for (const rule of rulesWithBreaches(report)) {
    out.push('', c.bold(`worst breaches of ${terminalSafe(rule.id)}`) + c.dim(` (${count(rule.breached)} breached)`));
    const shown = rule.breaches.slice(0, perRule);
    const body = shown.map((b) => [
      terminalSafe(b.id),
      instantText(b.created_at, reportZone(report)),
      terminalSafe(b.channel ?? ''),
      terminalSafe(b.agent ?? ''),
      terminalSafe(b.reason),
    ]);
    out.push(columns(['ticket', 'created', 'channel', 'agent', 'reason'].map((h) => c.dim(h)), body));
    const more = rule.breached - shown.length;
    if (more > 0) out.push(c.dim(`… ${count(more)} more`));
  }
  return out;
}

export function problemLines(report: Report, c: ChalkInstance): string[] {
  const out: string[] = [];
  for (const input of report.inputs) {
    const total = problemTotal(input);
    if (total === 0) continue;
    const path = terminalSafe(input.path);
    if (out.length === 0) out.push('', c.bold('input problems'));
    out.push(c.yellow(`${path}: ${count(total)} problems (${terminalSafe(problemCounts(input))})`));
    const first = input.problems.slice(0, PROBLEMS_PER_INPUT);
    for (const p of first) {
      const column = p.column ? ` [${terminalSafe(p.column)}]` : '';
      out.push(`  ${path}:${p.line} ${p.code}${column}: ${terminalSafe(p.message)}`);
    }
    if (total > first.length) out.push(c.dim(`  … ${count(total - first.length)} more`));
  }
  return out;
}
