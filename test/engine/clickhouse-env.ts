// The ClickHouse cluster the ClickHouse tests run against: CLICKHOUSE_URLS (one HTTP URL per
// shard, comma-separated; scripts/clickhouse-cluster.sh writes them to DIR/env) or CLICKHOUSE_URL
// (one server), CLICKHOUSE_USER, and the password in SUPPORT_AUDIT_CLICKHOUSE_PASSWORD. Without a
// URL the tests skip with a line on stderr; CI sets REQUIRE_CLICKHOUSE=1 (.ci/run), where a
// missing URL fails the run instead, so the tests are known to have run.

export interface ClickHouseEnv {
  urls: string[];
  user: string;
}

let warned = false;

/** The cluster to test against, or undefined (skip) when none is set. */
export function clickhouseEnv(): ClickHouseEnv | undefined {
  const urls = (process.env.CLICKHOUSE_URLS ?? process.env.CLICKHOUSE_URL ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (urls.length > 0) return { urls, user: process.env.CLICKHOUSE_USER ?? 'default' };
  if (process.env.REQUIRE_CLICKHOUSE === '1') {
    throw new Error('REQUIRE_CLICKHOUSE=1 but neither CLICKHOUSE_URLS nor CLICKHOUSE_URL is set (start a cluster with scripts/clickhouse-cluster.sh)');
  }
  if (!warned) {
    warned = true;
    process.stderr.write('skipping the ClickHouse tests: CLICKHOUSE_URL is not set (scripts/clickhouse-cluster.sh start DIR starts a local cluster)\n');
  }
  return undefined;
}
