// A policy document (already read from YAML/JSON) → the resolved Policy, or a PolicyError that
// lists every problem with its path. Nothing here reads data: validation comes first.

import { basename } from 'node:path';
import { PolicyError } from '../errors.js';
import { BUILTIN_NAME, DEFAULT_DOCUMENT } from './default-document.js';
import { Issues, zodIssues, type Locate } from './issues.js';
import { knownKeysOf } from './schema-keys.js';
import { resolveRules } from './resolve-rules.js';
import { resolveSchedule } from './resolve-schedule.js';
import { policyDocumentSchema, type PolicyDocument } from './schema.js';
import { isUtcName } from '../zone.js';
import { inputsIssues } from '../map/preset-inputs.js';
import { scheduleSchema } from './schema-schedule.js';
import type { Policy, Schedule } from './types.js';

let documentSchema: ReturnType<typeof policyDocumentSchema> | undefined;
let builtinDocument: PolicyDocument | undefined;

export function invalidPolicy(source: string, lines: string[]): PolicyError {
  const where = source === 'built-in' ? 'the built-in policy' : `policy file ${source}`;
  const count = lines.length === 1 ? 'one problem' : `${lines.length} problems`;
  return new PolicyError(`${where} is not valid (${count}):`, lines);
}

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const PROTO = '__proto__';

/**
 * Zod leaves out a key named `__proto__` of a record (assigning it would set the prototype). In a
 * policy such a key is the user's word: a schedule may be called that (it is parsed on its own
 * and kept); in a rule or a mapping of columns or values it is reported, never dropped silently.
 */
function protoKeys(input: unknown, issues: Issues): { schedule?: unknown } {
  if (!isMapping(input)) return {};
  const rules = Array.isArray(input.rules) ? input.rules : [];
  rules.forEach((r, i) => isMapping(r) && Object.hasOwn(r, PROTO) && issues.add(['rules', i, PROTO], 'unknown key'));
  const inputs = isMapping(input.inputs) ? input.inputs : {};
  for (const key of ['columns', 'values'] as const) {
    const table = inputs[key];
    if (!isMapping(table)) continue;
    if (Object.hasOwn(table, PROTO)) issues.add(['inputs', key, PROTO], 'not a field this mapping can name');
    if (key === 'values') {
      for (const [field, words] of Object.entries(table)) {
        if (isMapping(words) && Object.hasOwn(words, PROTO)) issues.add(['inputs', key, field, PROTO], 'this word cannot be mapped (it is a reserved name)');
      }
    }
  }
  const schedules = isMapping(input.schedules) ? input.schedules : {};
  return Object.hasOwn(schedules, PROTO) ? { schedule: schedules[PROTO] } : {};
}

const documentKeys = knownKeysOf(policyDocumentSchema);

function parseDocument(input: unknown, source: string, locate?: Locate): PolicyDocument {
  documentSchema ??= policyDocumentSchema();
  const issues = new Issues();
  const proto = protoKeys(input, issues);
  const parsed = documentSchema.safeParse(input ?? {}, { reportInput: true });
  if (!parsed.success) issues.addAll(zodIssues(parsed.error.issues, [], documentKeys));
  let protoSchedule: PolicyDocument['schedules'][string] | undefined;
  if ('schedule' in proto) {
    const one = scheduleSchema().safeParse(proto.schedule, { reportInput: true });
    if (one.success) protoSchedule = one.data;
    else issues.addAll(zodIssues(one.error.issues, ['schedules', PROTO]));
  }
  if (!issues.ok || !parsed.success) throw invalidPolicy(source, issues.lines(locate));
  const doc = parsed.data;
  // Schedule names are looked up by the rules that name them: no prototype to find `toString` in.
  const schedules: PolicyDocument['schedules'] = Object.assign(Object.create(null), doc.schedules);
  if (protoSchedule !== undefined) schedules[PROTO] = protoSchedule;
  return { ...doc, schedules };
}

/**
 * Resolves a parsed YAML/JSON value; an empty document is the built-in policy. `locate` names
 * the line and column of a problem in the policy's text.
 */
export function resolvePolicy(input: unknown, source: string, locate?: Locate): Policy {
  const doc = parseDocument(input, source, locate);
  const inherits = doc.extends === 'built-in';
  builtinDocument ??= parseDocument(DEFAULT_DOCUMENT, 'built-in');
  const issues = new Issues();
  const schedules: Record<string, Schedule> = Object.create(null);
  const written: PolicyDocument['schedules'] = Object.assign(Object.create(null), inherits ? builtinDocument.schedules : {}, doc.schedules);
  for (const [name, s] of Object.entries(written)) schedules[name] = resolveSchedule(name, s, doc.timezone, issues);
  const rules = resolveRules(doc.rules as Record<string, unknown>[], doc.extends, schedules, issues);
  // What reading the exports would refuse in the mapping is refused here, before any file is opened.
  if (doc.inputs) issues.addAll(inputsIssues(doc.inputs, isMapping(input) && typeof input.inputs === 'string' ? ['inputs'] : ['inputs', 'preset']));
  // The score is a weighted mean: with every weight 0 it is 0 ÷ 0, a number nobody can act on.
  const scored = rules.filter((r) => r.severity !== 'off');
  if (scored.length > 0 && scored.every((r) => r.weight === 0)) {
    issues.add(['rules'], 'every rule that runs has weight 0, so there is no score; give at least one a weight above 0');
  }
  if (!issues.ok) throw invalidPolicy(source, issues.lines(locate));
  return {
    name: doc.name ?? (source === 'built-in' ? BUILTIN_NAME : basename(source)),
    source,
    timezone: doc.timezone,
    timezone_set: !isUtcName(doc.timezone),
    schedules,
    inputs: doc.inputs ?? {},
    exclude_tags: doc.exclude_tags,
    ...(doc.ticket_url !== undefined ? { ticket_url: doc.ticket_url } : {}),
    rules,
    gate: doc.gate,
  };
}
