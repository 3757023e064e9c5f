// Parity on a generated 1M-row export: `--engine duckdb` gives the built-in engine's report on
// the benchmark's realistic-21 file (bench/generate.mjs, seed 42: quoted cells with embedded
// quotes and line breaks, UTF-8 names, free-text tags), with the policy cut to the rules the SQL
// computes. Past 2,000 samples the percentiles are the log-bucket sketch's, which the SQL must
// reproduce; the trend, the worst breaches and inputs[] must agree too. Its own vitest project
// (`bench`, vitest.config.ts) with a long timeout: generating and auditing a million rows twice
// takes a minute or two on two cores.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { generate } from '../../bench/generate.mjs';
import { runAudit, type AuditRequest } from '../../src/audit.js';
import { builtinPolicy } from '../../src/policy/default.js';
import type { Policy } from '../../src/policy/types.js';
import { planRules } from '../../src/sql/compile.js';
import { duckdb } from '../../src/sql/dialect.js';

const ROWS = 1_000_000;

/** The policy with only the rules the SQL computes (and those switched off). */
function sqlRulesOnly(policy: Policy): Policy {
  const plans = new Map(planRules(policy, duckdb).map((p) => [p.id, p.unsupported]));
  return { ...policy, rules: policy.rules.filter((r) => r.severity === 'off' || plans.get(r.id) === undefined) };
}

describe('duckdb engine parity on a generated 1M-row export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'support-audit-bench-parity-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('realistic-21, 1,000,000 rows: the same report from both engines', async () => {
    const file = join(dir, 'realistic-21.csv');
    await generate(ROWS, file, 42, 'realistic-21');
    const req: AuditRequest = { files: [file], policy: sqlRulesOnly(builtinPolicy()), by: [], maxBreaches: 10, strict: false };
    const js = await runAudit(req);
    const sql = await runAudit({ ...req, engine: 'duckdb' });
    expect(sql.engine).toBe('duckdb');
    delete sql.engine;
    expect(js.inputs[0].rows).toBe(ROWS);
    // More than 2,000 samples: the sketch's percentiles, not interpolated ones.
    const measured = js.rules.filter((r) => r.eligible > 2000);
    expect(measured.length).toBeGreaterThan(0);
    expect(sql).toEqual(js);
  });
});
