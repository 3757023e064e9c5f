// Inline SVG charts for the HTML report: a compliance bar with its target marker, a weekly trend
// line, and a first-response histogram. Plain strings, no library, nothing fetched. Callers
// pass raw text; anything from the data is escaped here.

import type { Distribution, RuleResult, TrendPoint } from '../report.js';
import { humanMinutes } from './duration-text.js';
import { escapeHtml as h } from './sanitize.js';
import { trendFloor } from './sparkline.js';
import { count, percent } from './words.js';

const f = (n: number) => (Math.round(n * 10) / 10).toString();

/**
 * Horizontal bar on a 0–100 % axis (ticks and labels at 0, 50 and 100 %), filled to the
 * compliance, a marker at the target and a tick at warn.
 */
export function complianceBar(rule: Pick<RuleResult, 'compliance' | 'target' | 'warn'>): string {
  const W = 220;
  const H = 30;
  const x = (v: number) => f(Math.max(0, Math.min(1, v)) * (W - 2) + 1);
  const fill =
    rule.compliance === null ? '' : `<rect class="bar-fill" x="1" y="4" width="${f(Math.max(0, Math.min(1, rule.compliance)) * (W - 2))}" height="10" rx="2"/>`;
  const label = `compliance ${percent(rule.compliance)}, target ${percent(rule.target)}, warn below ${percent(rule.warn)}`;
  const ticks = (
    [
      [0, 'start'],
      [0.5, 'middle'],
      [1, 'end'],
    ] as const
  )
    .map(
      ([v, anchor]) =>
        `<line class="axis" x1="${x(v)}" x2="${x(v)}" y1="18" y2="21"/><text class="axis-label" x="${x(v)}" y="29" text-anchor="${anchor}">${percent(v)}</text>`,
    )
    .join('');
  return (
    `<svg class="bar" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${h(label)}">` +
    `<title>${h(label)}</title>` +
    `<rect class="bar-track" x="1" y="4" width="${W - 2}" height="10" rx="2"/>${fill}` +
    `<line class="bar-warn" x1="${x(rule.warn)}" x2="${x(rule.warn)}" y1="5" y2="13"/>` +
    `<line class="bar-target" x1="${x(rule.target)}" x2="${x(rule.target)}" y1="0" y2="18"/>` +
    `<line class="axis" x1="1" x2="${W - 1}" y1="18" y2="18"/>${ticks}` +
    `</svg>`
  );
}

/** Weeks drawn in a trend chart (the latest ones). */
export const TREND_WEEKS = 16;

/**
 * Weekly compliance as a line with the target dashed, on axes: compliance in % up the left (the
 * scale's ends labelled), ISO weeks along the bottom (the first and the last labelled). The
 * vertical scale starts a little below the lowest point or the target (not at 0 %): week-to-week
 * moves of a few points must show.
 */
export function trendChart(trend: TrendPoint[], target: number): string {
  const points = trend.slice(-TREND_WEEKS);
  const W = 184;
  const H = 64;
  const left = 28;
  const right = 4;
  const top = 6;
  const bottom = 16;
  const values = points.map((p) => p.compliance).filter((v): v is number => v !== null);
  const axes = (lo: number, y: (v: number) => string) =>
    `<line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${H - bottom}"/>` +
    `<line class="axis" x1="${left}" x2="${W - right}" y1="${H - bottom}" y2="${H - bottom}"/>` +
    [lo, 1]
      .map(
        (v) =>
          `<line class="axis" x1="${left - 3}" x2="${left}" y1="${y(v)}" y2="${y(v)}"/><text class="axis-label" x="${left - 5}" y="${f(Number(y(v)) + 3)}" text-anchor="end">${percent(v, 0)}</text>`,
      )
      .join('');
  if (values.length === 0) {
    return (
      `<svg class="trend empty" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="no weekly data"><title>no weekly data</title>` +
      `<line class="axis" x1="${left}" x2="${W - right}" y1="${H - bottom}" y2="${H - bottom}"/>` +
      `<text class="axis-label" x="${f((left + W - right) / 2)}" y="${f((top + H - bottom) / 2)}" text-anchor="middle">no weekly data</text></svg>`
    );
  }
  const lo = trendFloor(values, target);
  const y = (v: number) => f(H - bottom - ((v - lo) / (1 - lo || 1)) * (H - top - bottom));
  const inner = W - left - right - 8;
  const step = points.length > 1 ? inner / (points.length - 1) : 0;
  const xAt = (i: number) => f(points.length > 1 ? left + 4 + i * step : left + 4 + inner / 2);
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
  const weeks =
    `<text class="axis-label" x="${xAt(0)}" y="${H - 4}" text-anchor="${points.length > 1 ? 'start' : 'middle'}">${h(first)}</text>` +
    (points.length > 1 ? `<text class="axis-label" x="${xAt(points.length - 1)}" y="${H - 4}" text-anchor="end">${h(last)}</text>` : '');
  const label = `weekly compliance ${first} to ${last}, scale ${percent(lo, 0)} to 100%, target ${percent(target)}`;
  const targetY = y(Math.max(lo, target));
  return (
    `<svg class="trend" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${h(label)}"><title>${h(label)}</title>` +
    axes(lo, y) +
    `<line class="trend-target" x1="${left}" x2="${W - right}" y1="${targetY}" y2="${targetY}"><title>${h(`target ${percent(target)}`)}</title></line>` +
    segments.map((s) => `<polyline class="line" points="${s}"/>`).join('') +
    dots.join('') +
    weeks +
    `</svg>`
  );
}

export function binLabels(edges: number[]): string[] {
  return [...edges.map((e) => `≤${humanMinutes(e)}`), `>${humanMinutes(edges[edges.length - 1])}`];
}

/**
 * One small histogram per channel on axes: tickets up the left (0 and the largest bin labelled),
 * time to first response along the bottom (each bin's upper edge); bars scaled to the channel's
 * own largest bin.
 */
export function histogram(dist: Distribution, channel: string): string {
  const bins = dist.counts[channel] ?? [];
  const labels = binLabels(dist.edges);
  const total = bins.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...bins);
  const W = 380;
  const H = 170;
  const left = 34;
  const top = 18;
  const bottom = 44;
  const slot = (W - left) / Math.max(1, bins.length);
  const base = H - bottom;
  const bars = bins
    .map((n, i) => {
      const bh = (n / max) * (base - top);
      const x = left + i * slot;
      const tip = `${labels[i]}: ${count(n)} (${percent(total ? n / total : null)})`;
      return (
        `<g><title>${h(tip)}</title>` +
        `<rect class="hist-bar" x="${f(x + 2)}" y="${f(base - bh)}" width="${f(slot - 4)}" height="${f(bh)}"/>` +
        (n > 0 ? `<text class="hist-count" x="${f(x + slot / 2)}" y="${f(base - bh - 3)}">${count(n)}</text>` : '') +
        `<text class="hist-label" x="${f(x + slot / 2)}" y="${base + 12}">${h(labels[i])}</text></g>`
      );
    })
    .join('');
  const yAxis =
    `<line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${base}"/>` +
    [0, max]
      .map((v) => {
        const y = f(base - (v / max) * (base - top));
        return `<line class="axis" x1="${left - 3}" x2="${left}" y1="${y}" y2="${y}"/><text class="axis-label" x="${left - 5}" y="${f(Number(y) + 3)}" text-anchor="end">${count(v)}</text>`;
      })
      .join('') +
    `<text class="axis-title" x="2" y="10">tickets</text>`;
  const xTitle = `<text class="axis-title" x="${f(left + (W - left) / 2)}" y="${H - 6}" text-anchor="middle">time to first response (upper edge of each bin)</text>`;
  const label = `first responses on ${channel}: ${count(total)} tickets by time to first response`;
  return (
    `<svg class="hist" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${h(label)}"><title>${h(label)}</title>` +
    `<line class="axis" x1="${left}" x2="${W}" y1="${base}" y2="${base}"/>${yAxis}${bars}${xTitle}</svg>`
  );
}
