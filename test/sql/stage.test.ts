// The tickets' way into DuckDB (src/sql/stage.ts): JSON lines in a temporary file that DuckDB
// reads itself. What JSON could lose must arrive as the reading mapped it: quotes, back-slashes,
// line breaks, control characters and text beyond the BMP in cells, lists of tags, an infinite
// number (a 400-digit cell reads as one; JSON has no infinity), no ticket at all, and only the
// last of two readings; and the temporary files go away.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit, type AuditRequest } from '../../src/audit.js';
import { builtinPolicy } from '../../src/policy/default.js';
import type { Report } from '../../src/report.js';
import { openDuckDB } from '../../src/sql/duckdb.js';
import { stagedTable, ticketStage } from '../../src/sql/stage.js';
import { blankTicket } from '../../src/map/ticket-shape.js';
import { ROOT } from '../cli/run.js';

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
