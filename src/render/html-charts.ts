// Inline SVG charts for the HTML report: a compliance bar with its target marker, a weekly trend
// line, and a first-response histogram. Plain strings, no library, nothing fetched. Callers
// pass raw text; anything from the data is escaped here.

import type { Distribution, RuleResult, TrendPoint } from '../report.js';
import { humanMinutes } from './duration-text.js';
import { escapeHtml as h } from './sanitize.js';
import { trendFloor } from './sparkline.js';
import { count, percent } from './words.js';

const f = (n: number) => (Math.round(n * 10) / 10).toString();

/** Horizontal bar 0–100 %, filled to the compliance, a marker at the target and a tick at warn. */
export function complianceBar(rule: Pick<RuleResult, 'compliance' | 'target' | 'warn'>): string {
  const W = 220;
  const H = 18;
  const x = (v: number) => f(Math.max(0, Math.min(1, v)) * W);
  const fill = rule.compliance === null ? '' : `<rect class="bar-fill" x="0" y="4" width="${x(rule.compliance)}" height="10" rx="2"/>`;
  const label = `compliance ${percent(rule.compliance)}, target ${percent(rule.target)}, warn below ${percent(rule.warn)}`;
  return (
    `<svg class="bar" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${h(label)}">` +
    `<title>${h(label)}</title>` +
    `<rect class="bar-track" x="0" y="4" width="${W}" height="10" rx="2"/>${fill}` +
    `<line class="bar-warn" x1="${x(rule.warn)}" x2="${x(rule.warn)}" y1="5" y2="13"/>` +
    `<line class="bar-target" x1="${x(rule.target)}" x2="${x(rule.target)}" y1="0" y2="${H}"/>` +
    `</svg>`
  );
}

/** Weeks drawn in a trend chart (the latest ones). */
export const TREND_WEEKS = 16;

/**
 * Weekly compliance as a line with the target dashed. The vertical scale starts a little below
 * the lowest point or the target (not at 0 %): week-to-week moves of a few points must show.
 */
export function trendChart(trend: TrendPoint[], target: number): string {
  const points = trend.slice(-TREND_WEEKS);
  const W = 168;
  const H = 44;
  const pad = 4;
  const values = points.map((p) => p.compliance).filter((v): v is number => v !== null);
  if (values.length === 0) return `<svg class="trend empty" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="no weekly data"><title>no weekly data</title><line class="axis" x1="0" x2="${W}" y1="${H - pad}" y2="${H - pad}"/></svg>`;
  const lo = trendFloor(values, target);
  const y = (v: number) => f(H - pad - ((v - lo) / (1 - lo || 1)) * (H - 2 * pad));
  const step = points.length > 1 ? (W - 2 * pad) / (points.length - 1) : 0;
  const xAt = (i: number) => f(points.length > 1 ? pad + i * step : W / 2);
  // Weeks with nothing eligible break the line instead of being drawn as 0 %.
  const segments: string[] = [];
  let current: string[] = [];
  const dots: string[] = [];
  points.forEach((p, i) => {
    if (p.compliance === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
      return;
    }
    current.push(`${xAt(i)},${y(p.compliance)}`);
    const tip = `${p.period}: ${percent(p.compliance)} (${count(p.met)} of ${count(p.eligible)})`;
    dots.push(`<circle class="dot" cx="${xAt(i)}" cy="${y(p.compliance)}" r="2.2"><title>${h(tip)}</title></circle>`);
  });
  if (current.length) segments.push(current.join(' '));
  const first = points[0].period;
  const last = points[points.length - 1].period;
  const label = `weekly compliance ${first} to ${last}, scale ${percent(lo, 0)} to 100%, target ${percent(target)}`;
  return (
    `<svg class="trend" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${h(label)}"><title>${h(label)}</title>` +
    `<line class="trend-target" x1="0" x2="${W}" y1="${y(Math.max(lo, target))}" y2="${y(Math.max(lo, target))}"/>` +
    segments.map((s) => `<polyline class="line" points="${s}"/>`).join('') +
    dots.join('') +
    `</svg>`
  );
}

export function binLabels(edges: number[]): string[] {
  return [...edges.map((e) => `≤${humanMinutes(e)}`), `>${humanMinutes(edges[edges.length - 1])}`];
}

/** One small histogram per channel; bars scaled to the channel's own largest bin. */
export function histogram(dist: Distribution, channel: string): string {
  const bins = dist.counts[channel] ?? [];
  const labels = binLabels(dist.edges);
  const total = bins.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...bins);
  const W = 360;
  const H = 150;
  const top = 16;
  const bottom = 30;
  const slot = W / Math.max(1, bins.length);
  const bars = bins
    .map((n, i) => {
      const bh = (n / max) * (H - top - bottom);
      const x = i * slot;
      const tip = `${labels[i]}: ${count(n)} (${percent(total ? n / total : null)})`;
      return (
        `<g><title>${h(tip)}</title>` +
        `<rect class="hist-bar" x="${f(x + 2)}" y="${f(H - bottom - bh)}" width="${f(slot - 4)}" height="${f(bh)}"/>` +
        (n > 0 ? `<text class="hist-count" x="${f(x + slot / 2)}" y="${f(H - bottom - bh - 3)}">${count(n)}</text>` : '') +
        `<text class="hist-label" x="${f(x + slot / 2)}" y="${H - bottom + 12}">${h(labels[i])}</text></g>`
      );
    })
    .join('');
  const label = `first responses on ${channel}: ${count(total)} tickets by time to first response`;
  return (
    `<svg class="hist" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${h(label)}"><title>${h(label)}</title>` +
    `<line class="axis" x1="0" x2="${W}" y1="${H - bottom}" y2="${H - bottom}"/>${bars}</svg>`
  );
}
