// One record at a time (the map stage, docs/architecture.md): the compiled mapper's row loop. Only bound cells are
// touched, each converted once; every data problem goes to the sink with line and column.

import { cellText, type ProblemFinding } from '../findings.js';
import type { Message, Ticket } from '../types.js';
import { blankTicket, fieldCode, setField } from './ticket-shape.js';
import { canonicalId, groupedIdDigits, isScientificId, MAX_ID_LENGTH, shortenedId } from './ids.js';
import { numberScan, parseNumber } from './numbers.js';
import type { PresetSpec } from './preset.js';
import type { ProblemSink } from './problems.js';
import { K_COUNT, K_CSAT, K_DURATION, K_ID, K_TAGS, K_TEXT, K_TIME, K_VALUE, type Slot } from './slots.js';
import type { TimestampReader } from './timestamp-reader.js';
import { splitTags, type Rating } from './values.js';
import type { FieldBinding, MapContext, Mapper } from './mapper.js';

/**
 * String.prototype.charCodeAt, called through `.call`. A row's cells come in several of V8's
 * string representations at once (flat and sliced one-byte, two-byte, the shared one-character
 * strings), so `cell.length` and `cell.charCodeAt` looked up on them see too many kinds and go
 * megamorphic: a lookup in V8's stub cache each time, several per cell. The optimizing compiler
 * reads a known builtin called on a value it knows is a string, and the length of such a value,
 * without a lookup.
 */
const charCodeAt = String.prototype.charCodeAt;

/** What decides whether a record is used: its key and creation time. */
interface Head {
  key: string;
  at: number;
}

/** A preset's fixed value for a field, applied before the row's own cells. */
export interface Fallback {
  field: string;
  value: string;
  bound: boolean;
}

export class RowMapper implements Mapper {
  readonly kind: 'tickets' | 'messages';
  readonly bindings: FieldBinding[];
  headerProblems: ProblemFinding[] = [];
  /** The preset's "empty" words (`-`, `N/A`…): a handful, compared one by one (no hashing). */
  private readonly empty: string[];
  /** Longest "empty" word: a longer cell skips the comparisons (most cells, on every row). */
  private readonly emptyLength: number;
  private readonly key: Slot;
  private readonly when: Slot;
  private readonly role: Slot | null;
  private readonly rest: Slot[];
  private readonly scratch: Head = { key: '', at: NaN };
  /** The field number (setField) of each `rest` slot. */
  private readonly codes: number[];

  constructor(
    readonly preset: PresetSpec,
    private readonly width: number,
    slots: Slot[],
    readonly missing: string[],
    private readonly ctx: MapContext,
    private readonly fallbacks: Fallback[],
  ) {
    this.kind = preset.kind;
    this.bindings = slots.map((s) => ({ field: s.field, column: s.column, index: s.index }));
    for (const f of fallbacks) if (!f.bound) this.bindings.push({ field: f.field, column: `(every row: ${f.value})`, index: -1 });
    this.empty = [...new Set((preset.empty ?? []).map((e) => e.trim()))];
    this.emptyLength = Math.max(-1, ...this.empty.map((e) => e.length));
    const threadKey = preset.kind === 'messages' && (preset.messages?.threading ?? 'conversation') === 'conversation' ? 'conversation_id' : 'id';
    this.key = slots.find((s) => s.field === threadKey)!;
    this.when = slots.find((s) => s.field === (preset.kind === 'tickets' ? 'created_at' : 'at'))!;
    this.role = slots.find((s) => s.field === 'author_role') ?? null;
    this.rest = slots.filter((s) => s !== this.key && s !== this.when && s !== this.role && !ctx.unread?.includes(s.field));
    this.codes = this.rest.map((s) => fieldCode(s.field));
  }

  /** The trimmed cell, '' when absent, empty, or one of the preset's "empty" words. */
  private cell(row: string[], index: number): string {
    const raw = row[index];
    if (raw === undefined || raw === '') return '';
    // `'' + raw` is raw itself, known from here on to be a string (see charCodeAt above); trimCell's test, inline.
    const text = '' + raw;
    const n = text.length;
    const a = charCodeAt.call(text, 0);
    const b = charCodeAt.call(text, n - 1);
    if (a <= 32 || b <= 32 || a === 0xfeff) {
      const s = text.trim();
      return s.length <= this.emptyLength && this.isEmptyWord(s) ? '' : s;
    }
    return n <= this.emptyLength && this.isEmptyWord(text) ? '' : text;
  }

  private isEmptyWord(s: string): boolean {
    for (let i = 0; i < this.empty.length; i++) if (this.empty[i] === s) return true;
    return false;
  }

  /** Ragged row, key, creation time, duplicates: what decides whether the record is used at all. */
  private head(row: string[], line: number, sink: ProblemSink, noKey: 'missing-id' | 'orphan-message'): Head | null {
    if (row.length !== this.width) {
      sink.add({ code: 'ragged-row', line, cells: row.length, width: this.width });
    }
    const keyText = this.cell(row, this.key.index);
    if (keyText === '') {
      if (row.every((c) => c.trim() === '')) sink.add({ code: 'empty-row', line });
      else sink.add({ code: noKey, line, column: this.key.column });
      return null;
    }
    const key = this.readId(keyText, line, this.key.column, sink);
    const atText = this.cell(row, this.when.index);
    if (atText === '') {
      sink.add({ code: 'missing-created-at', line, column: this.when.column, id: cellText(key) });
      return null;
    }
    const at = this.when.time!.read(atText, line, this.when.column, sink);
    if (at !== at) return null;
    this.noteEvent(at, line, this.when);
    // One scratch object, not one per row: callers copy out what they keep.
    this.scratch.key = key;
    this.scratch.at = at;
    return this.scratch;
  }

  private readId(text: string, line: number, column: string, sink: ProblemSink): string {
    if (text.length > MAX_ID_LENGTH) {
      const id = shortenedId(text);
      sink.add({ code: 'long-id', line, column, length: text.length, kept: cellText(id) });
      return id;
    }
    if (isScientificId(text)) {
      sink.add({ code: 'excel-scientific-id', line, column, text: cellText(text) });
      return text;
    }
    const digits = groupedIdDigits(text);
    if (digits !== undefined) {
      sink.add({ code: 'excel-grouped-id', line, column, text: cellText(text), digits });
      return digits;
    }
    return canonicalId(text);
  }

  /** Every event time goes to the audit's latest-times table (as_of and its outliers). */
  private noteEvent(v: number, line: number, slot: Slot): void {
    if (slot.event) this.ctx.times.note(v, this.ctx.fileIndex, line, slot.column);
  }

  columnsRead(): number[] {
    const columns: number[] = [];
    for (const s of [this.key, this.when, this.role, ...this.rest]) if (s) columns.push(s.index, ...(s.more ?? []));
    return columns;
  }

  timeReaders(): TimestampReader[] {
    const readers: TimestampReader[] = [];
    for (const s of [this.key, this.when, ...this.rest]) if (s.time && !readers.includes(s.time)) readers.push(s.time);
    return readers;
  }

  mapTicket(row: string[], line: number, sink: ProblemSink): Ticket | null {
    this.ctx.times.startRow();
    const head = this.head(row, line, sink, 'missing-id');
    if (!head) return null;
    const t = blankTicket(head.key, head.at, this.ctx.fileIndex, line);
    for (let i = 0; i < this.fallbacks.length; i++) (t as unknown as Record<string, unknown>)[this.fallbacks[i].field] = this.fallbacks[i].value;
    this.fill(t as unknown as Record<string, unknown>, row, line, sink, head.at);
    return t;
  }

  mapMessage(row: string[], line: number, sink: ProblemSink): Message | null {
    const threaded = this.key.field === 'conversation_id';
    // Messages are held until the end of reading anyway: none waits for as_of on its own.
    this.ctx.times.startRow(false);
    const head = this.head(row, line, sink, threaded ? 'orphan-message' : 'missing-id');
    if (!head) return null;
    const roleSlot = this.role!;
    const roleText = this.cell(row, roleSlot.index);
    const role = roleText === '' ? undefined : (roleSlot.values!.read(roleText, line, roleSlot.column, sink) as Message['author_role'] | undefined);
    if (role === undefined) {
      // An unknown role word was reported once for its value; an empty one is reported per row.
      if (roleText === '') sink.add({ code: 'unknown-value', line, column: roleSlot.column, kind: 'author_role', none: true });
      return null;
    }
    const m: Message = { at: head.at, author_role: role, public: true, file: this.ctx.fileIndex, line };
    if (threaded) m.conversation_id = head.key;
    else m.id = head.key;
    for (let i = 0; i < this.fallbacks.length; i++) (m as unknown as Record<string, unknown>)[this.fallbacks[i].field] = this.fallbacks[i].value;
    this.fill(m as unknown as Record<string, unknown>, row, line, sink, NaN);
    return m;
  }

  /** Tags from a column repeated under one name (Jira's Labels), in column order, each once. */
  private repeatedTags(row: string[], slot: Slot): string[] {
    const tags = splitTags(this.cell(row, slot.index), slot.separator);
    for (const index of slot.more!) {
      for (const tag of splitTags(this.cell(row, index), slot.separator)) if (!tags.includes(tag)) tags.push(tag);
    }
    return tags;
  }

  /** Every other bound field; `created` is the creation instant for the negative-duration check. */
  private fill(out: Record<string, unknown>, row: string[], line: number, sink: ProblemSink, created: number): void {
    const slots = this.rest;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      const text = this.cell(row, slot.index);
      if (text === '' && slot.more === null) continue;
      switch (slot.kind) {
        case K_ID:
          setField(out, this.codes[i], slot.field, this.readId(text, line, slot.column, sink));
          break;
        case K_TEXT:
          setField(out, this.codes[i], slot.field, text);
          break;
        case K_TIME: {
          const v = slot.time!.read(text, line, slot.column, sink);
          if (v !== v) break;
          if (slot.afterCreation && v < created) {
            sink.add({ code: 'negative-duration', line, column: slot.column, why: 'before-creation', field: slot.field });
            break;
          }
          this.noteEvent(v, line, slot);
          setField(out, this.codes[i], slot.field, v);
          break;
        }
        case K_DURATION: {
          const minutes = slot.duration!(text);
          // Not a number, or so large (400 digits) that it is not finite in milliseconds: no duration.
          if (!Number.isFinite(minutes * 60_000)) {
            sink.add({ code: 'bad-duration', line, column: slot.column, text: cellText(text) });
            break;
          }
          if (minutes < 0) {
            sink.add({ code: 'negative-duration', line, column: slot.column, why: 'negative', text: cellText(text) });
            break;
          }
          if (numberScan.grouped) sink.add({ code: 'bad-number', line, column: slot.column, text: cellText(text), read: minutes });
          setField(out, this.codes[i], slot.field, slot.inSeconds ? minutes * 60 : minutes);
          break;
        }
        case K_COUNT: {
          const n = parseNumber(text);
          if (!(n >= 0) || !Number.isInteger(n)) {
            sink.add({ code: 'bad-number', line, column: slot.column, text: cellText(text) });
            break;
          }
          if (numberScan.grouped) sink.add({ code: 'bad-number', line, column: slot.column, text: cellText(text), read: n });
          setField(out, this.codes[i], slot.field, n);
          break;
        }
        case K_VALUE: {
          const v = slot.values!.read(text, line, slot.column, sink);
          if (v !== undefined) setField(out, this.codes[i], slot.field, v);
          break;
        }
        case K_TAGS:
          // A list of its own per row: tag cells are free text in real exports, and a memory of
          // lists by cell only churned (nearly every cell new).
          out.tags = slot.more === null ? splitTags(text, slot.separator) : this.repeatedTags(row, slot);
          break;
        case K_CSAT: {
          const r = slot.values!.read(text, line, slot.column, sink) as Rating | undefined;
          if (r) {
            out.csat = r.csat;
            out.csat_good = r.good;
          }
          break;
        }
      }
    }
  }
}
