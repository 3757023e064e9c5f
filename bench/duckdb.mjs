// DuckDB on the same file, for scale: first-response compliance per channel with the default
// policy's windows (chat 3 min, email/web 24 h, social/messaging 1 h), from Zendesk's
// "First reply time in minutes" column, channels mapped from "Via" as the zendesk preset does.
// DuckDB reads CSV with all cores. Usage: node bench/duckdb.mjs FILE
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2].replace(/'/g, "''");
const sql = `
  with tickets as (
    select case lower(Via)
        when 'chat' then 'chat'
        when 'mail' then 'email' when 'email' then 'email'
        when 'web form' then 'web' when 'web widget' then 'web'
        when 'twitter' then 'social' when 'facebook' then 'social'
        when 'phone call (incoming)' then 'phone'
        else 'other' end as channel,
      try_cast("First reply time in minutes" as double) as first_reply
    from read_csv('${file}', header = true, all_varchar = true)
  )
  select channel,
    count(first_reply) as eligible,
    count(*) filter (where first_reply <= case channel when 'chat' then 3 when 'social' then 60 else 1440 end) as met,
    round(met / eligible, 4) as compliance
  from tickets
  where channel in ('chat', 'email', 'web', 'social') and first_reply is not null
  group by channel order by channel`;
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll(sql);
process.stdout.write(`${JSON.stringify(reader.getRowObjectsJson())}\n`);
