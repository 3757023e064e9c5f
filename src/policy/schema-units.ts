// Zod building blocks for values people write: each parses the human form into the resolved
// one (ms, fractions, minutes of the day) and says what it expected, for the error paths.

import { z } from 'zod';
import { isValidZone } from '../zone.js';
import { patternProblem } from './glob.js';
import { isLocalDate, parseDuration, parsePercent, parseTimeRange } from './units.js';

/**
 * What a parameter's value is, for writing it back the way people write it (policy/human.ts):
 * the building blocks below register themselves, and a copy made by `.meta()` or wrapped in
 * `.optional()` / `.default()` is found through them (paramUnit).
 */
export type ParamUnit = 'duration' | 'percent' | 'filter' | 'hours-of-week';
export const paramUnits = z.registry<{ unit: ParamUnit }>();

/** The unit a parameter's schema was built from, if any. */
export function paramUnit(schema: z.ZodType): ParamUnit | undefined {
  for (let s: unknown = schema; s instanceof z.ZodType; ) {
    const found = paramUnits.get(s);
    if (found) return found.unit;
    s = s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodPrefault ? s.unwrap() : undefined;
  }
  return undefined;
}

/** One instance per building block, so the JSON Schema can share it as a $ref. */
export function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

function parsed<T>(parse: (v: string | number) => T, expected: string, description: string) {
  return z
    .union([z.number(), z.string()], { error: expected })
    .transform((v, ctx) => {
      try {
        return parse(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    })
    .meta({ description });
}

/** A percentage: `95%`, `0.95` (bare 0–1 is a fraction, bare 1–100 is points). */
export const percent = once(() =>
  parsed(
    parsePercent,
    'expected a percentage like 95%',
    'A percentage: "95%", or 0.95 (a bare number up to 1 is a fraction, above 1 percentage points).',
  ).register(paramUnits, {
    unit: 'percent',
  }),
);

/**
 * The longest duration a policy may hold: 100 years, far beyond any service window, and small
 * enough that no sum or difference with a timestamp loses precision or overflows.
 */
export const MAX_DURATION_MS = 36_500 * 24 * 60 * 60 * 1000;

/** A positive duration: `3m`, `24h`, `7d`, `1h30m`; a bare number is minutes. */
export const duration = once(() =>
  parsed(
    (v) => {
      const ms = parseDuration(v);
      if (ms <= 0) throw new Error('expected a duration above zero');
      if (ms > MAX_DURATION_MS)
        throw new Error(`expected a duration of at most 36500d (100 years), got ${String(v).length > 24 ? `${String(v).slice(0, 20)}…` : v}`);
      return ms;
    },
    'expected a duration like 24h',
    'A duration: "3m", "24h", "7d", "1h30m", "90s"; a bare number is minutes.',
  ).register(paramUnits, { unit: 'duration' }),
);

/** A duration that may be zero (`0s` turns a threshold off). */
export const durationOrZero = once(() =>
  z
    .union([z.number(), z.string()], { error: 'expected a duration like 5s' })
    .transform((v, ctx) => {
      try {
        const ms = parseDuration(v);
        if (ms < 0) throw new Error('expected a duration of zero or more');
        return ms;
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    })
    .register(paramUnits, { unit: 'duration' }),
);

export const zoneName = once(() =>
  z
    .string()
    .refine(isValidZone, { error: 'expected an IANA time zone like Europe/Berlin or UTC' })
    .meta({ description: 'An IANA time zone name, e.g. "Europe/Berlin", "America/New_York", "UTC".' }),
);

export const localDate = once(() =>
  z
    .string({ error: 'expected a date like 2024-12-25' })
    .refine(isLocalDate, { error: 'expected a date like 2024-12-25' })
    .meta({ description: 'A local calendar date, YYYY-MM-DD.' }),
);

/** `HH:MM-HH:MM` → [start, end] minutes of the day (end < start: overnight, split later). */
export const timeRange = once(() =>
  parsed(
    (v) => parseTimeRange(String(v)),
    'expected hours like "09:00-17:00"',
    'Local hours "HH:MM-HH:MM"; "24:00" may end an interval; "22:00-06:00" runs overnight.',
  ),
);

/** One value or a list of them (`channel: chat` or `channel: [chat, web]`), always a list after. */
export function oneOrMany<T extends z.ZodType>(item: T) {
  return z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);
}

/** A word or glob (`refund*`, `pre-sales`), never a regular expression. */
export const glob = once(() =>
  z
    .string({ error: 'expected a word or glob like "refund*"' })
    .superRefine((v, ctx) => {
      const problem = patternProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((v) => v.trim())
    .meta({ description: 'A word or glob ("*" any characters, "?" one), case-insensitive; regular expressions are refused.' }),
);
