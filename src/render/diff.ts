// `support-audit diff old.json new.json`: the change in score and in each rule's compliance.

import { Chalk } from 'chalk';
import type { ReportDiff, RuleSide } from '../compare.js';
import type { RenderOptions } from './index.js';
import { markdownCell, terminalSafe } from './sanitize.js';
import { columns } from './terminal-table.js';
import { percent, scoreText, signedPoints, STATUS_LABEL, STATUS_MARK } from './words.js';

const sideText = (s: RuleSide | null) => (s ? `${STATUS_MARK[s.status]} ${s.status === 'no_data' ? STATUS_LABEL[s.status] : percent(s.compliance)}` : 'absent');

function scoreLine(diff: ReportDiff): string {
  const { before, after, delta } = diff.score;
  return `Score ${scoreText(before)} → ${scoreText(after)} (${signedPoints(delta)})`;
}

/** `diff --history`: which runs, by as_of. */
function runsLine(diff: ReportDiff): string {
  return diff.runs ? `Runs as of ${diff.runs.before_as_of ?? '–'} → ${diff.runs.after_as_of ?? '–'} (history ${diff.runs.history})` : '';
}

export function renderDiff(diff: ReportDiff, format: 'table' | 'json' | 'markdown', opts: RenderOptions): string {
  if (format === 'json') return `${JSON.stringify(diff, null, 2)}\n`;
  if (format === 'markdown') {
    const lines = [
      `## Support audit change: ${scoreLine(diff)}`,
      '',
      ...(diff.runs ? [markdownCell(runsLine(diff)), ''] : []),
      '| rule | before | after | Δ points |',
      '| --- | --- | --- | ---: |',
    ];
    for (const r of diff.rules) lines.push(`| ${markdownCell(r.id)} | ${sideText(r.before)} | ${sideText(r.after)} | ${signedPoints(r.delta)} |`);
    return `${lines.join('\n')}\n`;
  }
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const body = diff.rules.map((r) => {
    const delta = signedPoints(r.delta);
    const painted = r.delta === null || delta === '0.0' ? delta : r.delta > 0 ? c.green(delta) : c.red(delta);
    return [terminalSafe(r.id), sideText(r.before), sideText(r.after), painted];
  });
  const table = columns(
    ['rule', 'before', 'after', 'Δ points'].map((h) => c.dim(h)),
    body,
    ['left', 'right', 'right', 'right'],
  );
  return `${table}\n\n${c.bold(scoreLine(diff))}\n${diff.runs ? `${terminalSafe(runsLine(diff))}\n` : ''}`;
}
