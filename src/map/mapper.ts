// The mapping engine (the map stage, docs/architecture.md): a preset is compiled against a file's header once (which
// column feeds which canonical field, with a reader per column); the row loop that then touches
// only the bound cells is row-mapper.ts.

import { InputError } from '../errors.js';
import { normalizeHeader } from '../read/header.js';
import { cellText, type ProblemFinding } from '../findings.js';
import type { Message, Ticket } from '../types.js';
import type { LatestTimes } from './latest-times.js';
import type { PresetSpec } from './preset.js';
import type { ProblemSink } from './problems.js';
import { RowMapper, type Fallback } from './row-mapper.js';
import { fieldKinds, findColumn, K_TAGS, Slot } from './slots.js';
import { TimestampReader } from './timestamp-reader.js';

export type { ProblemSink } from './problems.js';
export { presetWithInputs } from './preset-inputs.js';

export interface FieldBinding {
  field: string;
  /** The header as written in the file. */
  column: string;
  index: number;
}

export interface MapContext {
  fileIndex: number;
  zone: string;
  dateOrder?: 'DMY' | 'MDY';
  /** The audit's latest event timestamps (as_of and its outliers): every event time is noted there. */
  times: LatestTimes;
  /** Line of the header in the file (blank lines before it move it down); default 1. */
  headerLine?: number;
  /** Bound fields whose cells are not read (fields.ts ON_DEMAND that no rule of the audit needs). */
  unread?: readonly string[];
}

export interface Mapper {
  kind: 'tickets' | 'messages';
  preset: PresetSpec;
  /** Canonical field → column used. */
  bindings: FieldBinding[];
  /** Canonical fields the preset knows but the header lacks, then canonical fields no source could fill. */
  missing: string[];
  /** Problems with the header itself (a bound column whose name is repeated), for the file's sink. */
  headerProblems: ProblemFinding[];
  /** Returns null when the record is unusable (counted as skipped by the caller; the problem is already in the sink). */
  mapTicket(row: string[], line: number, sink: ProblemSink): Ticket | null;
  mapMessage(row: string[], line: number, sink: ProblemSink): Message | null;
  /** The file's timestamp readers, each once, in column order (their state carries across rows). */
  timeReaders(): TimestampReader[];
  /** The columns whose cells the mapping reads (the others need not be decoded). */
  columnsRead(): number[];
}

/** Fields without which a record of this kind cannot be used at all. */
function requiredFields(preset: PresetSpec): string[] {
  if (preset.kind === 'tickets') return ['id', 'created_at'];
  const threading = preset.messages?.threading ?? 'conversation';
  return threading === 'conversation' ? ['conversation_id', 'at', 'author_role'] : ['id', 'in_reply_to', 'at', 'author_role'];
}

function describeSources(columns: (string | RegExp)[] | undefined): string {
  if (!columns || columns.length === 0) return 'no column (the preset has no source for it)';
  return columns.map((c) => (typeof c === 'string' ? `'${c}'` : String(c))).join(', ');
}

function describeHeader(header: string[]): string {
  const shown = header
    .slice(0, 12)
    .map((h) => `'${h}'`)
    .join(', ');
  return header.length > 12 ? `${shown}, … (${header.length} columns)` : shown;
}

export function compileMapper(header: string[], preset: PresetSpec, ctx: MapContext): Mapper {
  const kinds = fieldKinds(preset.kind);
  const sources = (preset.kind === 'tickets' ? preset.fields : preset.messages?.fields) ?? {};
  const normalized = header.map(normalizeHeader);
  const fileTime = new TimestampReader({ format: preset.timestampFormat, zone: ctx.zone, dateOrder: ctx.dateOrder ?? preset.dateOrder });
  const columnTime = (src: { format?: PresetSpec['timestampFormat'] }) =>
    new TimestampReader({ format: src.format!, zone: ctx.zone, dateOrder: ctx.dateOrder ?? preset.dateOrder });

  const slots: Slot[] = [];
  const missing: string[] = [];
  const fallbacks: Fallback[] = [];
  for (const [field, source] of Object.entries(sources)) {
    const kind = kinds[field];
    if (!kind || !source || field === 'csat_good') continue;
    const index = findColumn(source.columns, normalized, normalizeHeader);
    if (source.fallback !== undefined) fallbacks.push({ field, value: source.fallback, bound: index >= 0 });
    if (index >= 0) slots.push(new Slot(field, header[index], index, kind, source, fileTime, columnTime));
    else if (source.fallback === undefined) missing.push(field);
  }
  for (const field of Object.keys(kinds)) {
    if (field !== 'csat_good' && !(field in sources)) missing.push(field);
  }
  for (const field of requiredFields(preset)) {
    if (slots.some((s) => s.field === field)) continue;
    const what = preset.kind === 'tickets' ? 'ticket' : 'message';
    throw new InputError(
      `no column for the ${what} field ${field}: looked for ${describeSources(sources[field as keyof typeof sources]?.columns)} (preset ${preset.id}), found ${describeHeader(header)}.`,
      undefined,
      'missing-column',
    );
  }
  const mapper = new RowMapper(preset, header.length, slots, missing, ctx, fallbacks);
  mapper.headerProblems = repeatedColumns(header, normalized, slots, ctx.headerLine ?? 1);
  return mapper;
}

/**
 * A bound column whose name appears again in the header. Repeated tag columns are how Jira writes
 * several labels: they are all read. Any other repeat is ambiguous: the first column is read and
 * the repeat is reported, so the ignored column is never a silent drop.
 */
function repeatedColumns(header: string[], normalized: string[], slots: Slot[], line: number): ProblemFinding[] {
  const problems: ProblemFinding[] = [];
  for (const slot of slots) {
    const name = normalized[slot.index];
    const others: number[] = [];
    for (let i = 0; i < normalized.length; i++) if (i !== slot.index && normalized[i] === name) others.push(i);
    if (others.length === 0) continue;
    if (slot.kind === K_TAGS) {
      slot.more = others;
      continue;
    }
    const positions = [slot.index, ...others].map((i) => i + 1);
    problems.push({ code: 'duplicate-column', line, column: header[slot.index], name: cellText(header[slot.index]), positions, field: slot.field });
  }
  return problems;
}
