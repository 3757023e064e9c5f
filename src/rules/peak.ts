// Friendly service even at peak times (expectation 5). Each applicable ticket is judged like
// CSAT (good ÷ rated) and carries its first-response time as a sample; the scorecard keeps both
// per local hour of the week, because which hours are "peak" is only known at the end: the
// configured ones, or else the busiest quarter (42) of the week's 168 hours by ticket volume.
// Compliance is peak-hour CSAT against the target; on top, the rule fails when peak CSAT falls
// more than max_csat_gap below off-peak CSAT, or peak median first response exceeds
// max_response_ratio × the off-peak median.

import type { RuleDefinition, RuleOf } from './definition.js';
import { ratedGood } from './csat.js';
import { vendorColumn } from './first-response.js';
import { set } from './verdict.js';

const HOURS_OF_WEEK = 168;
const MINUTE = 60_000;

export const peak: RuleDefinition<'peak'> = {
  measure: 'peak',
  unit: 'ratio',
  label: 'rating',
  byHourOfWeek: true,
  needs: () => ['csat'],
  judge(t, _rule, ctx, out) {
    if (!t.outbound) {
      if (t.first_response_at !== undefined) out.sample = Math.round(ctx.clock.elapsed(t.created_at, t.first_response_at));
      else {
        const minutes = t[vendorColumn(ctx.clockKind)];
        if (minutes !== undefined) out.sample = Math.round(minutes * MINUTE);
      }
    }
    const good = ratedGood(t);
    if (good === undefined) return set(out, 'not-applicable', 'unrated');
    set(out, good ? 'met' : 'breached', good ? 'good-rating' : 'bad-rating', t.csat ?? null);
  },
};

/**
 * Which hours of the week (0 = Sunday 00:00–01:00 local … 167) are peak. Configured intervals
 * are whole local hours `[from, to)` on the listed days (0 = Sunday); `from > to` wraps past
 * midnight on the same listed day. Without configuration: the 42 busiest hours, ties to the
 * earlier hour; hours without any ticket are never peak.
 */
export function peakHours(rule: RuleOf<'peak'>, volume: number[]): boolean[] {
  const isPeak = new Array<boolean>(HOURS_OF_WEEK).fill(false);
  if (rule.peak_hours.length > 0) {
    for (const { days, from, to } of rule.peak_hours) {
      for (const day of days) {
        for (let h = 0; h < 24; h++) {
          const inside = from <= to ? h >= from && h < to : h >= from || h < to;
          if (inside) isPeak[day * 24 + h] = true;
        }
      }
    }
    return isPeak;
  }
  const order = [...Array(HOURS_OF_WEEK).keys()].filter((h) => volume[h] > 0);
  order.sort((a, b) => volume[b] - volume[a] || a - b);
  for (const h of order.slice(0, HOURS_OF_WEEK / 4)) isPeak[h] = true;
  return isPeak;
}

export interface PeakSide {
  rated: number;
  good: number;
  /** Median first response in ms, null without samples. */
  median: number | null;
}

export interface PeakComparison {
  /** `csat-gap` and/or `slow-at-peak`. */
  violations: string[];
  offCsat: number | null;
  gap: number | null;
  ratio: number | null;
}

/**
 * Limits are inclusive, like every window: a gap of exactly max_csat_gap (or a ratio of exactly
 * max_response_ratio) holds. Shares are fractions in floating point (0.8 − 0.75 is
 * 0.050000000000000044), so "exactly" means within this tolerance.
 */
const LIMIT_TOLERANCE = 1e-9;

/** Peak against off-peak; a comparison without data on either side is skipped (null). */
export function comparePeak(rule: RuleOf<'peak'>, atPeak: PeakSide, offPeak: PeakSide): PeakComparison {
  const violations: string[] = [];
  const peakCsat = atPeak.rated > 0 ? atPeak.good / atPeak.rated : null;
  const offCsat = offPeak.rated > 0 ? offPeak.good / offPeak.rated : null;
  const gap = peakCsat !== null && offCsat !== null ? offCsat - peakCsat : null;
  if (gap !== null && gap > rule.max_csat_gap + LIMIT_TOLERANCE) violations.push('csat-gap');
  const ratio = atPeak.median !== null && offPeak.median !== null && offPeak.median > 0 ? atPeak.median / offPeak.median : null;
  if (ratio !== null && ratio > rule.max_response_ratio + LIMIT_TOLERANCE) violations.push('slow-at-peak');
  return { violations, offCsat, gap, ratio };
}
