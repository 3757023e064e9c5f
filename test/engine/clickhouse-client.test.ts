// The ClickHouse connection without a server: URLs shown without credentials, the password never
// in a message, server errors of 18.16 and of current releases as one sentence, the message when
// the optional @clickhouse/client is not installed, and the table's columns against docs/mapping.md.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError, describeError } from '../../src/errors.js';
import { openClickHouse, redactUrl, serverError } from '../../src/engine/clickhouse.js';
import { distributedTableDdl, localTableDdl, TICKET_COLUMNS } from '../../src/engine/clickhouse-ddl.js';
import { shardOf, ticketRow } from '../../src/engine/clickhouse-load.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('redactUrl', () => {
  it('drops user, password, query and fragment', () => {
    expect(redactUrl('http://ann:s3cr%40t@ch.example:8123/db?x=1#f')).toBe('http://ch.example:8123/db');
    expect(redactUrl('https://ch.example:8443')).toBe('https://ch.example:8443');
    expect(redactUrl('not a url//ann:pw@host')).toBe('not a url//host');
  });
});

describe('openClickHouse before any request', () => {
  it('refuses a URL carrying a password and names the variable to use, not the password', async () => {
    const err = await openClickHouse({ url: 'http://ann:hunter2-xyz@127.0.0.1:1', table: 'tickets' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    const text = (err as Error).message;
    expect(text).toContain('SUPPORT_AUDIT_CLICKHOUSE_PASSWORD');
    expect(text).not.toContain('hunter2-xyz');
  });

  it('refuses what is not an HTTP URL', async () => {
    await expect(openClickHouse({ url: 'tcp://127.0.0.1:9000', table: 't' })).rejects.toThrow(/not an HTTP URL/);
    await expect(openClickHouse({ url: '127.0.0.1:8123', table: 't' })).rejects.toThrow(/not (a|an HTTP) URL/);
  });

  it('without @clickhouse/client says how to add it (exit 2, no stack)', async () => {
    const missing = Object.assign(new Error("Cannot find package '@clickhouse/client'"), { code: 'ERR_MODULE_NOT_FOUND' });
    const err = await openClickHouse({ url: 'http://127.0.0.1:1', table: 't' }, () => Promise.reject(missing)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toContain('npm install @clickhouse/client');
    expect(describeError(err)).toEqual({ exitCode: 2, lines: [`error: ${(err as Error).message}`] });
  });

  it('without @clickhouse/client resolvable from the installed module, says the same (the built module, real import)', () => {
    // The built module copied where no node_modules is: the dynamic import really fails.
    const built = join(ROOT, 'dist/engine/clickhouse.js');
    expect(existsSync(built), 'dist/ is built by `npm test` (pretest); run `npm run build`').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'sa-ch-peer-'));
    try {
      cpSync(join(ROOT, 'dist/engine/clickhouse.js'), join(dir, 'engine/clickhouse.js'));
      cpSync(join(ROOT, 'dist/errors.js'), join(dir, 'errors.js'));
      writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
      const probe =
        "import('./engine/clickhouse.js').then((m) => m.openClickHouse({ url: 'http://127.0.0.1:1', table: 't' })).then(() => console.log('opened'), (e) => console.log(e.name + ': ' + e.message))";
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: dir, encoding: 'utf8' });
      expect(r.stdout.trim(), r.stderr).toBe(
        'UsageError: --engine clickhouse needs the package @clickhouse/client, which is not installed: add it with `npm install @clickhouse/client` where support-audit is installed.',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('serverError', () => {
  const url = 'http://127.0.0.1:8123';
  it("takes the message out of 18.16's error text", () => {
    const e = serverError(new Error('Code: 47, e.displayText() = DB::Exception: Unknown identifier: nope, e.what() = DB::Exception\n'), url, 'pw-123456');
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe('ClickHouse at http://127.0.0.1:8123 refused the query: Unknown identifier: nope (code 47).');
    // At the top: exit 2, the sentence on one line (the URL is in it, so not repeated before it).
    expect(describeError(e)).toEqual({ exitCode: 2, lines: [`error: ${e.message}`] });
  });
  it("and out of a current release's", () => {
    const e = serverError(new Error('Code: 60. DB::Exception: Table default.nope does not exist. (UNKNOWN_TABLE) (version 24.3.1.1)'), url, '');
    expect(e.message).toBe('ClickHouse at http://127.0.0.1:8123 refused the query: Table default.nope does not exist. (UNKNOWN_TABLE) (code 60).');
  });
  it('names the network failure', () => {
    const e = serverError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'http://127.0.0.1:1', '');
    expect(e.message).toBe('cannot reach ClickHouse at http://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1.');
  });
  it('masks the password wherever the server echoed it', () => {
    const e = serverError(
      new Error("Code: 62, e.displayText() = DB::Exception: Syntax error: failed at position 8: 'pw/+ 123' +, e.what() = DB::Exception"),
      url,
      'pw/+ 123',
    );
    expect(e.message).not.toContain('pw/+ 123');
    expect(e.message).toContain("'***' +");
  });
});

describe('the canonical table', () => {
  it('has a column for every canonical ticket field docs/mapping.md lists, in that order (csat_good beside csat)', () => {
    const doc = readFileSync(join(ROOT, 'docs/mapping.md'), 'utf8');
    const list = /^Tickets: `([^`]+)`/m.exec(doc)![1];
    const fields = list
      .split(',')
      .map((f) => f.trim().replace(/ \(\+ (\w+)\)$/, ',$1'))
      .flatMap((f) => f.split(','));
    // Then the two columns only conversations assembled from message exports fill (docs/sql.md).
    expect(TICKET_COLUMNS.map((c) => c.name)).toEqual([...fields, 'outbound', 'customer_wrote']);
  });

  it('types instants as Int64 ms, numbers Nullable(Float64), tags Array(String), text String', () => {
    const ddl = localTableDdl({ database: 'db', table: 'tickets' });
    expect(ddl).toMatch(/^CREATE TABLE IF NOT EXISTS db\.tickets_local\n/);
    expect(ddl).toMatch(/ created_at +Int64,/);
    expect(ddl).toMatch(/ solved_at +Nullable\(Int64\),/);
    expect(ddl).toMatch(/ csat +Nullable\(Float64\),/);
    expect(ddl).toMatch(/ tags +Array\(String\),/);
    expect(ddl).toMatch(/ agent +String,/);
    expect(ddl).toMatch(/ missed +Nullable\(UInt8\),/);
    expect(ddl).toMatch(/ outbound +Nullable\(UInt8\),\n +customer_wrote +Nullable\(UInt8\)\n\)/);
    expect(ddl).toMatch(/ENGINE = MergeTree\(\)\nORDER BY \(created_at, id\)$/);
    expect(distributedTableDdl({ database: 'my db', table: 'tickets' })).toBe(
      'CREATE TABLE IF NOT EXISTS `my db`.tickets\nAS `my db`.tickets_local\nENGINE = Distributed(support_audit, `my db`, tickets_local, cityHash64(id))',
    );
  });

  it('docs/sql.md shows the statements the builders make', () => {
    const doc = readFileSync(join(ROOT, 'docs/sql.md'), 'utf8');
    const names = { database: 'default', table: 'tickets' };
    expect(doc).toContain(`${localTableDdl(names)};\n\n${distributedTableDdl(names)};\n`);
  });

  it("rows: absent text is '', absent numbers and instants null, flags 1/0", () => {
    const row = ticketRow({
      id: 'T-1',
      created_at: 1_700_000_000_000,
      tags: ['a'],
      channel: 'email',
      csat: 0.75,
      csat_good: false,
      missed: true,
      file: 0,
      line: 2,
    });
    expect(row).toMatchObject({
      id: 'T-1',
      created_at: 1_700_000_000_000,
      channel: 'email',
      agent: '',
      tags: ['a'],
      csat: 0.75,
      csat_good: 0,
      missed: 1,
      abandoned: null,
      solved_at: null,
    });
    expect(Object.keys(row)).toEqual(TICKET_COLUMNS.map((c) => c.name));
    expect('file' in row || 'line' in row).toBe(false);
  });

  it("shards by the parity of the id's last digit", () => {
    expect(['SD-10001', 'SD-10002', 'T-13', 'T-20', '7'].map((id) => shardOf(id, 2))).toEqual([1, 0, 1, 0, 1]);
    // No trailing digit: the sum of the character codes (A=65, B=66: 131 is odd).
    expect(shardOf('AB', 2)).toBe(1);
  });
});
