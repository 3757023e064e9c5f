// The terminal scorecard (`--format table`): one line per rule, then breakdowns, breaches and
// input problems, and the score and the gate's verdict last, where the eye lands after a run.

import { Chalk, type ChalkInstance } from 'chalk';
import type { Report, RuleStatus } from '../report.js';
import type { RenderOptions } from './index.js';
import { legendLines } from './legend.js';
import { ruleTable } from './rule-table.js';
import { terminalSafe } from './sanitize.js';
import { breachLines, breakdownTables, problemLines } from './table-sections.js';
import { wrapText } from './text-width.js';
import { count, encodingNote, inputExtras, instantText, policyText, reportZone, zoneText } from './words.js';
import { verdictLine } from './gate-words.js';

/** Columns when the caller knows none (the CLI passes the terminal's, or COLUMNS). */
export const DEFAULT_WIDTH = 100;

export function paint(c: ChalkInstance, status: RuleStatus, text: string): string {
  switch (status) {
    case 'pass':
      return c.green(text);
    case 'warn':
      return c.yellow(text);
    case 'fail':
      return c.red(text);
    default:
      return c.dim(text);
  }
}

export function renderTable(report: Report, opts: RenderOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const width = opts.width && opts.width >= 40 ? opts.width : DEFAULT_WIDTH;
  const out: string[] = [];

  const zone = reportZone(report);
  // Lines of text wrap at the width (continuations indented): paths and notes are the data's.
  const dim = (text: string) => out.push(...wrapText(text, width, 4).map((l) => c.dim(l)));
  out.push(
    ...wrapText(`support-audit · policy ${terminalSafe(policyText(report))} · as of ${instantText(report.as_of, zone)}`, width, 2).map((l) => c.bold(l)),
  );
  if (report.policy.note) dim(`  ${terminalSafe(report.policy.note)}`);
  for (const input of report.inputs) {
    const counts = [`${count(input.rows)} rows`, `${count(input.used)} used`, `${count(input.skipped)} skipped`, ...inputExtras(input)];
    const encoding = encodingNote(input);
    const about = encoding === undefined ? input.format : `${input.format}, ${encoding}`;
    dim(`  ${terminalSafe(input.path)} (${terminalSafe(about)}): ${counts.join(', ')}`);
  }
  dim(`  ${terminalSafe(zoneText(report))}`);
  if (report.baseline) {
    dim(`  baseline ${terminalSafe(report.baseline.path)} (as of ${instantText(report.baseline.as_of, zone)}, score ${report.baseline.score ?? '–'})`);
  }
  out.push('');

  // Each rule's line (a line per group under a rule with overrides), then the key to the marks.
  if (report.rules.length > 0) {
    const table = ruleTable(report, width, c, (status, text) => paint(c, status, text));
    out.push(...table.lines);
    if (opts.legend !== false) out.push('', ...legendLines(report, table.weeks, width).map((l) => c.dim(l)));
  } else {
    out.push('No rules evaluated (every rule is off in this policy).');
  }

  out.push(...breakdownTables(report, c, width));
  if (opts.showBreaches > 0) out.push(...breachLines(report, opts.showBreaches, c, width));
  out.push(...problemLines(report, c, width));

  out.push('');
  for (const line of wrapText(terminalSafe(verdictLine(report)), width, 2)) out.push(c.bold(report.summary.gate.passed ? c.green(line) : c.red(line)));
  return `${out.join('\n')}\n`;
}
