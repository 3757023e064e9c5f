// Each rule's trend over the runs of `--history` (the runs recorded there, this one last), for the
// Markdown and HTML reports: the compliance of the last runs, a sparkline and the change from the
// first of them. A run where the rule had no data (or did not exist) is `–`, never a zero.

import type { HistoryEntry } from '../history.js';
import type { Report, TrendPoint } from '../report.js';
import { markdownCell, escapeHtml as h } from './sanitize.js';
import { sparkline } from './sparkline.js';
import { count, instantText, percent, reportZone, signedPoints } from './words.js';

/** Runs shown per rule (the latest). */
export const HISTORY_RUNS = 12;

const HAS_DATA = new Set(['pass', 'warn', 'fail']);

interface RuleTrend {
  id: string;
  values: (number | null)[];
  spark: string;
  change: number | null;
}

function trends(report: Report, runs: HistoryEntry[]): RuleTrend[] {
  return report.rules.map((rule) => {
    const values = runs.map((run) => {
      const r = run.rules.find((x) => x.id === rule.id);
      return r && HAS_DATA.has(r.status) ? r.compliance : null;
    });
    const points: TrendPoint[] = values.map((compliance, i) => ({ period: runs[i].as_of ?? '', eligible: 0, met: 0, compliance }));
    const known = values.filter((v): v is number => v !== null);
    // Points of compliance, first shown run with data to the last, to the tenth.
    const change = known.length >= 2 ? Math.round((known[known.length - 1] - known[0]) * 1000) / 10 : null;
    return { id: rule.id, values, spark: sparkline(points, rule.target, HISTORY_RUNS), change };
  });
}

function heading(report: Report, all: HistoryEntry[], shown: HistoryEntry[]): string {
  const zone = reportZone(report);
  const span = `${instantText(shown[0].as_of, zone)} to ${instantText(shown[shown.length - 1].as_of, zone)}`;
  const of = all.length > shown.length ? ` (of ${count(all.length)} recorded)` : '';
  return `The last ${count(shown.length)} run${shown.length === 1 ? '' : 's'}${of}, as of ${span}; this run last. Change: compliance points from the first of them with data to the last.`;
}

export function historyMarkdown(report: Report, all: HistoryEntry[] | undefined): string[] {
  if (!all?.length) return [];
  const shown = all.slice(-HISTORY_RUNS);
  const lines = [
    '',
    '### Trend over past runs',
    '',
    heading(report, all, shown),
    '',
    '| rule | compliance, oldest → newest | trend | change |',
    '| --- | --- | --- | ---: |',
  ];
  for (const t of trends(report, shown)) {
    lines.push(`| ${markdownCell(t.id)} | ${t.values.map((v) => percent(v)).join(' · ')} | ${t.spark.replace(/ /g, '·')} | ${signedPoints(t.change)} |`);
  }
  return lines;
}

export function historyHtml(report: Report, all: HistoryEntry[] | undefined): string {
  if (!all?.length) return '';
  const shown = all.slice(-HISTORY_RUNS);
  const rows = trends(report, shown).map(
    (t) =>
      `<tr><td>${h(t.id)}</td><td>${h(t.values.map((v) => percent(v)).join(' · '))}</td><td class="spark">${h(t.spark)}</td><td class="num">${h(signedPoints(t.change))}</td></tr>`,
  );
  return (
    `<section class="card" id="history"><h2>Trend over past runs</h2><p class="meta">${h(heading(report, all, shown))}</p>` +
    `<table><tr><th>rule</th><th>compliance, oldest → newest</th><th>trend</th><th class="num">change (pts)</th></tr>${rows.join('')}</table></section>`
  );
}
