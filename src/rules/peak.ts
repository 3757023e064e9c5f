// Friendly service even at peak times (expectation 5). Each applicable ticket is judged like
// CSAT (good ÷ rated) and carries its first-response time as a sample; the rule keeps both per
// local hour of the week (its slots), because which hours are "peak" is only known at the end:
// the configured ones, or else the busiest quarter (42) of the week's 168 hours by ticket volume.
// Compliance is peak-hour CSAT against the target; on top, the rule fails when peak CSAT falls
// more than max_csat_gap below off-peak CSAT, or peak median first response exceeds
// max_response_ratio × the off-peak median.

import { z } from 'zod';
import type { NoteFinding } from '../findings.js';
import { DAY_INDEX, DAY_NAMES } from '../policy/schema-schedule.js';
import { oneOrMany, paramUnits, percent } from '../policy/schema-units.js';
import { parseTimeRange } from '../policy/units.js';
import { defineMeasure, type ParamsOf, type SlotCounts, type SlotPick, type SlotSide } from './definition.js';
import { ratedGood } from './csat.js';
import { vendorColumn } from './first-response.js';
import { set } from './verdict.js';

const HOURS_OF_WEEK = 168;
const MINUTE = 60_000;

const peakHourRange = () =>
  z
    .strictObject({
      days: oneOrMany(z.enum(DAY_NAMES)).optional(),
      hours: z.string().regex(/^\s*\d{1,2}:00\s*-\s*\d{1,2}:00\s*$/, { error: 'expected whole hours like "11:00-14:00"' }),
    })
    .transform((p, ctx) => {
      try {
        const [from, to] = parseTimeRange(p.hours);
        return { days: (p.days ?? [...DAY_NAMES]).map((d) => DAY_INDEX[d]).sort((a, b) => a - b), from: from / 60, to: to / 60 };
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message, path: ['hours'] });
        return z.NEVER;
      }
    });

const params = () => ({
  peak_hours: z
    .array(peakHourRange())
    .register(paramUnits, { unit: 'hours-of-week' })
    .default([])
    .meta({ description: "Local peak hours; empty: the busiest quarter of the week's hours." }),
  max_csat_gap: percent().meta({ description: 'How far peak CSAT may fall below off-peak (percentage points).' }),
  max_response_ratio: z.number().min(1).meta({ description: 'Peak median first response at most this × off-peak.' }),
});

/** A peak rule's parameters. */
type PeakParams = ParamsOf<ReturnType<typeof params>>;

export const peak = defineMeasure({
  measure: 'peak',
  params,
  unit: 'ratio',
  label: 'rating',
  // Its first responses feed the medians compared, rated or not.
  samples: true,
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
  slots: {
    count: HOURS_OF_WEEK,
    of: (t, calendar) => calendar.hourOfWeek(t.created_at),
    pick: (rule, counts, { zone }) => pickPeak(rule, counts, zone),
  },
});

/**
 * Which hours of the week (0 = Sunday 00:00–01:00 local … 167) are peak. Configured intervals
 * are whole local hours `[from, to)` on the listed days (0 = Sunday); `from > to` wraps past
 * midnight on the same listed day. Without configuration: the 42 busiest hours, ties to the
 * earlier hour; hours without any ticket are never peak.
 */
export function peakHours(rule: PeakParams, volume: number[]): boolean[] {
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
export function comparePeak(rule: PeakParams, atPeak: SlotSide, offPeak: SlotSide): PeakComparison {
  const violations: string[] = [];
  const peakCsat = atPeak.judged > 0 ? atPeak.met / atPeak.judged : null;
  const offCsat = offPeak.judged > 0 ? offPeak.met / offPeak.judged : null;
  const gap = peakCsat !== null && offCsat !== null ? offCsat - peakCsat : null;
  if (gap !== null && gap > rule.max_csat_gap + LIMIT_TOLERANCE) violations.push('csat-gap');
  const ratio = atPeak.median !== null && offPeak.median !== null && offPeak.median > 0 ? atPeak.median / offPeak.median : null;
  if (ratio !== null && ratio > rule.max_response_ratio + LIMIT_TOLERANCE) violations.push('slow-at-peak');
  return { violations, offCsat, gap, ratio };
}

/** The peak hours' counts are the rule's figures; the comparisons decide whether it fails regardless. */
function pickPeak(rule: PeakParams, counts: SlotCounts, zone: string): SlotPick {
  const volume = Array.from({ length: HOURS_OF_WEEK }, (_, h) => counts.volume(h));
  const isPeak = peakHours(rule, volume);
  const hours = [...isPeak.keys()].filter((h) => isPeak[h]);
  const atPeak = counts.side(hours);
  const offPeak = counts.side([...isPeak.keys()].filter((h) => !isPeak[h]));
  const cmp = comparePeak(rule, atPeak, offPeak);
  const notes: NoteFinding[] = [{ code: 'peak-hours', hours: hours.length, configured: rule.peak_hours.length > 0, zone }];
  if (cmp.offCsat === null) notes.push({ code: 'no-off-peak-ratings' });
  else if (cmp.gap !== null) {
    notes.push({ code: 'peak-csat', peak: cmp.offCsat - cmp.gap, offPeak: cmp.offCsat, maxGap: rule.max_csat_gap, fails: cmp.violations.includes('csat-gap') });
  }
  if (cmp.ratio !== null && atPeak.median !== null && offPeak.median !== null) {
    notes.push({
      code: 'peak-response',
      peak: atPeak.median,
      offPeak: offPeak.median,
      maxRatio: rule.max_response_ratio,
      fails: cmp.violations.includes('slow-at-peak'),
    });
  }
  return { slots: hours, fails: cmp.violations.length > 0, notes };
}
