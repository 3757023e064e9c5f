// A statement sent to the ClickHouse server of CLICKHOUSE_URL over HTTP, as the tests that run SQL
// text there need it (the user and password of .ci/run's cluster): the SQL as the body, or with
// `body` the SQL in the URL and the rows as the body (INSERT … FORMAT JSONEachRow).

export const CLICKHOUSE_URL = process.env.CLICKHOUSE_URL;

export async function clickhouseSend(sql: string, body?: string): Promise<string> {
  const auth = { 'X-ClickHouse-User': process.env.CLICKHOUSE_USER ?? 'default', 'X-ClickHouse-Key': process.env.SUPPORT_AUDIT_CLICKHOUSE_PASSWORD ?? '' };
  const r =
    body === undefined
      ? await fetch(CLICKHOUSE_URL!, { method: 'POST', body: sql, headers: auth })
      : await fetch(`${CLICKHOUSE_URL}/?query=${encodeURIComponent(sql)}`, { method: 'POST', body, headers: auth });
  const text = await r.text();
  if (!r.ok) throw new Error(text.slice(0, 500));
  return text;
}
