// One rule as people write it: the common keys, then the measure and its parameters (one
// strict object per measure, chosen by `measure`; each measure's parameters are its module's,
// rules/<measure>.ts `params`).

import { z } from 'zod';
import { MEASURE_IDS, ruleDefinition } from '../rules/index.js';
import { CHANNELS, PRIORITIES } from '../types.js';
import type { MeasureId } from './types.js';
import { filterSchema } from './schema-filter.js';
import { duration, oneOrMany, percent } from './schema-units.js';

export { MEASURE_IDS };

/** Rate rules judged against a ceiling (their definition's `ceiling`): their target is 1 − ceiling, so they take no `target`. */
export const CEILING_MEASURES: ReadonlySet<MeasureId> = new Set(MEASURE_IDS.filter((m) => ruleDefinition(m).ceiling !== undefined));

/** Measures with a base window (their definition's `window`), which an override's `window` replaces. */
export const WINDOW_MEASURES: ReadonlySet<MeasureId> = new Set(MEASURE_IDS.filter((m) => ruleDefinition(m).window !== undefined));

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

function measureOption<M extends MeasureId>(measure: M) {
  return z.strictObject({
    ...baseShape(),
    ...(CEILING_MEASURES.has(measure) ? {} : { target: target() }),
    measure: z.literal(measure),
    ...ruleDefinition(measure).params(),
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
  for (const m of MEASURE_IDS) Object.assign(shape, ruleDefinition(m).params());
  const optional = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()]));
  return z
    .strictObject({ ...optional, id: z.enum(defaultIds), measure: z.enum(MEASURE_IDS).optional() })
    .meta({ description: 'Change some keys of a built-in rule; the rest keep their defaults.' });
};

export type RuleInput = z.output<ReturnType<typeof fullRuleSchema>>;
