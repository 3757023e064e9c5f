// A policy document (already read from YAML/JSON) → the resolved Policy, or a PolicyError that
// lists every problem with its path. Nothing here reads data: validation comes first.

import { basename } from 'node:path';
import { PolicyError } from '../errors.js';
import { BUILTIN_NAME, DEFAULT_DOCUMENT } from './default-document.js';
import { Issues, zodIssueLines } from './issues.js';
import { resolveRules } from './resolve-rules.js';
import { resolveSchedule } from './resolve-schedule.js';
import { policyDocumentSchema, type PolicyDocument } from './schema.js';
import { isUtcName } from '../zone.js';
import type { Policy, Schedule } from './types.js';

let documentSchema: ReturnType<typeof policyDocumentSchema> | undefined;
let builtinDocument: PolicyDocument | undefined;

export function invalidPolicy(source: string, lines: string[]): PolicyError {
  const where = source === 'built-in' ? 'the built-in policy' : `policy file ${source}`;
  const count = lines.length === 1 ? 'one problem' : `${lines.length} problems`;
  return new PolicyError(`${where} is not valid (${count}):`, lines);
}

function parseDocument(input: unknown, source: string): PolicyDocument {
  documentSchema ??= policyDocumentSchema();
  const parsed = documentSchema.safeParse(input ?? {}, { reportInput: true });
  if (!parsed.success) throw invalidPolicy(source, zodIssueLines(parsed.error.issues));
  return parsed.data;
}

/** Resolves a parsed YAML/JSON value; an empty document is the built-in policy. */
export function resolvePolicy(input: unknown, source: string): Policy {
  const doc = parseDocument(input, source);
  const inherits = doc.extends === 'built-in';
  builtinDocument ??= parseDocument(DEFAULT_DOCUMENT, 'built-in');
  const issues = new Issues();
  const schedules: Record<string, Schedule> = {};
  const written = { ...(inherits ? builtinDocument.schedules : {}), ...doc.schedules };
  for (const [name, s] of Object.entries(written)) schedules[name] = resolveSchedule(name, s, doc.timezone, issues);
  const rules = resolveRules(doc.rules as Record<string, unknown>[], doc.extends, schedules, issues);
  if (!issues.ok) throw invalidPolicy(source, issues.lines);
  return {
    name: doc.name ?? (source === 'built-in' ? BUILTIN_NAME : basename(source)),
    source,
    timezone: doc.timezone,
    timezone_set: !isUtcName(doc.timezone),
    schedules,
    inputs: doc.inputs ?? {},
    exclude_tags: doc.exclude_tags,
    rules,
    gate: doc.gate,
  };
}
