// The key under the scorecard's rule lines: what the marks, the `#` column and the trend mean.
// Short and dim; the CLI leaves it out with --quiet, and no machine format carries it.

import type { Report } from '../report.js';
import { wrapText } from './text-width.js';
import { STATUS_MARK } from './words.js';

export function legendLines(report: Report, weeks: number, width: number): string[] {
  const m = STATUS_MARK;
  const unsupported = report.rules.some((r) => r.status === 'unsupported') ? `  ${m.unsupported} not computed on this engine` : '';
  const parts = [
    `${m.pass} pass  ${m.warn} warn  ${m.fail} fail  ${m.insufficient} too few tickets to judge  ${m.no_data} no data${unsupported}`,
    '#: E1–E8 the eight baseline expectations, ch a channel response window',
  ];
  if (report.rules.some((r) => (r.groups ?? []).length > 0)) parts.push('↳ a group of a rule with overrides, judged on its own');
  if (report.rules.some((r) => r.status !== 'no_data' && r.trend.some((p) => p.compliance !== null))) {
    parts.push(
      `trend: compliance by week, the last ${weeks} at most, oldest first; scale per rule, from ▁ just under the lower of its target and its lowest week to █ 100 %`,
    );
  }
  if (report.baseline) parts.push('Δ: change in compliance points against the baseline');
  return parts.flatMap((p) => wrapText(p, width, 2));
}
