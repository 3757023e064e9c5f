// A policy's `inputs` mapping (docs/policy.md "inputs") laid over a preset, or a custom preset made from it
// alone. The user's column names come before the preset's (first present wins), value maps
// override the preset's per key, and a custom preset also looks for each canonical field under
// its own name (`created_at` or `created at`), so a file in canonical columns needs no mapping.

import { didYouMean } from '../did-you-mean.js';
import { PolicyError } from '../errors.js';
import type { Path, PolicyIssue } from '../policy/issues.js';
import type { InputsConfig } from '../policy/types.js';
import type { FieldSource, PresetSpec } from './preset.js';
import { PRESETS } from './presets/index.js';
import { fieldKinds } from './slots.js';

const MESSAGE_ONLY = ['at', 'author_role', 'conversation_id', 'in_reply_to', 'author', 'public'];

function copySources(fields: Partial<Record<string, FieldSource>> | undefined): Record<string, FieldSource> {
  const out: Record<string, FieldSource> = {};
  for (const [field, src] of Object.entries(fields ?? {})) {
    if (src) out[field] = { ...src, columns: [...src.columns], ...(src.values ? { values: { ...src.values } } : {}) };
  }
  return out;
}

function unknownField(path: string, field: string, kind: string, known: string[]): PolicyError {
  return new PolicyError(`${path}.${field}: ${notCanonical(field, kind, known)}`, [`${path}.${field}`]);
}

function notCanonical(field: string, kind: string, known: string[]): string {
  const guess = didYouMean(field, known);
  return `not a canonical ${kind} field${guess || ` (known: ${known.join(', ')})`}`;
}

/** Tickets or messages: the base preset's kind, else messages when the columns name a message-only field. */
function mappingKind(base: PresetSpec | undefined, columns: Record<string, unknown>): 'tickets' | 'messages' {
  return base?.kind ?? (Object.keys(columns).some((f) => MESSAGE_ONLY.includes(f)) ? 'messages' : 'tickets');
}

function knownFields(kind: 'tickets' | 'messages'): string[] {
  return Object.keys(fieldKinds(kind)).filter((f) => f !== 'csat_good');
}

/** A built-in preset by id, as `--preset` matches it (case and surrounding spaces ignored). */
export function presetById(id: string): PresetSpec | undefined {
  const want = id.trim().toLowerCase();
  return PRESETS.find((p) => p.id.toLowerCase() === want);
}

export function unknownPresetText(id: string): string {
  const ids = PRESETS.map((p) => p.id);
  return `unknown preset "${id}"${didYouMean(id, ids)}: known presets are ${ids.join(', ')}`;
}

/**
 * What reading an export would refuse in a policy's `inputs`, found before any file is read: an
 * unknown preset, a column or value mapping for a field the layout does not have. The kind
 * (tickets or messages) is the one presetWithInputs gives; with neither a preset nor columns it
 * comes from the detected layout, so a field either kind has is left for the reading to judge.
 * `presetPath` is where the preset id is written (`inputs` when `inputs: zendesk`).
 */
export function inputsIssues(inputs: InputsConfig, presetPath: Path): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  let base: PresetSpec | undefined;
  if (inputs.preset !== undefined) {
    base = presetById(inputs.preset);
    if (!base) return [{ path: presetPath, message: unknownPresetText(inputs.preset) }];
  }
  const columns = inputs.columns ?? {};
  const kinds = base || inputs.columns ? [mappingKind(base, columns)] : (['tickets', 'messages'] as const);
  const known = kinds.flatMap(knownFields);
  const what = kinds.length === 1 ? (kinds[0] === 'tickets' ? 'ticket' : 'message') : 'ticket or message';
  for (const key of ['columns', 'values'] as const) {
    for (const field of Object.keys(inputs[key] ?? {})) {
      if (!known.includes(field)) issues.push({ path: ['inputs', key, field], message: notCanonical(field, what, [...new Set(known)]) });
    }
  }
  return issues;
}

export function presetWithInputs(base: PresetSpec | undefined, inputs: InputsConfig): PresetSpec {
  const columns = inputs.columns ?? {};
  const kind = mappingKind(base, columns);
  const kinds = fieldKinds(kind);
  const known = knownFields(kind);
  const what = kind === 'tickets' ? 'ticket' : 'message';
  const fields = copySources(kind === 'tickets' ? base?.fields : base?.messages?.fields);

  if (!base) {
    for (const field of known) fields[field] = { columns: [field, field.replace(/_/g, ' ')] };
  }
  for (const [field, names] of Object.entries(columns)) {
    if (!known.includes(field)) throw unknownField('inputs.columns', field, what, known);
    const previous = fields[field];
    fields[field] = { ...previous, columns: [...names, ...(previous?.columns ?? [])] };
    const k = kinds[field];
    if (k.kind === 'duration' && inputs.duration_unit) fields[field].unit = inputs.duration_unit;
  }
  for (const [field, map] of Object.entries(inputs.values ?? {})) {
    if (!known.includes(field)) throw unknownField('inputs.values', field, what, known);
    // The user's words (a vendor value may be called `__proto__`): no prototype to assign into.
    const lowered: Record<string, string> = Object.create(null);
    for (const [from, to] of Object.entries(map)) lowered[from.trim().toLowerCase()] = to;
    const previous = fields[field] ?? { columns: [] };
    fields[field] = { ...previous, values: { ...previous.values, ...lowered } };
  }
  if (inputs.duration_unit) {
    // A preset's own unit is a fact about the vendor's column; the policy's unit fills only the gaps.
    for (const [field, src] of Object.entries(fields)) {
      if (kinds[field]?.kind === 'duration' && (!base || src.unit === undefined)) src.unit = inputs.duration_unit;
    }
  }

  const threading = base?.messages?.threading ?? ('in_reply_to' in columns ? 'reply-links' : 'conversation');
  return {
    ...base,
    id: base?.id ?? 'custom',
    label: base ? `${base.label} with policy inputs` : 'Custom layout (policy inputs)',
    kind,
    confidence: base?.confidence ?? 'assumed',
    source: base?.source ?? 'the policy file',
    detect: base?.detect ?? { required: [] },
    timestampFormat: inputs.timestamp_format ?? base?.timestampFormat ?? 'auto',
    dateOrder: inputs.date_order ?? base?.dateOrder,
    timezone: inputs.timezone ?? base?.timezone,
    empty: [...(base?.empty ?? []), ...(inputs.empty ?? [])],
    ...(kind === 'tickets' ? { fields, messages: undefined } : { fields: undefined, messages: { fields, threading } }),
  };
}
