// The scorecard's rule lines, laid out for the width they have. With room, one line per rule:
// mark, expectation, id, title, compliance / target, eligible, p50 / p90, trend (and Δ). Without
// room for a readable title, the title goes on its own line under the id, whole; then the trend
// shows fewer weeks and the compliance heading gets shorter, so that 80 columns hold the table.
// A rule without data says why across the figure columns. Cells are measured before they are
// painted, so colour never counts towards a width.

import type { ChalkInstance } from 'chalk';
import type { Report, RuleResult, RuleStatus } from '../report.js';
import { humanMinutes } from './duration-text.js';
import { terminalSafe } from './sanitize.js';
import { sparkline } from './sparkline.js';
import { fitText, pad, textWidth, wrapText } from './text-width.js';
import { complianceVsTarget, count, expectationTag, groupFigures, groupLabel, noDataText, percentiles, signedPoints, STATUS_MARK } from './words.js';

/** Weeks a trend shows with room, and at the least when squeezed. */
export const TREND_WEEKS = 12;
const MIN_TREND_WEEKS = 4;
/** A title shortened to less than this reads worse than one on its own line. */
const MIN_INLINE_TITLE = 28;
const GAP = '  ';

interface Line {
  status: RuleStatus;
  mark: string;
  tag: string;
  /** Rule id, or `↳ group` for a group of a rule with overrides. */
  name: string;
  group: boolean;
  title: string;
  figures: string;
  eligible: string;
  spread: string;
  rule?: RuleResult;
  delta: string;
  /** Why a rule has no figures: printed across the figure columns. */
  note?: string;
}

function lines(report: Report): Line[] {
  const out: Line[] = [];
  for (const r of report.rules) {
    const hasData = r.status !== 'no_data';
    out.push({
      status: r.status,
      mark: STATUS_MARK[r.status],
      tag: expectationTag(r),
      name: terminalSafe(r.id),
      group: false,
      title: terminalSafe(r.title),
      figures: hasData ? complianceVsTarget(r) : '',
      eligible: hasData ? count(r.eligible) : '',
      spread: hasData ? percentiles(r, humanMinutes) : '',
      rule: hasData ? r : undefined,
      delta: signedPoints(r.delta),
      ...(hasData ? {} : { note: terminalSafe(noDataText(r)) }),
    });
    for (const g of r.groups ?? []) {
      out.push({
        status: g.status,
        mark: STATUS_MARK[g.status],
        tag: '',
        name: `  ↳ ${terminalSafe(groupLabel(g))}`,
        group: true,
        title: '',
        figures: groupFigures(g),
        eligible: g.status === 'no_data' ? '' : count(g.eligible),
        spread: '',
        delta: '',
      });
    }
  }
  return out;
}

const widest = (values: string[], head: string) => values.reduce((w, v) => Math.max(w, textWidth(v)), textWidth(head));

export interface RuleTable {
  lines: string[];
  /** Trend weeks shown (for the legend). */
  weeks: number;
  /** Whether titles are on their own lines. */
  titlesBelow: boolean;
}

export function ruleTable(report: Report, width: number, c: ChalkInstance, paint: (s: RuleStatus, t: string) => string): RuleTable {
  const rows = lines(report);
  const hasBaseline = report.baseline !== undefined;
  const withFigures = rows.filter((r) => r.note === undefined);
  let figuresHead = 'compliance / target';
  let weeks = TREND_WEEKS;
  const trendOf = (r: Line) => (r.rule ? sparkline(r.rule.trend, r.rule.target, weeks) : '');
  const ids = widest(
    rows.filter((r) => !r.group).map((r) => r.name),
    'rule',
  );
  const groups = widest(
    rows.filter((r) => r.group).map((r) => r.name),
    '',
  );
  const measure = (name: number) => {
    const w = {
      mark: 1,
      tag: widest(
        rows.map((r) => r.tag),
        '#',
      ),
      name,
      figures: widest(
        withFigures.map((r) => r.figures),
        figuresHead,
      ),
      eligible: widest(
        withFigures.map((r) => r.eligible),
        'eligible',
      ),
      spread: widest(
        withFigures.map((r) => r.spread),
        'p50 / p90',
      ),
      trend: widest(rows.map(trendOf), 'trend'),
      delta: hasBaseline
        ? widest(
            rows.map((r) => r.delta),
            'Δ',
          )
        : 0,
    };
    const fixed = w.mark + w.tag + w.name + w.figures + w.eligible + w.spread + w.trend + (hasBaseline ? w.delta + GAP.length : 0) + 6 * GAP.length;
    return { w, fixed };
  };
  let { w, fixed } = measure(ids);
  const titleWidth = widest(
    rows.map((r) => r.title),
    'title',
  );
  // Inline titles: whole, or at least MIN_INLINE_TITLE columns of them.
  const inlineTitle = Math.min(titleWidth, width - fixed - GAP.length);
  const inline = inlineTitle >= Math.min(titleWidth, MIN_INLINE_TITLE);
  if (!inline) {
    // The titles go below and the group labels widen the id column; then the squeeze begins.
    ({ w, fixed } = measure(Math.max(ids, groups)));
    if (fixed > width) {
      figuresHead = '% / target';
      ({ w, fixed } = measure(w.name));
    }
    while (fixed > width && weeks > MIN_TREND_WEEKS) {
      weeks--;
      ({ w, fixed } = measure(w.name));
    }
    if (fixed > width) ({ w, fixed } = measure(Math.max(ids, w.name - (fixed - width))));
  }

  const nameSpan = inline ? w.name + GAP.length + inlineTitle : w.name;
  const cellsOf = (r: Line | null): string[] => {
    const name = r === null ? 'rule' : r.group ? fitText(r.name, nameSpan) : r.name;
    const lead = [pad(r === null ? '' : r.mark, w.mark, 'left'), pad(r === null ? '#' : r.tag, w.tag, 'left')];
    const title = r === null ? 'title' : fitText(r.title, inlineTitle);
    const nameCells = inline && !r?.group ? [pad(name, w.name, 'left'), pad(title, inlineTitle, 'left')] : [pad(name, nameSpan, 'left')];
    if (r !== null && r.note !== undefined) {
      const start = lead.reduce((n, s) => n + textWidth(s), 0) + nameSpan + 3 * GAP.length;
      return [...lead, ...nameCells, fitText(r.note, Math.max(width - start, 12))];
    }
    const cells = [
      pad(r === null ? figuresHead : r.figures, w.figures, 'right'),
      pad(r === null ? 'eligible' : r.eligible, w.eligible, 'right'),
      pad(r === null ? 'p50 / p90' : r.spread, w.spread, 'right'),
      pad(r === null ? 'trend' : trendOf(r), w.trend, 'left'),
      ...(hasBaseline ? [pad(r === null ? 'Δ' : r.delta, w.delta, 'right')] : []),
    ];
    return [...lead, ...nameCells, ...cells];
  };

  const out: string[] = [c.dim(cellsOf(null).join(GAP).trimEnd())];
  const titleIndent = w.mark + w.tag + 2 * GAP.length;
  for (const r of rows) {
    const cells = cellsOf(r);
    const figureAt = 2 + (inline && !r.group ? 2 : 1);
    const painted = cells.map((cell, i) => (i === 0 || i === figureAt ? paint(r.status, cell) : cell));
    out.push(painted.join(GAP).trimEnd());
    if (!inline && r.title !== '') {
      for (const l of wrapText(r.title, width - titleIndent)) out.push(c.dim(' '.repeat(titleIndent) + l));
    }
  }
  return { lines: out, weeks, titlesBelow: !inline };
}
