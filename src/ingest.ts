// One input file from bytes to canonical tickets: read → detect preset → map → (assemble).
// Shared by `audit`, `explain` and `inspect`; it hands tickets to a callback and keeps only the
// file's summary, so the caller decides what to aggregate.

import { InputError, StrictError } from './errors.js';
import { ProblemList } from './problem-list.js';
import { detectPreset } from './map/detect.js';
import { dataZone, type DataZone, type ZoneSettings } from './map/data-zone.js';
import type { LatestTimes } from './map/latest-times.js';
import { compileMapper, presetWithInputs, type Mapper } from './map/mapper.js';
import type { PresetSpec } from './map/preset.js';
import { PRESETS } from './map/presets/index.js';
import type { InputsConfig, Policy } from './policy/types.js';
import { reportTextTrouble } from './map/text-trouble.js';
import { openCsv, type CsvBatch, type CsvSource, type Delimiter, type Encoding, type EncodingChoice } from './read/open-csv.js';
import { problemMessage } from './render/findings.js';
import type { ProblemFinding } from './findings.js';
import type { InputSummary, Message, Problem, Ticket } from './types.js';

export interface IngestOptions {
  /** `--preset`, else the policy's `inputs.preset`. */
  preset?: string;
  /** The policy's `inputs` mapping (aliases, value maps, formats). */
  inputs: InputsConfig;
  /** What sets the zone of timestamps without an offset (map/data-zone.ts). */
  zones: ZoneSettings;
  dateOrder?: 'DMY' | 'MDY';
  delimiter?: Delimiter;
  /** `--encoding`, else the policy's `inputs.encoding`: for files without a byte-order mark. */
  encoding?: EncodingChoice;
  strict: boolean;
  /** The audit's latest event timestamps: every event time read is noted there (as_of). */
  times: LatestTimes;
  stdin?: NodeJS.ReadableStream;
  /** Sees stdin's bytes as they are read (to keep a copy for a second reading). */
  tee?: (chunk: Buffer) => void;
  /** Records read so far, and the input's bytes read so far (for progress). */
  onRows?: (rows: number, bytes: number) => void;
  /** Reads a file another way when it can (parallel byte ranges); else it is read in one pass. */
  reader?: FileReader;
  /** Mapped fields whose cells need not be read (MapContext.unread). */
  unread?: readonly string[];
  /** Told the file's mapping once it is compiled, before any record is read. */
  onMapped?: (mapper: Mapper) => void;
}

/** What every command that reads exports needs: the files, the policy and the reading flags. */
export interface InputRequest {
  files: string[];
  policy: Policy;
  preset?: string;
  timezone?: string;
  dateOrder?: 'DMY' | 'MDY';
  delimiter?: Delimiter;
  /** `--encoding`: for files without a byte-order mark (else the policy's inputs.encoding, else detected). */
  encoding?: Encoding;
  stdin?: NodeJS.ReadableStream;
}

/** `--encoding`, else the policy's `inputs.encoding`, with where it came from. */
export function encodingChoice(req: Pick<InputRequest, 'encoding' | 'policy'>): EncodingChoice | undefined {
  if (req.encoding) return { encoding: req.encoding, source: 'flag' };
  const fromPolicy = req.policy.inputs.encoding;
  return fromPolicy ? { encoding: fromPolicy, source: 'policy' } : undefined;
}

/** The ingest options a command's flags and policy give: where each setting's precedence is decided. */
export function ingestOptions(req: InputRequest, strict: boolean): Omit<IngestOptions, 'times'> {
  const { policy } = req;
  return {
    preset: req.preset,
    inputs: policy.inputs,
    zones: { flag: req.timezone, inputs: policy.inputs.timezone, policy: policy.timezone_set ? policy.timezone : undefined },
    dateOrder: req.dateOrder,
    delimiter: req.delimiter,
    encoding: encodingChoice(req),
    strict,
    stdin: req.stdin,
  };
}

/** Where a file's mapped records go. */
export interface RecordTarget {
  ticket(t: Ticket): void;
  message(m: Message): void;
  /** After each batch of records. */
  batch?(): void;
}

export interface IngestedFile {
  path: string;
  /** Data records read, and those that gave a ticket or message. */
  rows: number;
  used: number;
  problems: ProblemList;
  mapper: Mapper;
  detection: { preset: PresetSpec; score: number; candidates: { id: string; score: number }[] };
  zone: DataZone;
  /** Timestamps read as wall times in `zone.zone` (written without an offset). */
  wallTimes: number;
  dialect: { encoding: string; encoding_source: string; delimiter: string };
}

function hasMapping(inputs: InputsConfig): boolean {
  return Boolean(inputs.columns || inputs.values || inputs.timestamp_format || inputs.duration_unit || inputs.empty || inputs.date_order);
}

/**
 * Reads one input into `target`. `from`: read these bytes instead of `path`'s (a copy of stdin
 * read again), or an input already opened (peekKind).
 */
export async function ingestFile(path: string, fileIndex: number, opts: IngestOptions, target: RecordTarget, from?: string | CsvSource): Promise<IngestedFile> {
  const source =
    typeof from === 'object' ? from : await openCsv(from ?? path, { delimiter: opts.delimiter, encoding: opts.encoding, stdin: opts.stdin, tee: opts.tee });
  try {
    return await namingFile(path, () => ingestSource(path, source, fileIndex, opts, target));
  } catch (err) {
    // Stop reading and release the file.
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
  zone: DataZone;
  problems: ProblemList;
  target: RecordTarget;
  /** The source's batches; `pending` ones (already pulled, e.g. to look at) come first. */
  batches: AsyncIterator<CsvBatch>;
  pending: CsvBatch[];
}

/**
 * Another way to read an opened file (parallel byte ranges, src/parallel/): the file's result, or
 * undefined to have it read here, in one pass, after any batches it left in `pending`.
 */
export type FileReader = (file: OpenedFile, opts: IngestOptions) => Promise<IngestedFile | undefined>;

/** The export's layout from its header: `--preset`, the policy's inputs, or detection. */
export function detectLayout(header: string[], opts: Pick<IngestOptions, 'preset' | 'inputs'>): IngestedFile['detection'] {
  const forced = opts.preset ?? opts.inputs.preset;
  if (!forced && opts.inputs.columns && hasMapping(opts.inputs)) {
    // A policy that maps its own columns and names no preset describes a custom layout.
    const preset = presetWithInputs(undefined, opts.inputs);
    return { preset, score: 1, candidates: [{ id: preset.id, score: 1 }] };
  }
  const detection = detectPreset(header, PRESETS, forced);
  return hasMapping(opts.inputs) ? { ...detection, preset: presetWithInputs(detection.preset, opts.inputs) } : detection;
}

/**
 * Whether an input holds tickets or messages, from its header. A file is closed again (read later
 * from the start); stdin cannot be, so its opened source comes back to be read from.
 */
export async function peekKind(path: string, opts: IngestOptions): Promise<{ kind: 'tickets' | 'messages'; source?: CsvSource }> {
  const source = await namingFile(path, () => openCsv(path, { delimiter: opts.delimiter, encoding: opts.encoding, stdin: opts.stdin, tee: opts.tee }));
  let kind: 'tickets' | 'messages';
  try {
    kind = (await namingFile(path, async () => detectLayout(source.header, opts))).preset.kind;
  } catch (err) {
    source.close();
    throw err;
  }
  if (path === '-') return { kind, source };
  source.close();
  return { kind };
}

/** Preset detection and the compiled mapper for a header (also what each parallel reader rebuilds). */
export function prepareMapping(header: string[], headerLine: number, opts: IngestOptions, fileIndex: number) {
  const detection = detectLayout(header, opts);
  const preset = detection.preset;
  const zone = dataZone(opts.zones, preset.timezone);
  const mapper = compileMapper(header, preset, {
    fileIndex,
    zone: zone.zone,
    dateOrder: opts.dateOrder ?? opts.inputs.date_order ?? preset.dateOrder,
    times: opts.times,
    headerLine,
    unread: opts.unread,
  });
  return { detection, zone, mapper };
}

async function ingestSource(path: string, source: CsvSource, fileIndex: number, opts: IngestOptions, target: RecordTarget): Promise<IngestedFile> {
  const { detection, zone, mapper } = prepareMapping(source.header, source.headerLine, opts, fileIndex);
  const problems = new ProblemList(path, opts.strict);
  if (source.headerTrouble !== 0) reportTextTrouble(problems, source.headerTrouble, source.headerLine, source.encoding);
  for (const p of mapper.headerProblems) problems.add(p);
  // Records already parsed keep every cell; from here on only the mapped columns are decoded.
  source.decodeOnly(mapper.columnsRead());
  opts.onMapped?.(mapper);
  const file: OpenedFile = {
    path,
    fileIndex,
    source,
    mapper,
    detection,
    zone,
    problems,
    target,
    batches: source.batches()[Symbol.asyncIterator](),
    pending: [],
  };
  if (opts.reader) {
    const done = await opts.reader(file, opts);
    if (done) return done;
  }
  let rows = 0;
  let used = 0;
  for (;;) {
    const next = file.pending.shift() ?? (await nextBatch(file.batches));
    if (!next) break;
    used += mapRecords(mapper, next, problems, target, source.encoding);
    rows += next.rows.length;
    opts.onRows?.(rows, source.bytesRead());
  }
  return fileResult(file, rows, used);
}

/**
 * One batch of records through the file's mapping into `target`: the row loop of every reader
 * (one pass here, a byte range in parallel/range.ts). Returns the records used.
 */
export function mapRecords(mapper: Mapper, batch: CsvBatch, problems: ProblemList, target: RecordTarget, encoding: Encoding): number {
  const { rows: records, lines, trouble } = batch;
  let used = 0;
  // Records with bytes that are not text in the encoding, in row order: reported before the row's own problems.
  let t = 0;
  const textTrouble = (i: number) => {
    if (trouble !== null && t < trouble.length && trouble[t].row === i) reportTextTrouble(problems, trouble[t++].kinds, lines[i], encoding);
  };
  if (mapper.kind === 'messages') {
    for (let i = 0; i < records.length; i++) {
      textTrouble(i);
      const m = mapper.mapMessage(records[i], lines[i], problems);
      if (m) {
        target.message(m);
        used++;
      }
    }
  } else {
    for (let i = 0; i < records.length; i++) {
      textTrouble(i);
      const ticket = mapper.mapTicket(records[i], lines[i], problems);
      if (ticket) {
        target.ticket(ticket);
        used++;
      }
    }
  }
  target.batch?.();
  return used;
}

async function nextBatch(batches: AsyncIterator<CsvBatch>): Promise<CsvBatch | undefined> {
  const r = await batches.next();
  return r.done ? undefined : r.value;
}

/** The file's result once every record went through `file.mapper` (or was merged into it). */
export function fileResult(file: OpenedFile, rows: number, used: number, wallTimes = 0): IngestedFile {
  return {
    path: file.path,
    rows,
    used,
    problems: file.problems,
    mapper: file.mapper,
    detection: file.detection,
    zone: file.zone,
    wallTimes: wallTimes + file.mapper.timeReaders().reduce((n, r) => n + r.wallTimes, 0),
    dialect: { encoding: file.source.encoding, encoding_source: file.source.encodingSource, delimiter: file.source.delimiter },
  };
}

/** A problem as the report lists it: its place, its code and its sentence (render/findings.ts). */
function problemReport(p: ProblemFinding): Problem {
  return { code: p.code, line: p.line, ...(p.column !== undefined ? { column: p.column } : {}), message: problemMessage(p) };
}

/** The file's `inputs[]` entry of the report, with what the reading set aside or joined (`counts`). */
export function inputSummary(f: IngestedFile, counts: { replaced?: number; after_as_of?: number; joined?: number } = {}): InputSummary {
  return {
    path: f.path,
    format: f.detection.preset.id,
    encoding: f.dialect.encoding,
    encoding_source: f.dialect.encoding_source,
    rows: f.rows,
    used: f.used,
    skipped: f.rows - f.used,
    problems: f.problems.shown().map(problemReport),
    problem_counts: f.problems.counts,
    timezone: f.zone.zone,
    timezone_source: f.zone.source,
    local_times: f.wallTimes,
    replaced: counts.replaced ?? 0,
    after_as_of: counts.after_as_of ?? 0,
    ...(counts.joined !== undefined ? { joined: counts.joined } : {}),
  };
}

/** Canonical fields the ingested files can provide (what rules may rely on). */
export function availableFields(files: Pick<IngestedFile, 'mapper'>[]): Set<string> {
  const out = new Set<string>();
  for (const f of files) {
    for (const b of f.mapper.bindings) out.add(b.field);
    if (f.mapper.kind === 'messages') {
      for (const field of [
        'id',
        'created_at',
        'first_response_at',
        'updated_at',
        'agent',
        'requester',
        'agent_replies',
        'outbound',
        'agent_update_times',
        'reply_pairs',
        'last_agent_update_at',
      ]) {
        out.add(field);
      }
    }
  }
  return out;
}
