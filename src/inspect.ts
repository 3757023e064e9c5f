// `support-audit inspect`: what the tool makes of an export before any judgement: the preset and
// how sure detection is, which canonical field comes from which column, what is missing (and so
// which rules will have no data), counts, date range, value counts and problems.

import { businessClocks } from './audit.js';
import { createScorecard } from './aggregate/scorecard.js';
import { ConversationAssembler } from './assemble/conversations.js';
import { availableFields, ingestFile, ingestOptions, inputSummary, type IngestOptions, type InputRequest } from './ingest.js';
import type { ZoneSource } from './map/data-zone.js';
import { LatestTimes } from './map/latest-times.js';
import { ruleResult } from './render/findings.js';
import type { InputSummary, Ticket } from './types.js';

export interface Inspection {
  input: InputSummary;
  preset: { id: string; label: string; kind: 'tickets' | 'messages'; confidence: string; score: number };
  candidates: { id: string; score: number }[];
  dialect: { encoding: string; encoding_source: string; delimiter: string };
  timezone: string;
  timezone_source: ZoneSource;
  fields: { field: string; column: string }[];
  missing: string[];
  rules_without_data: { id: string; missing: string[]; note?: string }[];
  tickets: number;
  created: { from: string; to: string } | null;
  values: { channel: Record<string, number>; status: Record<string, number>; priority: Record<string, number> };
  notes: string[];
}

/** What `inspect` reads: the inputs as every command that reads exports takes them. */
export type InspectRequest = InputRequest;

function bump(counts: Record<string, number>, key: string | undefined): void {
  const k = key ?? '(none)';
  counts[k] = (counts[k] ?? 0) + 1;
}

function sorted(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

export async function inspectFiles(req: InspectRequest): Promise<Inspection[]> {
  const out: Inspection[] = [];
  for (let i = 0; i < req.files.length; i++) {
    const values = { channel: {}, status: {}, priority: {} } as Inspection['values'];
    let tickets = 0;
    let from = Infinity;
    let to = -Infinity;
    const card = createScorecard(req.policy, {
      by: [],
      maxBreaches: 0,
      clocks: businessClocks(req.policy),
      timezone: req.policy.timezone,
    });
    const onTicket = (t: Ticket) => {
      tickets++;
      if (t.created_at < from) from = t.created_at;
      if (t.created_at > to) to = t.created_at;
      bump(values.channel, t.channel);
      bump(values.status, t.status);
      bump(values.priority, t.priority);
      card.add(t);
    };
    const times = new LatestTimes();
    let assembler: ConversationAssembler | undefined;
    const opts: IngestOptions = {
      ...ingestOptions(req, false),
      times,
      onMapped: (mapper) => {
        if (mapper.kind === 'messages') assembler = new ConversationAssembler(mapper.preset.messages?.threading ?? 'conversation', {});
      },
    };
    const file = await ingestFile(req.files[i], i, opts, { ticket: onTicket, message: (m) => assembler!.add(m) });
    const asOf = times.decide().asOf;
    if (assembler) for (const t of assembler.finish(asOf)) onTicket(t);
    const rules = card.finish(asOf ?? 0, availableFields([file])).rules.map(ruleResult);
    const { preset, score, candidates } = file.detection;
    out.push({
      input: inputSummary(file),
      preset: { id: preset.id, label: preset.label, kind: preset.kind, confidence: preset.confidence, score },
      candidates,
      dialect: file.dialect,
      timezone: file.zone.zone,
      timezone_source: file.zone.source,
      fields: file.mapper.bindings.map((b) => ({ field: b.field, column: b.column })),
      missing: file.mapper.missing,
      rules_without_data: rules.filter((r) => r.status === 'no_data').map((r) => ({ id: r.id, missing: r.missing ?? [], ...(r.note ? { note: r.note } : {}) })),
      tickets,
      created: tickets > 0 ? { from: new Date(from).toISOString(), to: new Date(to).toISOString() } : null,
      values: { channel: sorted(values.channel), status: sorted(values.status), priority: sorted(values.priority) },
      notes: preset.notes ?? [],
    });
  }
  return out;
}
