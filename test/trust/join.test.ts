// A ticket export and a message export of the same desk audited together (docs/reading.md "A
// ticket export with its messages"): joined by ticket id, in any file order.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit.js';
import { parsePolicy } from '../../src/policy/load.js';
import type { Report, RuleResult } from '../../src/report.js';
import { ROOT, runCli } from '../cli/run.js';

const TICKETS = join(ROOT, 'fixtures/trust/join/tickets.csv');
const MESSAGES = join(ROOT, 'fixtures/trust/join/messages.csv');
const policy = parsePolicy('gate: { min_sample: 1 }', 'min-sample-1.yaml');
const audit = (files: string[], jobs = 1) => runAudit({ files, policy, by: [], maxBreaches: 50, strict: false, jobs });
const rule = (r: Report, id: string) => r.rules.find((x) => x.id === id) as RuleResult;

describe('tickets joined with their messages', () => {
  it('promise-updates measures what the ticket export alone cannot (figures worked out in the fixture README)', async () => {
    const r = await audit([TICKETS, MESSAGES]);
    expect(r.as_of).toBe('2024-03-08T08:00:00.000Z');
    const promise = rule(r, 'promise-updates');
    expect(promise).toMatchObject({ eligible: 3, met: 2, breached: 1, excluded: 1, excluded_reasons: { 'update-history-unknown': 1 } });
    // Lateness: T1 26 h, T2 27 h, T4 46 h (open at as_of).
    expect([promise.p50, promise.mean]).toEqual([27 * 60, 33 * 60]);
    expect(promise.breaches.map((b) => [b.id, b.value])).toEqual([['T2', 27 * 60]]);
    // First responses from the messages: T1 1 h, T2 51 h (late), T3 8 h, T4 23.5 h (the note at 11:00 is private).
    expect(rule(r, 'email-first-response')).toMatchObject({ eligible: 4, met: 3, excluded_reasons: { 'closed-without-reply': 1 } });
    // C9 has no ticket row: audited from its messages.
    expect(rule(r, 'chat-first-response')).toMatchObject({ eligible: 1, met: 1 });
    expect(r.inputs.map((i) => [i.format, i.joined])).toEqual([
      ['canonical', 4],
      ['canonical-messages', 4],
    ]);
  });

  it('the ticket export alone: the late tickets are update-history-unknown, and nothing is measured', async () => {
    const r = await audit([TICKETS]);
    expect(rule(r, 'promise-updates')).toMatchObject({ status: 'no_data', eligible: 0, excluded: 4 });
    expect(r.inputs[0].joined).toBeUndefined();
  });

  it('the same report in either file order, and with --jobs 2', async () => {
    const a = await audit([TICKETS, MESSAGES]);
    const b = await audit([MESSAGES, TICKETS]);
    expect(b.rules).toEqual(a.rules);
    expect(b.inputs.map((i) => i.joined)).toEqual([4, 4]);
    expect(JSON.stringify(await audit([TICKETS, MESSAGES], 2))).toBe(JSON.stringify(a));
  });

  it('the scorecard says what was joined', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-join-'));
    const p = join(dir, 'p.yaml');
    writeFileSync(p, 'gate: { min_sample: 1 }\n');
    // Wide enough that the long temporary paths stay on one line (the scorecard wraps at its width).
    const r = runCli(['audit', TICKETS, MESSAGES, '--policy', p], { env: { COLUMNS: '400' } });
    expect(r.stdout).toContain('tickets.csv (canonical): 5 rows, 5 used, 0 skipped, 4 joined with the other kind of export');
    expect(r.stdout).toContain('messages.csv (canonical-messages): 13 rows, 13 used, 0 skipped, 4 joined with the other kind of export');
  });
});
