// A preset is data: which header columns feed which canonical field, and how their values read.
// One preset, one file in map/presets/; the mapping engine (map/mapper.ts) compiles a preset
// against a file's header once, then converts rows without further lookups.

import type { Message, Ticket } from '../types.js';

/** Timestamp layouts the fast parsers know (map/time.ts). */
export type TimestampFormat =
  /** ISO 8601: `2024-03-05T14:22:00Z`, `2024-03-05 14:22:00`, `2024-03-05T14:22:00.123+01:00`, `2024-03-05`. */
  | 'iso'
  /** Day first: `05/03/2024 14:22`, `05.03.2024 14:22:10`, `05-03-2024`, optional `am/pm`. */
  | 'dmy'
  /** Month first: `03/05/2024 2:22 PM`, `3/5/24 14:22:10`. */
  | 'mdy'
  /** Jira: `05/Mar/24 2:22 PM`. */
  | 'jira'
  /** Twitter API: `Tue Oct 31 22:10:47 +0000 2017`. */
  | 'twitter'
  /** Unix epoch seconds or milliseconds (by magnitude). */
  | 'epoch'
  /** Decide from the first values of the file: `iso`, `jira`, `twitter`, `epoch` are recognised by shape;
   *  slash dates need the preset's or user's `dateOrder`, else day-first/month-first is settled by the
   *  first value with a part over 12 in the file; never row by row. */
  | 'auto';

export type DurationUnit = 'seconds' | 'minutes' | 'hours' | 'hms';

/** Canonical field names a preset can fill (docs/mapping.md "Canonical fields", with the extras of `Ticket`). */
export type TicketField = Exclude<keyof Ticket, 'tags' | 'file' | 'line' | 'outbound' | 'agent_update_times' | 'reply_pairs'> | 'tags';
export type MessageField = Exclude<keyof Message, 'file' | 'line'>;

export interface FieldSource {
  /**
   * Header names that can feed this field, in order of preference (the first present wins).
   * Matched case-insensitively with whitespace collapsed. A RegExp matches a header (after the
   * same normalisation), for vendor custom fields such as Zendesk's `Return decision [list]`.
   */
  columns: (string | RegExp)[];
  /** Durations: the column's unit (`hms` reads `HH:MM:SS` or `HH:MM`, hours may exceed 24). */
  unit?: DurationUnit;
  /** Vendor values → canonical values, keys lower-cased (e.g. `{ mail: 'email', 'web form': 'web' }`). */
  values?: Record<string, string>;
  /** Tags: the separator between tags (default: whitespace or comma). */
  separator?: string;
  /** Satisfaction columns: the scale the export uses. */
  scale?: 'good-bad' | '1-5' | '0-10';
  /** Timestamps: overrides the preset's timestamp format for this column. */
  format?: TimestampFormat;
  /**
   * A canonical value used when none of `columns` is in the header or the cell is empty: a chat
   * archive's rows are all chats (`channel: { columns: ['Channel'], fallback: 'chat' }`).
   */
  fallback?: string;
}

export interface PresetSpec {
  /** Stable id, used in `--preset`, reports (`inputs[].format`) and docs. */
  id: string;
  /** A person's name for it: "Zendesk ticket export (classic CSV)". */
  label: string;
  kind: 'tickets' | 'messages';
  /**
   * How sure we are of the header: `confirmed` (checked against the vendor's documentation or a
   * real export), `documented` (from vendor docs, not a real file), `assumed` (our best reading).
   */
  confidence: 'confirmed' | 'documented' | 'assumed';
  /** Where the header spelling comes from (for docs/presets.md). */
  source: string;
  /**
   * Detection: a header matches when all `required` columns are present; the score grows with the
   * share of `hints` present. Names are normalised like `FieldSource.columns`.
   */
  detect: { required: string[]; hints?: string[] };
  /** Timestamp layout of the export's date columns. */
  timestampFormat: TimestampFormat;
  /** Day/month order for slash dates when `timestampFormat` is `dmy`/`mdy`/`auto`. */
  dateOrder?: 'DMY' | 'MDY';
  /** Zone for timestamps without an offset when neither `--timezone` nor the policy names one. */
  timezone?: string;
  /** Field values that mean "empty" besides the empty string (Zendesk writes `-`). */
  empty?: string[];
  /** Ticket exports: canonical ticket field → source. */
  fields?: Partial<Record<TicketField, FieldSource>>;
  /** Message exports: canonical message field → source, and how conversations are threaded. */
  messages?: {
    fields: Partial<Record<MessageField, FieldSource>>;
    /** `conversation`: by the conversation_id column; `reply-links`: by id / in_reply_to. */
    threading: 'conversation' | 'reply-links';
  };
  /** Known quirks, for docs and `inspect` (e.g. "no creation time: created_at is the first response"). */
  notes?: string[];
}
