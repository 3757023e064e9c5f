// The canonical `tickets` table in ClickHouse (docs/sql.md "ClickHouse"): one MergeTree table per
// shard holding that shard's tickets, and a `Distributed` table over the cluster that queries
// read. The types work on 18.16 and on current releases:
//
// - instants: Int64 milliseconds since the epoch, UTC (`created_at` required, the rest Nullable);
// - numbers (durations in the unit their name says, counts, csat 0–1, nps): Nullable(Float64);
// - yes/no (`csat_good`, `missed`, `abandoned`, and `outbound`, `customer_wrote` of conversations
//   assembled from messages): Nullable(UInt8), 1 or 0;
// - text and the canonical values (`channel`, `status`, …): String, '' when absent (the reader
//   never makes an empty value: an empty cell is an absent one);
// - tags: Array(String), lower-case, [] when none.
//
// Distributed DDL (`ON CLUSTER`) needs ZooKeeper, which a plain cluster lacks: the local table is
// created on each shard through that shard's own URL.

/** ClickHouse column kinds of the canonical ticket fields. */
export type ColumnKind = 'id' | 'instant' | 'created' | 'number' | 'flag' | 'text' | 'tags';

/** The canonical ticket fields (docs/mapping.md "Canonical fields"), in that order, with their kind. */
export const TICKET_COLUMNS: readonly { name: string; kind: ColumnKind }[] = [
  { name: 'id', kind: 'id' },
  { name: 'channel', kind: 'text' },
  { name: 'created_at', kind: 'created' },
  { name: 'first_response_at', kind: 'instant' },
  { name: 'first_response_minutes', kind: 'number' },
  { name: 'first_response_business_minutes', kind: 'number' },
  { name: 'solved_at', kind: 'instant' },
  { name: 'closed_at', kind: 'instant' },
  { name: 'updated_at', kind: 'instant' },
  { name: 'due_at', kind: 'instant' },
  { name: 'status', kind: 'text' },
  { name: 'priority', kind: 'text' },
  { name: 'type', kind: 'text' },
  { name: 'tags', kind: 'tags' },
  { name: 'subject', kind: 'text' },
  { name: 'agent', kind: 'text' },
  { name: 'team', kind: 'text' },
  { name: 'requester', kind: 'text' },
  { name: 'requester_name', kind: 'text' },
  { name: 'csat', kind: 'number' },
  { name: 'csat_good', kind: 'flag' },
  { name: 'nps', kind: 'number' },
  { name: 'reopens', kind: 'number' },
  { name: 'agent_replies', kind: 'number' },
  { name: 'wait_seconds', kind: 'number' },
  { name: 'missed', kind: 'flag' },
  { name: 'abandoned', kind: 'flag' },
  { name: 'order_at', kind: 'instant' },
  { name: 'return_requested_at', kind: 'instant' },
  { name: 'return_decision', kind: 'text' },
  { name: 'refunded_at', kind: 'instant' },
  { name: 'last_agent_update_at', kind: 'instant' },
  { name: 'resolution_minutes', kind: 'number' },
  { name: 'resolution_business_minutes', kind: 'number' },
  { name: 'first_resolution_minutes', kind: 'number' },
  { name: 'first_resolution_business_minutes', kind: 'number' },
  { name: 'requester_wait_minutes', kind: 'number' },
  { name: 'requester_wait_business_minutes', kind: 'number' },
  { name: 'agent_wait_minutes', kind: 'number' },
  { name: 'agent_wait_business_minutes', kind: 'number' },
  { name: 'on_hold_minutes', kind: 'number' },
  { name: 'on_hold_business_minutes', kind: 'number' },
  { name: 'vendor_first_response_sla', kind: 'text' },
  // Conversations assembled from message exports only (src/sql/table.ts): NULL on ticket rows.
  { name: 'outbound', kind: 'flag' },
  { name: 'customer_wrote', kind: 'flag' },
];

const CLICKHOUSE_TYPE: Record<ColumnKind, string> = {
  id: 'String',
  created: 'Int64',
  instant: 'Nullable(Int64)',
  number: 'Nullable(Float64)',
  flag: 'Nullable(UInt8)',
  text: 'String',
  tags: 'Array(String)',
};

/** The ClickHouse type of a canonical column. */
export function clickhouseType(kind: ColumnKind): string {
  return CLICKHOUSE_TYPE[kind];
}

export const DEFAULT_CLUSTER = 'support_audit';
export const DEFAULT_TABLE = 'tickets';

/** A name as a ClickHouse identifier: plain when it is one, else back-quoted. */
export function quoteIdent(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return name;
  return '`' + name.replace(/\\/g, '\\\\').replace(/`/g, '\\`') + '`';
}

/** `db.table`, each part quoted as needed. */
export function qualified(database: string, table: string): string {
  return `${quoteIdent(database)}.${quoteIdent(table)}`;
}

export interface TableNames {
  database: string;
  /** The Distributed table queries read (default `tickets`). */
  table: string;
  /** The per-shard MergeTree table (default `<table>_local`). */
  local?: string;
  /** The `remote_servers` cluster (default `support_audit`). */
  cluster?: string;
}

export function localName(names: TableNames): string {
  return names.local ?? `${names.table}_local`;
}

/** CREATE TABLE for one shard's MergeTree table of canonical tickets (run on every shard). */
export function localTableDdl(names: TableNames): string {
  const width = Math.max(...TICKET_COLUMNS.map((c) => c.name.length));
  const cols = TICKET_COLUMNS.map((c) => `    ${quoteIdent(c.name).padEnd(width)} ${clickhouseType(c.kind)}`).join(',\n');
  return [
    `CREATE TABLE IF NOT EXISTS ${qualified(names.database, localName(names))}`,
    '(',
    cols,
    ')',
    'ENGINE = MergeTree()',
    'ORDER BY (created_at, id)',
  ].join('\n');
}

/**
 * CREATE TABLE for the Distributed table over the cluster (run on every shard that is queried:
 * each server only knows the tables created on it). Rows inserted through it go to a shard by a
 * hash of the id; the loader writes to the shards' local tables itself.
 */
export function distributedTableDdl(names: TableNames): string {
  const cluster = names.cluster ?? DEFAULT_CLUSTER;
  return [
    `CREATE TABLE IF NOT EXISTS ${qualified(names.database, names.table)}`,
    `AS ${qualified(names.database, localName(names))}`,
    `ENGINE = Distributed(${quoteIdent(cluster)}, ${quoteIdent(names.database)}, ${quoteIdent(localName(names))}, cityHash64(id))`,
  ].join('\n');
}

/** DROP statements for both tables (the Distributed one first). */
export function dropTablesDdl(names: TableNames): string[] {
  return [`DROP TABLE IF EXISTS ${qualified(names.database, names.table)}`, `DROP TABLE IF EXISTS ${qualified(names.database, localName(names))}`];
}
