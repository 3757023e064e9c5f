// Reading an audit's inputs into one scorecard (docs/reading.md "Several inputs"): message exports
// first (their conversations are joined to the ticket rows with the same ids), then ticket
// exports through the intake (copies, as_of, the join: assemble/intake.ts). When copies of a
// ticket turn up, the ticket exports are read a second time with as_of known and the copies held,
// so that only the newest copy of each is judged; stdin is kept in a temporary copy for that.

import { countInput } from './assemble/per-input.js';
import { ConversationAssembler } from './assemble/conversations.js';
import { Intake, type IntakeCounts } from './assemble/intake.js';
import { atAsOf } from './assemble/at-as-of.js';
import { joinConversation } from './assemble/join.js';
import { createScorecard, type Scorecard, type ScorecardOptions } from './aggregate/scorecard.js';
import { InputError } from './errors.js';
import { availableFields, ingestFile, ingestOptions, peekKind, type IngestedFile, type IngestOptions, type InputRequest, type RecordTarget } from './ingest.js';
import type { Mapper } from './map/mapper.js';
import { LatestTimes, type AsOfDecision } from './map/latest-times.js';
import { ON_DEMAND } from './map/fields.js';
import { RangePool } from './parallel/pool.js';
import type { Policy } from './policy/types.js';
import { fieldsNeeded } from './rules/index.js';
import { DEFAULT_MIN_RANGE_BYTES, DEFAULT_MIN_SPLIT_BYTES, parallelReader, warmFor } from './parallel/reader.js';
import type { CsvSource } from './read/open-csv.js';
import { stdinCopy, type StdinCopy } from './read/stdin-copy.js';
import type { Clock } from './measure/clock.js';
import type { Ticket } from './types.js';

export interface ReadingRequest extends InputRequest {
  clocks: Record<string, Clock>;
  strict: boolean;
  /** `--as-of`. */
  asOf?: number;
  /** The scorecard's options for an as_of (undefined: not known yet); undefined when the selection must wait for as_of. */
  cardOptions: (asOf: number | undefined) => Omit<ScorecardOptions, 'clocks'> | undefined;
  jobs: number;
  onRows?: (path: string, rows: number, bytes: number) => void;
  onRanges?: (path: string, ranges: number) => void;
  /** Makes the scorecards the tickets go to (default: createScorecard; a SQL engine collects them instead). */
  createCard?: typeof createScorecard;
}

/** Per input, what the reading set aside or joined (IntakeCounts, plus the join). */
export interface ReadingCounts extends IntakeCounts {
  /** Ticket rows that took their conversation's messages; conversations joined to a ticket row. */
  joined: number[];
}

export interface Reading {
  /** By input index. */
  files: IngestedFile[];
  /** `--as-of`, else the decision's. */
  asOf: number | null;
  decision: AsOfDecision;
  counts: ReadingCounts;
  /** Whether the inputs were read twice (copies of tickets). */
  reread: boolean;
  /** Whether ticket and message exports were joined. */
  joinedInputs: boolean;
  card: Scorecard;
}

/**
 * Smallest byte range worth a thread, and smallest data worth splitting. SUPPORT_AUDIT_MIN_RANGE_BYTES
 * sets the first and makes the second twice that (tests make small files split).
 */
function splitSizes(): { minRangeBytes: number; minSplitBytes: number } {
  const set = Number(process.env.SUPPORT_AUDIT_MIN_RANGE_BYTES);
  return Number.isInteger(set) && set > 0
    ? { minRangeBytes: set, minSplitBytes: 2 * set }
    : { minRangeBytes: DEFAULT_MIN_RANGE_BYTES, minSplitBytes: DEFAULT_MIN_SPLIT_BYTES };
}

export async function readInputs(req: ReadingRequest): Promise<Reading> {
  const { policy } = req;
  const newCard = req.createCard ?? createScorecard;
  const copy = req.files.includes('-') ? stdinCopy() : undefined;
  const base: Omit<IngestOptions, 'times'> = { ...ingestOptions(req, req.strict), unread: unreadFields(req.policy), tee: copy?.tee };
  // Held tickets need every ticket on this thread, and --strict stops at the first problem in file
  // order: one pass then (no worker is started for nothing).
  const jobs = req.cardOptions(req.asOf) && !req.strict ? Math.max(1, Math.floor(req.jobs)) : 1;
  const pool =
    jobs > 1
      ? new RangePool(jobs - 1, {
          policy,
          ingest: { preset: base.preset, inputs: base.inputs, zones: base.zones, dateOrder: base.dateOrder, unread: base.unread },
        })
      : undefined;
  try {
    const { kinds, opened } = await inputKinds(req.files, base);
    const messageInputs = kinds.flatMap((k, i) => (k === 'messages' ? [i] : []));
    const ticketInputs = kinds.flatMap((k, i) => (k === 'tickets' ? [i] : []));
    const joinedInputs = messageInputs.length > 0 && ticketInputs.length > 0;
    const ctx: ReadContext = {
      req,
      base,
      files: new Array(req.files.length),
      opened,
      copy,
      pool,
      jobs,
      lastInput: [...messageInputs, ...ticketInputs].at(-1)!,
    };
    if (pool)
      await warmFor(
        pool,
        ticketInputs.map((i) => req.files[i]),
        splitSizes().minSplitBytes,
      );

    // Message exports first: every message is held until the end, where conversations are
    // assembled; their ids tell which ticket rows wait to be joined.
    const times = new LatestTimes();
    const assemblers = new Map<string, ConversationAssembler>();
    const options = req.cardOptions(req.asOf);
    const held: Ticket[] = [];
    let card = options && newCard(policy, { ...options, clocks: req.clocks });
    let sink = card ? (t: Ticket) => card!.add(t) : (t: Ticket) => void held.push(t);
    let intake = new Intake({ asOf: req.asOf }, times, (t) => sink(t));
    const read = (inputs: number[]) => readInputsInto(ctx, inputs, times, intake, assemblers, card, options);
    await read(messageInputs);
    if (joinedInputs) intake = new Intake({ asOf: req.asOf, joinIds: conversationIds(assemblers) }, times, (t) => sink(t));
    await read(ticketInputs);

    const decision = times.decide();
    const asOf = req.asOf ?? decision.asOf;
    const reread = intake.copied.size > 0;
    if (reread) {
      // Second reading: as_of and the ids with copies are known; what the first judged is dropped.
      const again = req.cardOptions(asOf ?? 0)!;
      const into = (card = newCard(policy, { ...again, clocks: req.clocks }));
      held.length = 0;
      sink = (t) => into.add(t);
      const copiesOf = intake.copied;
      const quiet = new LatestTimes();
      intake = new Intake({ asOf: asOf ?? undefined, copiesOf, joinIds: intake.joinIds }, quiet, (t) => sink(t));
      const tickets = ticketInputs.filter((i) => ctx.files[i].mapper.kind === 'tickets');
      await readInputsInto(ctx, tickets, quiet, intake, assemblers, card, again);
    } else if (!card) {
      const into = (card = newCard(policy, { ...req.cardOptions(asOf ?? 0)!, clocks: req.clocks }));
      for (const t of held) into.add(t);
      sink = (t) => into.add(t);
    }
    intake.finish(asOf);
    const counts: ReadingCounts = { replaced: intake.counts.replaced, afterAsOf: intake.counts.afterAsOf, joined: [] };
    joinConversations(assemblers, intake, asOf, sink, counts);
    return { files: ctx.files, asOf, decision, counts, reread, joinedInputs, card };
  } finally {
    await pool?.close();
    copy?.remove();
  }
}

interface ReadContext {
  req: ReadingRequest;
  base: Omit<IngestOptions, 'times'>;
  /** By input index, as they are read. */
  files: IngestedFile[];
  /** stdin, opened to look at its header. */
  opened: Map<number, CsvSource>;
  copy: StdinCopy | undefined;
  pool: RangePool | undefined;
  jobs: number;
  /** The input read last: once its mapping is known, so is every field the audit will have. */
  lastInput: number;
}

/** The on-demand vendor durations (map/fields.ts) no rule of the policy reads: bound, not read. */
function unreadFields(policy: Policy): string[] {
  const needed = fieldsNeeded(policy.rules);
  return [...ON_DEMAND].filter((f) => !needed.has(f));
}

/** What each input holds; with a single input there is nothing to order, so nothing is looked at. */
async function inputKinds(files: string[], base: Omit<IngestOptions, 'times'>): Promise<{ kinds: ('tickets' | 'messages')[]; opened: Map<number, CsvSource> }> {
  const opened = new Map<number, CsvSource>();
  if (files.length === 1) return { kinds: ['tickets'], opened };
  const kinds: ('tickets' | 'messages')[] = [];
  try {
    for (let i = 0; i < files.length; i++) {
      const peeked = await peekKind(files[i], { ...base, times: new LatestTimes() });
      kinds.push(peeked.kind);
      if (peeked.source) opened.set(i, peeked.source);
    }
  } catch (err) {
    for (const source of opened.values()) source.close();
    throw err;
  }
  return { kinds, opened };
}

function conversationIds(assemblers: Map<string, ConversationAssembler>): Set<string> {
  const ids = new Set<string>();
  for (const a of assemblers.values()) for (const id of a.conversationIds()) ids.add(id);
  return ids;
}

/**
 * Inputs in turn: tickets through `intake`, messages into the assembler of their threading; each
 * file in one pass or (--jobs) in byte ranges.
 */
async function readInputsInto(
  ctx: ReadContext,
  inputs: number[],
  times: LatestTimes,
  intake: Intake,
  assemblers: Map<string, ConversationAssembler>,
  card: Scorecard | undefined,
  options: Omit<ScorecardOptions, 'clocks'> | undefined,
): Promise<void> {
  let assembler: ConversationAssembler | undefined;
  const target: RecordTarget = {
    ticket: (t) => intake.offer(t),
    message: (m) => assembler!.add(m),
    // as_of is at or after the table's floor (never an outlier): outcomes settle as they are read.
    batch: card ? () => card.raiseFloor(times.floor) : undefined,
  };
  const { pool, req } = ctx;
  // A file joined to message exports is read in one pass: its ranges would each need the conversations' ids.
  const reader =
    pool && card && options && !intake.joins
      ? parallelReader({
          pool,
          jobs: ctx.jobs,
          card,
          intake,
          times,
          newCard: () => createScorecard(req.policy, { ...options, clocks: req.clocks }),
          ...splitSizes(),
          onRanges: req.onRanges,
        })
      : null;
  for (const i of inputs) {
    await readOne(
      ctx,
      i,
      times,
      target,
      reader,
      (mapper) => {
        if (mapper.kind !== 'messages') return;
        const threading = mapper.preset.messages?.threading ?? 'conversation';
        assembler = assemblers.get(threading) ?? new ConversationAssembler(threading, {});
        assemblers.set(threading, assembler);
      },
      card,
    );
  }
}

async function readOne(
  ctx: ReadContext,
  i: number,
  times: LatestTimes,
  target: RecordTarget,
  reader: IngestOptions['reader'] | null,
  onMapped?: (mapper: Mapper) => void,
  card?: Scorecard,
): Promise<void> {
  const { req, base, opened, copy } = ctx;
  const path = req.files[i];
  let from: string | CsvSource | undefined = opened.get(i);
  opened.delete(i);
  const again = path === '-' && ctx.files[i] !== undefined;
  if (again) {
    from = copy?.path();
    if (from === undefined) {
      throw new InputError(
        `the export has copies of tickets and must be read twice, but no copy of it could be kept (${copy?.failure() ?? 'nothing was read'}): give it as a file instead.`,
        'stdin',
      );
    }
  }
  const opts: IngestOptions = {
    ...base,
    times,
    tee: again ? undefined : base.tee,
    onRows: req.onRows ? (rows, bytes) => req.onRows!(path, rows, bytes) : undefined,
    reader: reader ?? undefined,
    onMapped: (mapper) => {
      onMapped?.(mapper);
      // Once the last input's mapping is known, so is every field the audit has.
      if (card && i === ctx.lastInput) card.inputsKnown(availableFields([...ctx.files.filter(Boolean), { mapper }]));
    },
  };
  ctx.files[i] = await ingestFile(path, i, opts, target, from);
}

/**
 * The conversations of the message exports, as of `asOf`: each joined to its ticket row when the
 * ticket exports have one, else audited on its own; ticket rows whose conversation has no message
 * before as_of are audited as they are.
 */
function joinConversations(
  assemblers: Map<string, ConversationAssembler>,
  intake: Intake,
  asOf: number | null,
  sink: (t: Ticket) => void,
  counts: ReadingCounts,
): void {
  for (const a of assemblers.values()) {
    a.repeats.forEach((n, file) => countInput(counts.replaced, file, n));
    for (const conv of a.finish(asOf)) {
      const row = intake.joining.get(conv.id);
      if (row === undefined) {
        sink(conv);
        continue;
      }
      intake.joining.delete(conv.id);
      countInput(counts.joined, row.file);
      countInput(counts.joined, conv.file);
      sink(joinConversation(row, conv));
    }
    a.afterAsOf.forEach((n, file) => countInput(counts.afterAsOf, file, n));
  }
  for (const row of [...intake.joining.values()].sort((a, b) => a.file - b.file || a.line - b.line)) {
    if (asOf !== null && !atAsOf(row, asOf)) countInput(counts.afterAsOf, row.file);
    else sink(row);
  }
  intake.joining.clear();
}
