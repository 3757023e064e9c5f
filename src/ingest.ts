// One input file from bytes to canonical tickets: read → detect preset → map → (assemble).
// Shared by `audit`, `explain` and `inspect`; it hands tickets to a callback and keeps only the
// file's summary, so the caller decides what to aggregate.

import { ConversationAssembler } from './assemble/conversations.js';
import { InputError, StrictError } from './errors.js';
import { detectPreset } from './map/detect.js';
import type { SeenIds } from './map/id-set.js';
import { compileMapper, presetWithInputs, type Mapper, type ProblemSink } from './map/mapper.js';
import type { PresetSpec } from './map/preset.js';
import { PRESETS } from './map/presets/index.js';
import type { InputsConfig } from './policy/types.js';
import { openCsv, type CsvSource, type Delimiter } from './read/open-csv.js';
import type { InputSummary, Problem, ProblemCode, Ticket } from './types.js';

/** Problems kept per file in the report; totals per code are never capped. */
export const MAX_PROBLEMS_LISTED = 1000;

export interface IngestOptions {
  /** `--preset`, else the policy's `inputs.preset`. */
  preset?: string;
  /** The policy's `inputs` mapping (aliases, value maps, formats). */
  inputs: InputsConfig;
  /** `--timezone`, else the policy's inputs/timezone; the preset's default applies when neither is set. */
  timezone?: string;
  dateOrder?: 'DMY' | 'MDY';
  delimiter?: Delimiter;
  asOf?: number;
  strict: boolean;
  seenIds: SeenIds;
  stdin?: NodeJS.ReadableStream;
  onRows?: (rows: number) => void;
}

export interface IngestedFile {
  summary: InputSummary;
  mapper: Mapper;
  detection: { preset: PresetSpec; score: number; candidates: { id: string; score: number }[] };
  zone: string;
  dialect: { encoding: string; delimiter: string };
}

class ProblemList implements ProblemSink {
  readonly listed: Problem[] = [];
  readonly counts: Partial<Record<ProblemCode, number>> = {};
  total = 0;
  constructor(private readonly path: string, private readonly strict: boolean) {}
  add(p: Problem): void {
    if (this.strict) {
      throw new StrictError(`${this.path}, line ${p.line}: ${p.message} (--strict turns every problem into an error).`, this.path, 'strict');
    }
    this.total++;
    this.counts[p.code] = (this.counts[p.code] ?? 0) + 1;
    if (this.listed.length < MAX_PROBLEMS_LISTED) this.listed.push(p);
  }
}

function hasMapping(inputs: InputsConfig): boolean {
  return Boolean(
    inputs.columns || inputs.values || inputs.timestamp_format || inputs.duration_unit || inputs.empty || inputs.date_order,
  );
}

export async function ingestFile(
  path: string,
  fileIndex: number,
  opts: IngestOptions,
  onTicket: (t: Ticket) => void,
): Promise<IngestedFile> {
  const source = await openCsv(path, { delimiter: opts.delimiter, stdin: opts.stdin });
  return namingFile(path, () => ingestSource(path, source, fileIndex, opts, onTicket));
}

/** Layout and mapping errors are found from the header alone; say which file's header. */
async function namingFile<T>(path: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof InputError && err.path === undefined && !(err instanceof StrictError)) {
      throw new InputError(err.message, path === '-' ? 'stdin' : path, err.code);
    }
    throw err;
  }
}

async function ingestSource(
  path: string,
  source: CsvSource,
  fileIndex: number,
  opts: IngestOptions,
  onTicket: (t: Ticket) => void,
): Promise<IngestedFile> {
  const forced = opts.preset ?? opts.inputs.preset;
  let detection: IngestedFile['detection'];
  if (!forced && opts.inputs.columns && hasMapping(opts.inputs)) {
    // A policy that maps its own columns and names no preset describes a custom layout.
    const preset = presetWithInputs(undefined, opts.inputs);
    detection = { preset, score: 1, candidates: [{ id: preset.id, score: 1 }] };
  } else {
    detection = detectPreset(source.header, PRESETS, forced);
    if (hasMapping(opts.inputs)) detection = { ...detection, preset: presetWithInputs(detection.preset, opts.inputs) };
  }
  const preset = detection.preset;
  const zone = opts.timezone ?? opts.inputs.timezone ?? preset.timezone ?? 'UTC';
  const mapper = compileMapper(source.header, preset, {
    fileIndex,
    zone,
    dateOrder: opts.dateOrder ?? opts.inputs.date_order ?? preset.dateOrder,
    asOf: opts.asOf,
    seenIds: opts.seenIds,
    headerLine: source.headerLine,
  });
  const problems = new ProblemList(path, opts.strict);
  for (const p of mapper.headerProblems) problems.add(p);
  const assembler =
    mapper.kind === 'messages' ? new ConversationAssembler(preset.messages?.threading ?? 'conversation', {}) : undefined;

  let rows = 0;
  let used = 0;
  for await (const batch of source.batches()) {
    const { rows: records, lines } = batch;
    for (let i = 0; i < records.length; i++) {
      if (assembler) {
        const m = mapper.mapMessage(records[i], lines[i], problems);
        if (m) {
          assembler.add(m);
          used++;
        }
      } else {
        const t = mapper.mapTicket(records[i], lines[i], problems);
        if (t) {
          onTicket(t);
          used++;
        }
      }
    }
    rows += records.length;
    opts.onRows?.(rows);
  }
  if (assembler) for (const t of assembler.finish()) onTicket(t);

  return {
    summary: {
      path,
      format: preset.id,
      rows,
      used,
      skipped: rows - used,
      problems: problems.listed,
      problem_counts: problems.counts,
    },
    mapper,
    detection,
    zone,
    dialect: { encoding: source.encoding, delimiter: source.delimiter },
  };
}

/** Canonical fields the ingested files can provide (what rules may rely on). */
export function availableFields(files: IngestedFile[]): Set<string> {
  const out = new Set<string>();
  for (const f of files) {
    for (const b of f.mapper.bindings) out.add(b.field);
    if (f.mapper.kind === 'messages') {
      for (const field of ['id', 'created_at', 'first_response_at', 'updated_at', 'agent', 'requester', 'agent_replies', 'outbound', 'agent_update_times', 'reply_pairs', 'last_agent_update_at']) {
        out.add(field);
      }
    }
  }
  return out;
}
