// schema/report.schema.json must be what src/report-schema.ts generates (that schema is held to
// the Report type by the compiler), and must accept the reports the command writes and reject
// what is not one. To regenerate: UPDATE_REPORT_SCHEMA=1 npx vitest run test/report/schema-file.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../../src/report-schema.js';
import { runCli } from '../cli/run.js';
import { reportErrors, validated } from '../support/report-schema.js';

const file = new URL('../../schema/report.schema.json', import.meta.url);

describe('schema/report.schema.json', () => {
  it('is in step with src/report-schema.ts', () => {
    const generated = `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_REPORT_SCHEMA) writeFileSync(file, generated);
    const committed = readFileSync(file, 'utf8');
    expect(
      committed === generated,
      'schema/report.schema.json is stale: run UPDATE_REPORT_SCHEMA=1 npx vitest run test/report/schema-file.test.ts',
    ).toBe(true);
  });

  it('is a draft 2020-12 schema of strict objects naming the fixed keys of a report', () => {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as {
      $schema: string; additionalProperties: boolean; required: string[]; properties: Record<string, unknown>;
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining(['schema', 'as_of', 'generated_by', 'policy', 'inputs', 'summary', 'rules', 'breakdowns']),
    );
  });

  // One audit with most optional parts present: breakdowns, breaches, a baseline and its deltas,
  // a window, the HTML distribution (JSON carries it too), overrides' groups.
  const run = runCli([
    'audit', 'fixtures/samples/zendesk-tickets.csv', '--format', 'json', '--timezone', 'UTC', '--by', 'channel,agent,week',
    '--show-breaches', '3', '--since', '2024-03-01', '--baseline', 'fixtures/render/report.json',
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
