// One input file from bytes to canonical tickets: read → detect preset → map → (assemble).
// Shared by `audit`, `explain` and `inspect`; it hands tickets to a callback and keeps only the
// file's summary, so the caller decides what to aggregate.

import { ConversationAssembler } from './assemble/conversations.js';
import { InputError, StrictError } from './errors.js';
import { ProblemList } from './problem-list.js';
import { detectPreset } from './map/detect.js';
import type { SeenIds } from './map/id-set.js';
import { compileMapper, presetWithInputs, type Mapper } from './map/mapper.js';
import type { PresetSpec } from './map/preset.js';
import { PRESETS } from './map/presets/index.js';
import type { InputsConfig } from './policy/types.js';
import { openCsv, type CsvBatch, type CsvSource, type Delimiter } from './read/open-csv.js';
import type { InputSummary, Ticket } from './types.js';

export { MAX_PROBLEMS_LISTED } from './problem-list.js';

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
  /** Reads a file another way when it can (parallel byte ranges); else it is read in one pass. */
  reader?: FileReader;
  /** Mapped fields whose cells need not be read (MapContext.unread). */
  unread?: readonly string[];
  /**
   * Told the file's mapping once it is compiled, before any record is read; returns the indices
   * of the policy rules its tickets need not be judged by (see Scorecard.rulesLacking).
   */
  onMapped?: (mapper: Mapper) => number[];
}

export interface IngestedFile {
  summary: InputSummary;
  mapper: Mapper;
  detection: { preset: PresetSpec; score: number; candidates: { id: string; score: number }[] };
  zone: string;
  dialect: { encoding: string; delimiter: string };
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
  try {
    return await namingFile(path, () => ingestSource(path, source, fileIndex, opts, onTicket));
  } catch (err) {
    // Stop reading: the file's parser holds this thread's csv-parse tokenizer until then.
    source.close();
    throw err;
  }
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

/** A file whose header is read and mapping compiled, before any record: what a reader starts from. */
export interface OpenedFile {
  path: string;
  fileIndex: number;
  source: CsvSource;
  mapper: Mapper;
  detection: IngestedFile['detection'];
  zone: string;
  problems: ProblemList;
  onTicket: (t: Ticket) => void;
  /** Policy rules (indices) this file's tickets are not judged by: IngestOptions.onMapped. */
  skipRules: number[];
  /** The source's batches; `pending` ones (already pulled, e.g. to look at) come first. */
  batches: AsyncIterator<CsvBatch>;
  pending: CsvBatch[];
}

/**
 * Another way to read an opened file (parallel byte ranges, src/parallel/): the file's result, or
 * undefined to have it read here, in one pass, after any batches it left in `pending`.
 */
export type FileReader = (file: OpenedFile, opts: IngestOptions) => Promise<IngestedFile | undefined>;

/** Preset detection and the compiled mapper for a header (also what each parallel reader rebuilds). */
export function prepareMapping(header: string[], headerLine: number, opts: IngestOptions, fileIndex: number) {
  const forced = opts.preset ?? opts.inputs.preset;
  let detection: IngestedFile['detection'];
  if (!forced && opts.inputs.columns && hasMapping(opts.inputs)) {
    // A policy that maps its own columns and names no preset describes a custom layout.
    const preset = presetWithInputs(undefined, opts.inputs);
    detection = { preset, score: 1, candidates: [{ id: preset.id, score: 1 }] };
  } else {
    detection = detectPreset(header, PRESETS, forced);
    if (hasMapping(opts.inputs)) detection = { ...detection, preset: presetWithInputs(detection.preset, opts.inputs) };
  }
  const preset = detection.preset;
  const zone = opts.timezone ?? opts.inputs.timezone ?? preset.timezone ?? 'UTC';
  const mapper = compileMapper(header, preset, {
    fileIndex,
    zone,
    dateOrder: opts.dateOrder ?? opts.inputs.date_order ?? preset.dateOrder,
    asOf: opts.asOf,
    seenIds: opts.seenIds,
    headerLine,
    unread: opts.unread,
  });
  return { detection, zone, mapper };
}

async function ingestSource(
  path: string,
  source: CsvSource,
  fileIndex: number,
  opts: IngestOptions,
  onTicket: (t: Ticket) => void,
): Promise<IngestedFile> {
  const { detection, zone, mapper } = prepareMapping(source.header, source.headerLine, opts, fileIndex);
  const problems = new ProblemList(path, opts.strict);
  for (const p of mapper.headerProblems) problems.add(p);
  // Records already parsed keep every cell; from here on only the mapped columns are decoded.
  source.decodeOnly(mapper.columnsRead());
  const file: OpenedFile = {
    path, fileIndex, source, mapper, detection, zone, problems, onTicket, skipRules: opts.onMapped?.(mapper) ?? [],
    batches: source.batches()[Symbol.asyncIterator](), pending: [],
  };
  if (opts.reader) {
    const done = await opts.reader(file, opts);
    if (done) return done;
  }
  const preset = detection.preset;
  const assembler =
    mapper.kind === 'messages' ? new ConversationAssembler(preset.messages?.threading ?? 'conversation', {}) : undefined;

  let rows = 0;
  let used = 0;
  for (;;) {
    const next = file.pending.shift() ?? (await nextBatch(file.batches));
    if (!next) break;
    const { rows: records, lines } = next;
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
  return fileResult(file, rows, used);
}

async function nextBatch(batches: AsyncIterator<CsvBatch>): Promise<CsvBatch | undefined> {
  const r = await batches.next();
  return r.done ? undefined : r.value;
}

/** The file's result once every record went through `file.mapper` (or was merged into it). */
export function fileResult(file: OpenedFile, rows: number, used: number): IngestedFile {
  return {
    summary: {
      path: file.path,
      format: file.detection.preset.id,
      rows,
      used,
      skipped: rows - used,
      problems: file.problems.shown(),
      problem_counts: file.problems.counts,
    },
    mapper: file.mapper,
    detection: file.detection,
    zone: file.zone,
    dialect: { encoding: file.source.encoding, delimiter: file.source.delimiter },
  };
}

/** Canonical fields the ingested files can provide (what rules may rely on). */
export function availableFields(files: Pick<IngestedFile, 'mapper'>[]): Set<string> {
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
