// The scorecard's sections below the rule lines: breakdowns per dimension, the worst breaches,
// and the inputs' problems. Every field text goes through terminalSafe.

import type { ChalkInstance } from 'chalk';
import { DIMENSIONS, type Report } from '../report.js';
import { terminalSafe } from './sanitize.js';
import { fittedColumns } from './terminal-table.js';
import { fitText, textWidth, wrapText } from './text-width.js';
import {
  breakdownRuleIds,
  count,
  instantText,
  otherLabel,
  percent,
  problemCounts,
  problemTotal,
  reportZone,
  rulesWithBreaches,
  TOP_BREAKDOWN_KEYS,
  topBreakdownRows,
} from './words.js';

const PROBLEMS_PER_INPUT = 5;

/** A key column wider than this is cut with `…` (agent names, team names come from the data). */
const KEY_WIDTH = 30;

export function breakdownTables(report: Report, c: ChalkInstance, width: number): string[] {
  const out: string[] = [];
  for (const dim of DIMENSIONS) {
    const rows = report.breakdowns[dim];
    if (!rows || rows.length === 0) continue;
    // Only rules with something eligible in this dimension: the rest would be columns of dashes.
    const ruleIds = breakdownRuleIds(report, rows);
    if (ruleIds.length === 0) continue;
    // The keys with the most breaches, and the rest in one row (the JSON and HTML reports list more).
    const top = topBreakdownRows(rows, TOP_BREAKDOWN_KEYS);
    const keys = top.rows.map((row) => fitText(row.other ? otherLabel(dim) : terminalSafe(row.key), KEY_WIDTH));
    const cells = ruleIds.map((id) =>
      top.rows.map((row) => {
        const cell = row.rules.find((r) => r.id === id);
        return cell && cell.eligible > 0 ? `${percent(cell.compliance)} (${count(cell.eligible)})` : '–';
      }),
    );
    // As many rule columns as the width holds, the key column repeated for the next ones.
    const keyWidth = keys.reduce((w, k) => Math.max(w, textWidth(k)), textWidth(dim));
    const chunks: number[][] = [];
    let used = keyWidth;
    for (let i = 0; i < ruleIds.length; i++) {
      const w = cells[i].reduce((m, s) => Math.max(m, textWidth(s)), textWidth(ruleIds[i])) + 2;
      if (chunks.length === 0 || used + w > width) {
        chunks.push([]);
        used = keyWidth;
      }
      chunks[chunks.length - 1].push(i);
      used += w;
    }
    out.push('', c.bold(`by ${dim}`));
    chunks.forEach((chunk, k) => {
      if (k > 0) out.push('');
      const head = [dim, ...chunk.map((i) => terminalSafe(ruleIds[i]))];
      const body = keys.map((key, r) => [key, ...chunk.map((i) => cells[i][r])]);
      out.push(...fittedColumns(head, body, ['left', ...chunk.map(() => 'right' as const)], width, (h) => c.dim(h)));
    });
    if (top.left > 0) {
      const note = `the ${TOP_BREAKDOWN_KEYS} ${dim} keys with the most breaches; ${count(top.left)} more in the last row (see --format json)`;
      out.push(...wrapText(note, width, 2).map((l) => c.dim(l)));
    }
  }
  return out;
}

export function breachLines(report: Report, perRule: number, c: ChalkInstance, width: number): string[] {
  const out: string[] = [];
  for (const rule of rulesWithBreaches(report)) {
    out.push('', c.bold(`worst breaches of ${terminalSafe(rule.id)}`) + c.dim(` (${count(rule.breached)} breached)`));
    const shown = rule.breaches.slice(0, perRule);
    const body = shown.map((b) => [
      terminalSafe(b.id),
      instantText(b.created_at, reportZone(report)),
      terminalSafe(b.channel ?? ''),
      fitText(terminalSafe(b.agent ?? ''), KEY_WIDTH),
      terminalSafe(b.reason),
    ]);
    out.push(...fittedColumns(['ticket', 'created', 'channel', 'agent', 'reason'], body, [], width, (h) => c.dim(h)));
    const more = rule.breached - shown.length;
    if (more > 0) out.push(c.dim(`… ${count(more)} more`));
  }
  return out;
}

export function problemLines(report: Report, c: ChalkInstance, width: number): string[] {
  const out: string[] = [];
  for (const input of report.inputs) {
    const total = problemTotal(input);
    if (total === 0) continue;
    const path = terminalSafe(input.path);
    if (out.length === 0) out.push('', c.bold('input problems'));
    out.push(
      ...wrapText(`${path}: ${count(total)} problem${total === 1 ? '' : 's'} (${terminalSafe(problemCounts(input))})`, width, 2).map((l) => c.yellow(l)),
    );
    const first = input.problems.slice(0, PROBLEMS_PER_INPUT);
    for (const p of first) {
      const column = p.column ? ` [${terminalSafe(p.column)}]` : '';
      out.push(...wrapText(`  ${path}:${p.line} ${p.code}${column}: ${terminalSafe(p.message)}`, width, 4));
    }
    if (total > first.length) out.push(c.dim(`  … ${count(total - first.length)} more`));
  }
  return out;
}
