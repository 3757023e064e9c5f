// One rule as people write it: the common keys, then the measure and its parameters (one
// strict object per measure, chosen by `measure`).

import { z } from 'zod';
import { CHANNELS, PRIORITIES } from '../types.js';
import type { MeasureId } from './types.js';
import { filterSchema } from './schema-filter.js';
import { DAY_INDEX, DAY_NAMES } from './schema-schedule.js';
import { duration, once, oneOrMany, percent } from './schema-units.js';
import { parseDuration, parseTimeRange } from './units.js';

/** Rate rules judged against a ceiling: their target is 1 − ceiling, so they take no `target`. */
export const CEILING_MEASURES: ReadonlySet<MeasureId> = new Set(['share', 'reopen-rate', 'missed-rate']);

/** Measures whose base window an override's `window` replaces (the key that holds it). */
export const WINDOW_KEY: Partial<Record<MeasureId, string>> = {
  'first-response': 'window', 'next-reply': 'window', 'update-gap': 'window', resolution: 'window', 'requester-wait': 'window',
  'phone-wait': 'window', presales: 'window', 'refund-speed': 'window', 'after-sales': 'repair_window',
  'returns-approval': 'answer_window', 'queue-hygiene': 'untouched',
};

/** Weights stay small numbers: their sum and products with compliance can never overflow to Infinity or NaN. */
export const MAX_WEIGHT = 1000;

export const RULE_ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

export const ruleId = () =>
  z.string({ error: 'expected a rule id like "vip-first-response"' }).regex(RULE_ID, {
    error: 'expected a rule id of lower-case letters, digits and dashes like "vip-first-response"',
  });

const EXPECTATION = 'expected an expectation number 1–8, or "channel"';
const expectation = () =>
  z
    .union([z.number().int({ error: EXPECTATION }).min(1, { error: EXPECTATION }).max(8, { error: EXPECTATION }), z.enum(['channel', 'baseline']), z.null()], {
      error: EXPECTATION,
    })
    .transform((v) => (typeof v === 'number' ? v : null))
    .meta({ description: 'Which of the eight baseline expectations (1–8) it audits; "channel" for a response window.' });

const override = () =>
  z.strictObject({
    when: z
      .strictObject({ priority: oneOrMany(z.enum(PRIORITIES)).optional(), channel: oneOrMany(z.enum(CHANNELS)).optional() })
      .refine((w) => w.priority !== undefined || w.channel !== undefined, { error: 'expected priority and/or channel' }),
    window: duration().optional(),
    target: percent().optional(),
    warn: percent().optional(),
  });

const baseShape = () => ({
  id: ruleId(),
  expectation: expectation(),
  title: z.string().min(1).meta({ description: 'One line for people, e.g. "Live chat answered within 3 minutes".' }),
  applies_to: filterSchema().optional(),
  warn: percent().optional().meta({ description: 'Warn at or above this compliance, fail below; defaults below the target.' }),
  severity: z.enum(['error', 'warn', 'off']).default('error').meta({ description: '`error` fails the gate, `warn` only reports, `off` skips the rule.' }),
  weight: z.number().min(0).max(MAX_WEIGHT).default(1),
  clock: z.enum(['calendar', 'business']).default('calendar'),
  schedule: z.string().min(1).optional().meta({ description: 'The schedule a business clock counts in.' }),
  overrides: z.array(override()).default([]).meta({ description: 'Per priority/channel window, target or warn, first match wins.' }),
});

const target = () => percent().meta({ description: 'Compliance target: pass at or above it.' });

/** A duration that may be zero (`0s` turns a threshold off). */
const durationOrZero = once(() =>
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
    }),
);

const peakHours = () =>
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

/** Measure → its parameters. */
const PARAMS = {
  'first-response': () => ({ window: duration() }),
  'next-reply': () => ({ window: duration() }),
  'update-gap': () => ({ window: duration() }),
  resolution: () => ({ which: z.enum(['first', 'full']).default('full'), window: duration() }),
  'requester-wait': () => ({ window: duration() }),
  'phone-wait': () => ({
    window: duration(),
    short_abandon: durationOrZero()
      .prefault('5s')
      .meta({ description: 'A call abandoned within this wait is a short abandon: not offered to the desk, left out of the service level. "0s": none.' }),
  }),
  csat: () => ({}),
  nps: () => ({}),
  share: () => ({ match: filterSchema(), ceiling: percent() }),
  'reopen-rate': () => ({ ceiling: percent() }),
  'one-touch': () => ({}),
  'missed-rate': () => ({ ceiling: percent() }),
  'promise-updates': () => ({}),
  'after-sales': () => ({ repair: filterSchema().optional(), repair_window: duration() }),
  'queue-hygiene': () => ({ untouched: duration(), unassigned: duration() }),
  peak: () => ({
    peak_hours: z.array(peakHours()).default([]).meta({ description: 'Local peak hours; empty: the busiest quarter of the week\'s hours.' }),
    max_csat_gap: percent().meta({ description: 'How far peak CSAT may fall below off-peak (percentage points).' }),
    max_response_ratio: z.number().min(1).meta({ description: 'Peak median first response at most this × off-peak.' }),
  }),
  presales: () => ({ window: duration() }),
  'returns-approval': () => ({ return_window: duration(), answer_window: duration() }),
  'refund-speed': () => ({ window: duration() }),
} as const satisfies Record<MeasureId, () => Record<string, z.ZodType>>;

export const MEASURE_IDS = Object.keys(PARAMS) as MeasureId[];

function measureOption<M extends MeasureId>(measure: M) {
  return z.strictObject({
    ...baseShape(),
    ...(CEILING_MEASURES.has(measure) ? {} : { target: target() }),
    measure: z.literal(measure),
    ...PARAMS[measure](),
  });
}

/** A complete rule (a new id, or a default id after merging onto its built-in rule). */
export const fullRuleSchema = () =>
  z.discriminatedUnion(
    'measure',
    MEASURE_IDS.map((m) => measureOption(m)) as unknown as [ReturnType<typeof measureOption>, ...ReturnType<typeof measureOption>[]],
  );

/** For the JSON Schema: a default rule's id with any of its keys to change. */
export const patchRuleSchema = (defaultIds: [string, ...string[]]) => {
  const shape: Record<string, z.ZodType> = { ...baseShape(), target: target() };
  for (const m of MEASURE_IDS) Object.assign(shape, PARAMS[m]());
  const optional = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()]));
  return z
    .strictObject({ ...optional, id: z.enum(defaultIds), measure: z.enum(MEASURE_IDS as [MeasureId, ...MeasureId[]]).optional() })
    .meta({ description: 'Change some keys of a built-in rule; the rest keep their defaults.' });
};

export type RuleInput = z.output<ReturnType<typeof fullRuleSchema>>;
