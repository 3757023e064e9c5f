// The canonical tickets of a set of exports, as a list: what an audit of them judges (read,
// mapped, copies resolved to the newest, tickets joined to their conversations, each as it stood
// at as_of). For loading a database the SQL engines query, and for comparing them with the JS
// engine. The same stages as reading.ts (docs/reading.md "Several inputs"), on one thread and
// without a scorecard: every ticket is held in memory.

import { ConversationAssembler } from '../assemble/conversations.js';
import { Intake } from '../assemble/intake.js';
import { atAsOf } from '../assemble/at-as-of.js';
import { joinConversation } from '../assemble/join.js';
import { ingestFile, ingestOptions, peekKind, type IngestedFile, type IngestOptions, type InputRequest, type RecordTarget } from '../ingest.js';
import { LatestTimes, type AsOfDecision } from '../map/latest-times.js';
import type { Policy } from '../policy/types.js';
import type { Ticket } from '../types.js';

export type RowsOptions = Omit<InputRequest, 'files' | 'policy' | 'stdin'> & {
  /** `--as-of`; else the data's (as the audit decides it). */
  asOf?: number;
};

export interface CanonicalRows {
  /** In the order the audit's scorecard receives them: ticket rows as read (those waiting for as_of or a copy at the end), then conversations (joined to their rows), then rows whose conversation never came. */
  tickets: Ticket[];
  /** The audit's as_of: the option, else the data's latest timestamp that is no outlier; null for no data. */
  asOf: number | null;
  decision: AsOfDecision;
  /** Per input, what reading it found (rows, problems, the preset). */
  files: IngestedFile[];
}

/** The canonical tickets of `files` read with `policy`'s inputs mapping (files, not stdin). */
export async function canonicalRows(files: string[], policy: Policy, opts: RowsOptions = {}): Promise<CanonicalRows> {
  const base: Omit<IngestOptions, 'times'> = { ...ingestOptions({ ...opts, files, policy }, false), unread: [] };
  const kinds: ('tickets' | 'messages')[] = [];
  for (const f of files) kinds.push(files.length === 1 ? 'tickets' : (await peekKind(f, { ...base, times: new LatestTimes() })).kind);
  const messageInputs = kinds.flatMap((k, i) => (k === 'messages' ? [i] : []));
  const ticketInputs = kinds.flatMap((k, i) => (k === 'tickets' ? [i] : []));
  const read: IngestedFile[] = new Array(files.length);

  let out: Ticket[] = [];
  const sink = (t: Ticket) => void out.push(t);
  const times = new LatestTimes();
  const assemblers = new Map<string, ConversationAssembler>();
  let intake = new Intake({ asOf: opts.asOf }, times, sink);
  const readAll = async (inputs: number[], clock: LatestTimes) => {
    for (const i of inputs) {
      let assembler: ConversationAssembler | undefined;
      const target: RecordTarget = { ticket: (t) => intake.offer(t), message: (m) => assembler!.add(m) };
      read[i] = await ingestFile(
        files[i],
        i,
        {
          ...base,
          times: clock,
          onMapped: (mapper) => {
            if (mapper.kind !== 'messages') return;
            const threading = mapper.preset.messages?.threading ?? 'conversation';
            assembler = assemblers.get(threading) ?? new ConversationAssembler(threading, {});
            assemblers.set(threading, assembler);
          },
        },
        target,
      );
    }
  };

  await readAll(messageInputs, times);
  if (messageInputs.length > 0 && ticketInputs.length > 0) {
    const joinIds = new Set<string>();
    for (const a of assemblers.values()) for (const id of a.conversationIds()) joinIds.add(id);
    intake = new Intake({ asOf: opts.asOf, joinIds }, times, sink);
  }
  await readAll(ticketInputs, times);

  const decision = times.decide();
  const asOf = opts.asOf ?? decision.asOf;
  if (intake.copied.size > 0) {
    // Copies of tickets: read the ticket exports again, holding every copy of those ids.
    out = [];
    const copiesOf = intake.copied;
    intake = new Intake({ asOf: asOf ?? undefined, copiesOf, joinIds: intake.joinIds }, new LatestTimes(), sink);
    await readAll(ticketInputs, new LatestTimes());
  }
  intake.finish(asOf);
  joinConversations(assemblers, intake, asOf, sink);
  return { tickets: out, asOf, decision, files: read };
}

/** reading.ts's join, without the counts: conversations joined to their ticket rows, then the rows left. */
function joinConversations(assemblers: Map<string, ConversationAssembler>, intake: Intake, asOf: number | null, sink: (t: Ticket) => void): void {
  for (const a of assemblers.values()) {
    for (const conv of a.finish(asOf)) {
      const row = intake.joining.get(conv.id);
      if (row === undefined) {
        sink(conv);
        continue;
      }
      intake.joining.delete(conv.id);
      sink(joinConversation(row, conv));
    }
  }
  for (const row of [...intake.joining.values()].sort((a, b) => a.file - b.file || a.line - b.line)) {
    if (asOf === null || atAsOf(row, asOf)) sink(row);
  }
  intake.joining.clear();
}
