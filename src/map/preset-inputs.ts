// A policy's `inputs` mapping (DESIGN §5) laid over a preset, or a custom preset made from it
// alone. The user's column names come before the preset's (first present wins), value maps
// override the preset's per key, and a custom preset also looks for each canonical field under
// its own name (`created_at` or `created at`), so a file in canonical columns needs no mapping.

import { PolicyError } from '../errors.js';
import type { InputsConfig } from '../policy/types.js';
import type { FieldSource, PresetSpec } from './preset.js';
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
  return new PolicyError(`${path}.${field}: not a canonical ${kind} field (known: ${known.join(', ')})`, [`${path}.${field}`]);
}

export function presetWithInputs(base: PresetSpec | undefined, inputs: InputsConfig): PresetSpec {
  const columns = inputs.columns ?? {};
  const kind = base?.kind ?? (Object.keys(columns).some((f) => MESSAGE_ONLY.includes(f)) ? 'messages' : 'tickets');
  const kinds = fieldKinds(kind);
  const known = Object.keys(kinds).filter((f) => f !== 'csat_good');
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
