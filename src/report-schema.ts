// The JSON report (`support-audit/report@1`, src/report.ts) as a zod schema, from which the
// published schema/report.schema.json is generated. The compiler keeps the two in step: the type
// the schema describes must be exactly `Report` (see `inStep` below), so a field added to the
// report without its schema, or the other way round, does not build. A test keeps the committed
// file in step with this schema and validates every JSON report the test suite produces with it.
//
// Objects are strict (no other keys): the schema a version ships describes exactly what that
// version writes. Within report@1 keys are only ever added, never renamed or removed.

import { z } from 'zod';
import { OTHER_ROW_KEY, REPORT_SCHEMA, type Report } from './report.js';
import { PROBLEM_CODES } from './types.js';

const count = z.number().int().min(0);
const fraction = z.number().min(0).max(1);
const ruleStatus = z.enum(['pass', 'warn', 'fail', 'no_data', 'insufficient', 'unsupported']);
const isoInstant = z.string().meta({ description: 'An instant, ISO 8601 in UTC (`2024-03-17T09:00:00.000Z`).' });

const problem = z.strictObject({
  code: z.enum(PROBLEM_CODES).meta({ description: 'Stable problem code (docs/bad-input.md).' }),
  line: z.number().int().meta({ description: '1-based line in the file (the header is line 1).' }),
  column: z.string().optional().meta({ description: "The source column's header, when the problem is about one field." }),
  message: z.string(),
});

const input = z.strictObject({
  path: z.string(),
  format: z.string().meta({ description: 'The preset id used (`zendesk`, `canonical`, …).' }),
  encoding: z.string().meta({ description: 'The text encoding the file was read in.' }),
  encoding_source: z.string().meta({ description: '`bom`, `flag`, `policy`, `detected` or `default`.' }),
  rows: count.meta({ description: 'Data records read (header excluded).' }),
  used: count.meta({ description: 'Records that produced a ticket or message.' }),
  skipped: count,
  problems: z.array(problem).meta({ description: 'The first problems in file order (capped; problem_counts has the totals).' }),
  problem_counts: z.partialRecord(z.enum(PROBLEM_CODES), count),
  timezone: z.string().meta({ description: 'The zone timestamps without an offset were read in.' }),
  timezone_source: z.enum(['flag', 'inputs', 'preset', 'policy', 'assumed']),
  local_times: count.meta({ description: 'Timestamps read in that zone (written without an offset).' }),
  replaced: count.meta({ description: 'Rows set aside because a newer copy of the same ticket (or message) was read.' }),
  after_as_of: count.meta({ description: 'Tickets created after as_of: outside the audit.' }),
  joined: count.optional().meta({ description: 'Ticket and message exports together: rows or conversations joined to the other kind.' }),
});

const gate = z.strictObject({
  passed: z.boolean(),
  min_score: z.number(),
  fail_on: z.enum(['error', 'warn']),
  reasons: z.array(z.string()).meta({ description: 'Why the gate failed: `nothing-measured`, `score-below-minimum`, `rule-failed:<id>`, `regression:<id>`.' }),
  messages: z
    .array(z.string())
    .optional()
    .meta({ description: 'Each reason in words, in the order of `reasons`: `email-first-response failed: 66.7 % against 90 %`.' }),
  measured: count.optional().meta({ description: 'Tickets within the selection (what the audit measured).' }),
});

const summary = z.strictObject({
  score: z.number().min(0).max(100).nullable().meta({ description: '0–100, weight-averaged min(1, compliance ÷ target) over rules with data; null if none.' }),
  status: z.enum(['pass', 'warn', 'fail']),
  exit_code: z.union([z.literal(0), z.literal(1)]),
  counts: z.strictObject({
    pass: count,
    warn: count,
    fail: count,
    no_data: count,
    insufficient: count,
    unsupported: count.optional().meta({ description: 'Rules a SQL engine (--engine) cannot compute exactly; present only when there are any.' }),
  }),
  gate,
});

const breach = z.strictObject({
  id: z.string().meta({ description: 'Ticket id.' }),
  value: z.number().nullable().meta({ description: "The measured value in the rule's unit (minutes for durations), or null." }),
  reason: z.string(),
  code: z.string().meta({ description: 'Stable code: `late`, `unanswered`, `reopened`, `bad-rating`, `matched`, …' }),
  created_at: isoInstant,
  channel: z.string().optional(),
  agent: z.string().optional(),
});

const trendPoint = z.strictObject({
  period: z.string().meta({ description: "ISO week `2024-W09`, in the policy's time zone." }),
  eligible: count,
  met: count,
  compliance: fraction.nullable(),
});

const ruleGroup = z.strictObject({
  when: z
    .strictObject({ priority: z.array(z.string()).optional(), channel: z.array(z.string()).optional() })
    .optional()
    .meta({ description: "The override's condition, as the policy gives it." }),
  base: z.literal(true).optional().meta({ description: 'The tickets that match no override.' }),
  window_minutes: z.number().nullable(),
  target: fraction,
  warn: fraction,
  eligible: count,
  met: count,
  breached: count,
  pending: count,
  compliance: fraction.nullable(),
  status: ruleStatus,
});

const rule = z.strictObject({
  id: z.string(),
  expectation: z.number().int().nullable().meta({ description: 'The baseline expectation 1–8 the rule audits, or null.' }),
  title: z.string(),
  measure: z.string(),
  severity: z.enum(['error', 'warn', 'off']),
  weight: z.number(),
  status: ruleStatus,
  eligible: count,
  met: count,
  breached: count,
  pending: count,
  excluded: count,
  excluded_reasons: z.record(z.string(), count).meta({ description: 'Excluded tickets per reason code (`tag:spam`, `closed-without-reply`, …).' }),
  compliance: fraction.nullable().meta({ description: 'met ÷ eligible, or null when nothing was eligible.' }),
  target: fraction,
  warn: fraction,
  unit: z.enum(['minutes', 'ratio']),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
  p95: z.number().nullable(),
  mean: z.number().nullable(),
  clock: z.enum(['calendar', 'business']),
  window_minutes: z.number().nullable().optional().meta({ description: "The rule's window in minutes, for duration rules." }),
  ceiling: fraction.optional().meta({ description: 'Rate rules: the ceiling.' }),
  rate: fraction.nullable().optional().meta({ description: 'Rate rules: the measured rate (1 − compliance).' }),
  missing: z.array(z.string()).optional().meta({ description: 'For no_data: the canonical fields the inputs lack.' }),
  note: z.string().optional(),
  groups: z.array(ruleGroup).optional().meta({ description: 'Rules with overrides: each group judged alone, overrides in policy order, then the base.' }),
  breaches: z.array(breach).meta({ description: 'The worst breaches (capped), worst first.' }),
  trend: z.array(trendPoint),
  delta: z.number().nullable().optional().meta({ description: 'Change in compliance points (0–100 scale) against a baseline report.' }),
});

const breakdownRow = z.strictObject({
  key: z.string(),
  other: z
    .literal(true)
    .optional()
    .meta({ description: `Only on the row summing the keys not listed; its key is "${OTHER_ROW_KEY}".` }),
  rules: z.array(z.strictObject({ id: z.string(), eligible: count, met: count, compliance: fraction.nullable() })),
});

const distribution = z.strictObject({
  edges: z.array(z.number()).meta({ description: 'Upper bin edges in minutes (the last bin is open-ended).' }),
  counts: z.record(z.string(), z.array(count)),
});

export const reportSchema = z
  .strictObject({
    schema: z.literal(REPORT_SCHEMA),
    engine: z
      .enum(['duckdb', 'clickhouse'])
      .optional()
      .meta({ description: 'The SQL engine that computed the rules (--engine); absent for the built-in engine.' }),
    as_of: isoInstant.nullable().meta({ description: 'The audit\'s "now"; null only when the data holds no timestamp and no --as-of was given.' }),
    generated_by: z.strictObject({ name: z.string(), version: z.string() }),
    policy: z.strictObject({
      name: z.string(),
      source: z.string(),
      timezone: z.string().optional(),
      note: z.string().optional(),
      ticket_url: z.string().optional().meta({ description: "The policy's link template for tickets (`https://…/tickets/{id}`), when it has one." }),
    }),
    inputs: z.array(input),
    summary,
    rules: z.array(rule),
    breakdowns: z.partialRecord(z.enum(['agent', 'team', 'channel', 'priority', 'week', 'month']), z.array(breakdownRow)),
    window: z
      .strictObject({ since: isoInstant.optional(), until: isoInstant.optional() })
      .optional()
      .meta({ description: 'The selection applied (--since/--until), when given.' }),
    distributions: z.strictObject({ first_response: distribution.optional() }).optional(),
    baseline: z.strictObject({ path: z.string(), as_of: isoInstant.nullable(), score: z.number().nullable() }).optional(),
  })
  .meta({
    title: 'support-audit report',
    description: 'The JSON report of `support-audit audit --format json` (support-audit/report@1). Durations in minutes, rates as fractions 0–1.',
  });

// Exactly `Report`, not merely assignable: an extra optional key on either side fails too.
type Exactly<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const inStep: Exactly<z.infer<typeof reportSchema>, Report> = true;
void inStep;

/** The published JSON Schema of the report (schema/report.schema.json). */
export function reportJsonSchema(): object {
  return z.toJSONSchema(reportSchema, { io: 'output', unrepresentable: 'throw', reused: 'inline' });
}
