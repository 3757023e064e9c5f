// schema/report.schema.json accepts the reports the command writes and rejects what is not one
// (schema-file.test.ts: the file is what src/report-schema.ts generates).
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { reportErrors, validated } from '../support/report-schema.js';

describe('schema/report.schema.json and the command', () => {
  // One audit with most optional parts present: breakdowns, breaches, a baseline and its deltas,
  // a window, the HTML distribution (JSON carries it too), overrides' groups.
  const run = runCli([
    'audit',
    'fixtures/samples/zendesk-tickets.csv',
    '--format',
    'json',
    '--timezone',
    'UTC',
    '--by',
    'channel,agent,week',
    '--show-breaches',
    '3',
    '--since',
    '2024-03-01',
    '--baseline',
    'fixtures/render/report.json',
  ]);
  const report = JSON.parse(run.stdout) as Record<string, unknown>;

  it('accepts a report of the command, with breakdowns, breaches, a window and a baseline', () => {
    expect([0, 1]).toContain(run.code);
    expect(report.window).toBeDefined();
    expect(report.baseline).toBeDefined();
    expect(reportErrors(report)).toEqual([]);
    // runCli validated it already (and this file's other runs).
    expect(validated.count).toBeGreaterThan(0);
  });

  it('rejects what is not a report@1: a renamed key, an unknown status, a compliance over 1, an extra key', () => {
    const copy = (): Record<string, any> => JSON.parse(run.stdout);
    const renamed = copy();
    renamed.rules[0].compliance_ratio = renamed.rules[0].compliance;
    delete renamed.rules[0].compliance;
    expect(reportErrors(renamed).join('\n')).toMatch(/\/rules\/0: must have required property 'compliance'/);
    const status = copy();
    status.rules[1].status = 'passed';
    expect(reportErrors(status).join('\n')).toMatch(/\/rules\/1\/status: must be equal to one of the allowed values/);
    const over = copy();
    over.rules[0].compliance = 1.5;
    expect(reportErrors(over).join('\n')).toMatch(/\/rules\/0\/compliance: must be <= 1/);
    const extra = copy();
    extra.summary.verdict = 'ok';
    expect(reportErrors(extra).join('\n')).toMatch(/\/summary: must NOT have additional properties/);
    const schema = copy();
    schema.schema = 'support-audit/report@2';
    expect(reportErrors(schema)).not.toEqual([]);
  });
});
