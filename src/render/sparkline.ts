// A one-line weekly trend for terminals and Markdown. The scale runs from a little below the
// lowest week or the target (whichever is lower) up to 100 %, as in the HTML trend charts: on a
// 0–100 % scale a fall from 92 % to 85 % would be one block high and invisible.

import type { TrendPoint } from '../report.js';

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** Lower end of the trend scale: 5 points under the lowest of target and weeks, floored to 10 %. */
export function trendFloor(values: number[], target: number): number {
  return Math.max(0, Math.floor((Math.min(target, ...values) - 0.05) * 10) / 10);
}

/** The last `weeks` points; a week with nothing eligible is a space. */
export function sparkline(trend: TrendPoint[], target: number, weeks = 12): string {
  const points = trend.slice(-weeks);
  const values = points.map((p) => p.compliance).filter((v): v is number => v !== null);
  if (values.length === 0) return '';
  const lo = trendFloor(values, target);
  let out = '';
  for (const p of points) {
    if (p.compliance === null) {
      out += ' ';
      continue;
    }
    const level = Math.floor(((p.compliance - lo) / (1 - lo || 1)) * BARS.length);
    out += BARS[Math.min(BARS.length - 1, Math.max(0, level))];
  }
  return out;
}
