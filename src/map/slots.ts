// A bound column: one canonical field, the column index that feeds it, and the reader made for
// it once per file. The mapper's row loop switches on `kind` and touches nothing else.

import { makeDurationParser } from './duration.js';
import { TICKET_FIELDS, MESSAGE_FIELDS, AFTER_CREATION, FORWARD_LOOKING, type FieldKind } from './fields.js';
import type { FieldSource } from './preset.js';
import type { TimestampReader } from './timestamp-reader.js';
import { ValueReader } from './values.js';

export const K_ID = 0;
export const K_TEXT = 1;
export const K_TIME = 2;
export const K_DURATION = 3;
export const K_COUNT = 4;
export const K_VALUE = 5;
export const K_TAGS = 6;
export const K_CSAT = 7;

const KIND_CODES: Record<FieldKind['kind'], number> = {
  id: K_ID,
  text: K_TEXT,
  time: K_TIME,
  duration: K_DURATION,
  count: K_COUNT,
  value: K_VALUE,
  tags: K_TAGS,
  csat: K_CSAT,
};

export class Slot {
  readonly kind: number;
  readonly time: TimestampReader | null = null;
  readonly duration: ((text: string) => number) | null = null;
  /** Durations are stored in minutes, except wait_seconds. */
  readonly inSeconds: boolean = false;
  readonly values: ValueReader<unknown> | null = null;
  readonly separator: string | undefined;
  /** Must not precede created_at. */
  readonly afterCreation: boolean;
  /** Counts towards `latest` and the future check. */
  readonly event: boolean;
  /** Further columns under the same header name, read too (repeated tag columns); null when none. */
  more: number[] | null = null;

  constructor(
    readonly field: string,
    readonly column: string,
    readonly index: number,
    fieldKind: FieldKind,
    source: FieldSource,
    fileTime: TimestampReader,
    columnTime: (source: FieldSource) => TimestampReader,
  ) {
    this.kind = KIND_CODES[fieldKind.kind];
    this.separator = source.separator;
    this.afterCreation = AFTER_CREATION.has(field);
    this.event = fieldKind.kind === 'time' && !FORWARD_LOOKING.has(field);
    if (fieldKind.kind === 'time') this.time = source.format ? columnTime(source) : fileTime;
    if (fieldKind.kind === 'duration') {
      this.duration = makeDurationParser(source.unit ?? fieldKind.unit);
      this.inSeconds = fieldKind.as === 'seconds';
    }
    if (fieldKind.kind === 'value') this.values = new ValueReader(fieldKind.value, source.values);
    if (fieldKind.kind === 'csat') this.values = new ValueReader('csat', source.values, source.scale);
  }
}

export function fieldKinds(kind: 'tickets' | 'messages'): Record<string, FieldKind> {
  return kind === 'tickets' ? TICKET_FIELDS : MESSAGE_FIELDS;
}

/** Index of the first source column (in the preset's order of preference) present in the header, or -1. */
export function findColumn(columns: (string | RegExp)[], normalized: string[], normalize: (s: string) => string): number {
  for (const want of columns) {
    if (typeof want === 'string') {
      const i = normalized.indexOf(normalize(want));
      if (i >= 0) return i;
    } else {
      for (let i = 0; i < normalized.length; i++) {
        want.lastIndex = 0;
        if (want.test(normalized[i])) return i;
      }
    }
  }
  return -1;
}
