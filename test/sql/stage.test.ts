// The tickets' way into DuckDB (src/sql/stage.ts): JSON lines in a temporary file that DuckDB
// reads itself. What JSON could lose must arrive as the reading mapped it: quotes, back-slashes,
// line breaks, control characters and text beyond the BMP in cells, lists of tags, an infinite
// number (a 400-digit cell reads as one; JSON has no infinity), no ticket at all, and only the
// last of two readings; and the temporary files go away.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit, type AuditRequest } from '../../src/audit.js';
import { builtinPolicy } from '../../src/policy/default.js';
import type { Report } from '../../src/report.js';
import { openDuckDB } from '../../src/sql/duckdb.js';
import { columnsRead } from '../../src/sql/engine.js';
import { stagedTable, ticketStage } from '../../src/sql/stage.js';
import { TICKET_COLUMNS } from '../../src/sql/table.js';
import { blankTicket } from '../../src/map/ticket-shape.js';
import { BIN, hasStackTrace, ROOT, runCli } from '../cli/run.js';

const fixture = (p: string) => join(ROOT, p);

async function both(files: string[], extra: Partial<AuditRequest> = {}): Promise<[Report, Report]> {
  const req: AuditRequest = { files, policy: builtinPolicy(), by: [], maxBreaches: 10, strict: false, ...extra };
  const js = await runAudit(req);
  const sql = await runAudit({ ...req, engine: 'duckdb' });
  delete sql.engine;
  return [js, sql];
}

describe('staging tickets for DuckDB as JSON lines', () => {
  it('awkward cells reach DuckDB as read (the reports agree)', async () => {
    const [js, sql] = await both([fixture('test/fixtures/sql/awkward.csv')], { preset: 'canonical' });
    expect(js.rules.find((r) => r.id === 'phone-wait')!.eligible).toBe(3);
    for (const r of js.rules) {
      const other = sql.rules.find((s) => s.id === r.id)!;
      if (other.status === 'unsupported') continue;
      expect(other).toEqual(r);
    }
    expect(sql.inputs).toEqual(js.inputs);
  });

  it('a header-only export: no tickets, the same report', async () => {
    const [js, sql] = await both([fixture('test/fixtures/sql/header-only.csv')], { preset: 'canonical' });
    expect(js.as_of).toBeNull();
    for (const r of js.rules) {
      const other = sql.rules.find((s) => s.id === r.id)!;
      if (other.status !== 'unsupported') expect(other).toEqual(r);
    }
  });

  it('keeps only the last reading, writes every canonical column and removes its folder', async () => {
    const stage = ticketStage();
    const first = blankTicket('X-1', 1000, 0, 2);
    stage.add(first, 0);
    const second = { ...blankTicket('Y-1', 2000, 0, 2), tags: ['a', 'b c'], wait_seconds: Number.NEGATIVE_INFINITY, subject: 'line\nbreak "q" \\ 🎉\u0001' };
    stage.add(second, 1);
    stage.add(blankTicket('Y-2', 3000, 0, 3), 1);
    const file = stage.end(1);
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(3);
    const session = await openDuckDB();
    try {
      await session.run(stagedTable(file, 'tickets'));
      const rows = await session.all('SELECT id, created_at, tags, wait_seconds, subject, channel FROM tickets ORDER BY id');
      expect(rows).toEqual([
        { id: 'Y-1', created_at: 2000n, tags: ['a', 'b c'], wait_seconds: Number.NEGATIVE_INFINITY, subject: second.subject, channel: null },
        { id: 'Y-2', created_at: 3000n, tags: [], wait_seconds: null, subject: null, channel: null },
      ]);
    } finally {
      session.close();
      stage.remove();
    }
    expect(existsSync(dirname(file))).toBe(false);
  });
});

describe('the columns loaded', () => {
  it('are those the policy SQL names; the others are NULL (an empty list for tags)', async () => {
    const builtin = builtinPolicy();
    // Rules that read no subject, requester or due date (the built-in policy's subject filters and promise rule do).
    const policy = {
      ...builtin,
      rules: builtin.rules.filter((r) => ['chat-first-response', 'email-first-response', 'phone-wait', 'satisfaction'].includes(r.id)),
    };
    const read = columnsRead({ policy, asOf: Date.parse('2024-03-01T00:00:00Z'), available: new Set(), clocks: {}, maxBreaches: 10 });
    // These rules read first responses, waits, ratings and the filters' fields, never the subject.
    for (const name of ['id', 'created_at', 'channel', 'first_response_minutes', 'wait_seconds', 'csat', 'tags', 'status'])
      expect(read.has(name), name).toBe(true);
    for (const name of ['subject', 'requester', 'requester_name', 'due_at']) expect(read.has(name), name).toBe(false);
    const stage = ticketStage();
    stage.add({ ...blankTicket('Z-1', 5000, 0, 2), subject: 'not loaded', tags: ['kept'], channel: 'email' }, 0);
    const file = stage.end(0);
    const session = await openDuckDB();
    try {
      await session.run(stagedTable(file, 'tickets', read));
      expect(await session.all('SELECT id, subject, channel, tags FROM tickets')).toEqual([{ id: 'Z-1', subject: null, channel: 'email', tags: ['kept'] }]);
      const types = await session.all('SELECT column_name, column_type FROM (DESCRIBE tickets)');
      expect(types.map((t) => t.column_name)).toEqual(TICKET_COLUMNS.map(([name]) => name));
      expect(types.find((t) => t.column_name === 'subject')?.column_type).toBe('VARCHAR');
      expect(types.find((t) => t.column_name === 'due_at')?.column_type).toBe('BIGINT');
    } finally {
      session.close();
      stage.remove();
    }
  });
});

describe('the staged file', () => {
  it("is this user's only, in a folder of its own", () => {
    const stage = ticketStage();
    try {
      stage.add(blankTicket('P-1', 1000, 0, 2), 0);
      const file = stage.end(0);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(dirname(file)).mode & 0o777).toBe(0o700);
    } finally {
      stage.remove();
    }
  });

  it('without a usable temporary folder: exit 2 and a sentence saying what to do, no stack trace', () => {
    const r = runCli(['audit', fixture('test/fixtures/sql/awkward.csv'), '--preset', 'canonical', '--engine', 'duckdb'], {
      env: { TMPDIR: join(ROOT, 'no-such-folder', 'tmp') },
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--engine duckdb cannot keep the mapped tickets in the temporary folder');
    expect(r.stderr).toContain('(ENOENT): set TMPDIR to a folder with room, or leave out --engine.');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe('an interrupted audit', () => {
  it('removes the staged tickets on SIGINT (the process ends by the signal: no exit handler runs)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'support-audit-stage-test-'));
    try {
      const input = join(dir, 'export.csv');
      execFileSync(process.execPath, [join(ROOT, 'bench/generate.mjs'), '300000', input]);
      const temp = join(dir, 'tmp');
      mkdirSync(temp);
      const child = spawn(process.execPath, [BIN, 'audit', input, '--engine', 'duckdb', '--format', 'json'], {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1', TMPDIR: temp },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      let exited = false;
      const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('exit', (code, signal) => {
          exited = true;
          resolve({ code, signal });
        }),
      );
      // Signalled once the staged file has its first lines: long before 300,000 rows are read.
      const staged = () => readdirSync(temp).flatMap((d) => readdirSync(join(temp, d)).map((f) => statSync(join(temp, d, f)).size));
      const deadline = Date.now() + 60_000;
      while (!exited && Date.now() < deadline && !staged().some((size) => size > 0)) await new Promise((r) => setTimeout(r, 20));
      expect(exited, 'the audit finished before it could be interrupted').toBe(false);
      child.kill('SIGINT');
      const { code, signal } = await done;
      expect(code === 130 || signal === 'SIGINT', `exit ${code}, signal ${signal}`).toBe(true);
      expect(stderr).toContain('interrupted: no report written.');
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
