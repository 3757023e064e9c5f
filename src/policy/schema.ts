// The policy document as people write it (docs/policy.md). Rules are checked one by one after a
// default id is merged onto its built-in rule (see resolve-rules.ts), so here they are only
// "mappings with an id"; the JSON Schema for editors gets the full rule shapes instead.

import { z } from 'zod';
import { fullRuleSchema, patchRuleSchema } from './schema-rule.js';
import { scheduleSchema } from './schema-schedule.js';
import { zoneName } from './schema-units.js';
import { ENCODINGS } from '../read/decode.js';

export const DEFAULT_EXCLUDE_TAGS = ['spam', 'merged', 'duplicate', 'no_sla'];
/** See docs/policy.md "gate" for why these numbers. */
export const DEFAULT_GATE = { min_score: 0, fail_on: 'error', min_sample: 10, require_data: true } as const;

const inputsMapping = () =>
  z
    .strictObject({
      preset: z.string().min(1).optional().meta({ description: 'A preset id (zendesk, freshdesk, …) to start from.' }),
      timezone: zoneName().optional().meta({ description: 'Zone of timestamps written without an offset.' }),
      encoding: z.enum(ENCODINGS).optional().meta({
        description: 'Text encoding of exports without a byte-order mark (default: detected; UTF-8, or Windows-1252 when the first bytes are not UTF-8).',
      }),
      date_order: z.enum(['DMY', 'MDY']).optional(),
      timestamp_format: z.enum(['iso', 'dmy', 'mdy', 'jira', 'twitter', 'epoch', 'auto']).optional(),
      duration_unit: z.enum(['seconds', 'minutes', 'hours', 'hms']).optional(),
      columns: z
        .record(
          z.string(),
          z.union([z.string(), z.array(z.string()).min(1)]).transform((v) => (Array.isArray(v) ? v : [v])),
        )
        .optional()
        .meta({ description: 'Canonical field → header name(s) in your export.' }),
      values: z.record(z.string(), z.record(z.string(), z.string())).optional().meta({ description: 'Canonical field → { your value: canonical value }.' }),
      empty: z.array(z.string()).optional().meta({ description: 'Cell texts that mean "no value" (e.g. "-", "N/A").' }),
    })
    .meta({ description: 'How to read the exports: a preset id, or a column/value mapping.' });

const gate = () =>
  z
    .strictObject({
      min_score: z.number().min(0).max(100).default(DEFAULT_GATE.min_score).meta({ description: 'Minimum overall score 0–100.' }),
      fail_on: z.enum(['error', 'warn']).default(DEFAULT_GATE.fail_on).meta({ description: 'Lowest severity whose failing rule fails the run.' }),
      min_sample: z.number().int().min(1).default(DEFAULT_GATE.min_sample).meta({ description: 'Fewer eligible tickets: the rule is "insufficient".' }),
      require_data: z
        .boolean()
        .default(DEFAULT_GATE.require_data)
        .meta({ description: 'An audit that measured nothing (no ticket selected, or no rule with data) fails; false lets it pass.' }),
    })
    .prefault({});

const tag = () => z.string().trim().min(1).toLowerCase();

const TICKET_URL_ERROR = 'expected an http or https URL with {id} where the ticket id goes, e.g. https://acme.zendesk.com/agent/tickets/{id}';

/** An http(s) URL with `{id}` where the ticket id goes (URL-encoded when it is put in). */
const ticketUrl = () =>
  z
    .string()
    .regex(/^https?:\/\/\S*\{id\}\S*$/i, { error: TICKET_URL_ERROR })
    .refine((t) => URL.canParse(t.split('{id}').join('1')), { error: TICKET_URL_ERROR })
    .meta({
      description:
        'Link to a ticket in your help desk, `{id}` standing for the ticket id: ticket ids become links in the HTML, Markdown and GitHub reports. Only http and https.',
    });

function documentSchema(rules: z.ZodType) {
  return z
    .strictObject({
      $schema: z.string().optional().meta({ description: 'For editors; ignored.' }),
      name: z.string().min(1).optional(),
      extends: z
        .enum(['built-in', 'none'])
        .default('built-in')
        .meta({ description: '`built-in`: start from the built-in rules and schedules; `none`: only yours.' }),
      timezone: zoneName().default('UTC'),
      schedules: z.record(z.string().min(1), scheduleSchema()).default({}),
      inputs: z
        .union([
          z
            .string()
            .min(1)
            .transform((preset) => ({ preset })),
          inputsMapping(),
        ])
        .optional(),
      exclude_tags: z.array(tag()).default(DEFAULT_EXCLUDE_TAGS).meta({ description: 'Tickets with any of these tags are excluded from every rule.' }),
      rules: rules.default([]),
      gate: gate(),
      ticket_url: ticketUrl().optional(),
    })
    .meta({ title: 'support-audit policy', description: 'Service standards that support-audit checks exports against.' });
}

/** Rules stay raw here: each is merged and checked on its own, so its errors keep its index. */
export const policyDocumentSchema = () => documentSchema(z.array(z.record(z.string(), z.unknown(), { error: 'expected a rule: a mapping with an id' })));

export type PolicyDocument = z.output<ReturnType<typeof policyDocumentSchema>>;

/** What editors see: every rule either complete or a change to a built-in rule. */
export const policyFileSchema = (defaultIds: [string, ...string[]]) => documentSchema(z.array(z.union([fullRuleSchema(), patchRuleSchema(defaultIds)])));
