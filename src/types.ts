// Shared shapes of the pipeline (DESIGN §3–§4). Every stage may import from here;
// nothing here imports from a stage.

import type { ProblemCode } from './findings.js';

export const CHANNELS = ['email', 'chat', 'phone', 'social', 'messaging', 'web', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const RETURN_DECISIONS = ['approved', 'rejected', 'pending'] as const;
export type ReturnDecision = (typeof RETURN_DECISIONS)[number];

export const AUTHOR_ROLES = ['customer', 'agent', 'bot', 'system'] as const;
export type AuthorRole = (typeof AUTHOR_ROLES)[number];

/** Instants are epoch milliseconds (UTC). Durations are milliseconds unless the name says otherwise. */
export type Instant = number;

/**
 * A canonical ticket (DESIGN §4): one ticket, conversation, chat or call.
 * Only `id` and `created_at` are required; everything else is absent when the export lacks it.
 */
export interface Ticket {
  id: string;
  channel?: Channel;
  created_at: Instant;
  first_response_at?: Instant;
  /** The vendor's own calendar first-response duration, in minutes. */
  first_response_minutes?: number;
  /** The vendor's own business-hours first-response duration, in minutes. */
  first_response_business_minutes?: number;
  solved_at?: Instant;
  closed_at?: Instant;
  updated_at?: Instant;
  due_at?: Instant;
  status?: Status;
  priority?: Priority;
  type?: string;
  /** Lower-case tags; always present (empty when the export has none). */
  tags: string[];
  subject?: string;
  agent?: string;
  team?: string;
  requester?: string;
  requester_name?: string;
  /** Satisfaction normalised to 0–1 (1–5 → (n-1)/4, 0–10 → n/10, Good → 1, Bad → 0). */
  csat?: number;
  /** Whether the rating counts as good (Good; 4–5 of 5; 9–10 of 10 is not used here: see csat_scale). */
  csat_good?: boolean;
  /** Net-promoter score 0–10 when the export has a 0–10 likelihood-to-recommend column. */
  nps?: number;
  reopens?: number;
  agent_replies?: number;
  wait_seconds?: number;
  missed?: boolean;
  abandoned?: boolean;
  order_at?: Instant;
  return_requested_at?: Instant;
  return_decision?: ReturnDecision;
  refunded_at?: Instant;
  /** Last public agent update (a "last agent update" column, or derived from messages). */
  last_agent_update_at?: Instant;
  /** The vendor's own full-resolution duration in minutes (calendar), when the export has one. */
  resolution_minutes?: number;
  /** The vendor's own full-resolution duration in business minutes, when the export has one. */
  resolution_business_minutes?: number;
  /** The vendor's own time from creation to the first solve, in minutes (calendar). */
  first_resolution_minutes?: number;
  /** The same in business minutes. */
  first_resolution_business_minutes?: number;
  /** The vendor's requester wait (Zendesk: time in New, Open and On-hold until solved), minutes. */
  requester_wait_minutes?: number;
  /** The same in business minutes. */
  requester_wait_business_minutes?: number;
  /** The vendor's agent wait (Zendesk: time in Pending, waiting on the requester), minutes. */
  agent_wait_minutes?: number;
  /** The same in business minutes. */
  agent_wait_business_minutes?: number;
  /** The vendor's on-hold time (Zendesk: time in On-hold, waiting on a third party), minutes. */
  on_hold_minutes?: number;
  /** The same in business minutes. */
  on_hold_business_minutes?: number;
  /** The vendor's own SLA verdict on first response, when the export has one (Freshdesk). */
  vendor_first_response_sla?: 'met' | 'breached';

  // Filled by conversation assembly (message exports) only.
  /** Started by an agent (outbound): excluded from first-response rules. */
  outbound?: boolean;
  /** Times of public agent messages, ascending (for update gaps and promise updates). */
  agent_update_times?: Instant[];
  /** For each customer message that waited for an agent: [customer message time, next agent reply time or NaN]. Flat pairs. */
  reply_pairs?: Instant[];

  /** Where the ticket came from: index into the audit's inputs and 1-based line of the record's first line. */
  file: number;
  line: number;
}

/** A canonical message row (DESIGN §4). Bodies are never kept. */
export interface Message {
  /** Conversation id column, when the export has one. */
  conversation_id?: string;
  /** Message id, for exports threaded by reply links. */
  id?: string;
  in_reply_to?: string;
  at: Instant;
  author_role: AuthorRole;
  /** Who wrote it (agent name, brand handle, customer handle). */
  author?: string;
  public: boolean;
  channel?: Channel;
  subject?: string;
  file: number;
  line: number;
}

export type { ProblemCode } from './findings.js';
export { PROBLEM_CODES } from './findings.js';

/** One problem with one record as the report lists it (findings.ts ProblemFinding, worded). */
export interface Problem {
  code: ProblemCode;
  /** 1-based in the file (the header is line 1). */
  line: number;
  /** The source column's header as written in the file, when the problem is about one field. */
  column?: string;
  /** A short, human sentence (made from the finding by render/findings.ts). */
  message: string;
}

/** DESIGN §6 `inputs[]` entry. */
export interface InputSummary {
  path: string;
  /** The preset id used (e.g. `zendesk`, `twitter`, `canonical`). */
  format: string;
  /** The text encoding the file was read in (`utf-8`, `windows-1252`, `iso-8859-1`, `iso-8859-15`, `utf-16le`, `utf-16be`). */
  encoding: string;
  /** Why that encoding: `bom`, `flag` (--encoding), `policy` (inputs.encoding), `detected` (the first bytes), `default` (UTF-8). */
  encoding_source: string;
  /** Data records read (header excluded). */
  rows: number;
  /** Records that produced a ticket or message. */
  used: number;
  /** Records skipped (unusable: no id, no creation time, ragged beyond repair…). */
  skipped: number;
  /** The first problems in file order (capped; see problem_counts for totals). */
  problems: Problem[];
  /** Total problems per code (never capped). */
  problem_counts: Partial<Record<ProblemCode, number>>;
  /** The zone timestamps without an offset were read in, and what set it (map/data-zone.ts). */
  timezone: string;
  timezone_source: 'flag' | 'inputs' | 'preset' | 'policy' | 'assumed';
  /** Timestamps read in that zone (written without an offset). */
  local_times: number;
  /** Rows set aside because a newer copy of the same ticket (or message) was read. */
  replaced: number;
  /** Tickets created after as_of: outside the audit. */
  after_as_of: number;
  /** With ticket and message exports together: rows or conversations joined to the other kind. */
  joined?: number;
}
