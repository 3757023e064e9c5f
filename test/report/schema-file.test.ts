// schema/report.schema.json must be what src/report-schema.ts generates (that schema is held to
// the Report type by the compiler); schema-cli.test.ts: it accepts the reports the command writes
// and rejects what is not one. To regenerate: UPDATE_REPORT_SCHEMA=1 npx vitest run test/report/schema-file.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../../src/report-schema.js';

const file = new URL('../../schema/report.schema.json', import.meta.url);

describe('schema/report.schema.json', () => {
  it('is in step with src/report-schema.ts', () => {
    const generated = `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_REPORT_SCHEMA) writeFileSync(file, generated);
    const committed = readFileSync(file, 'utf8');
    expect(committed === generated, 'schema/report.schema.json is stale: run UPDATE_REPORT_SCHEMA=1 npx vitest run test/report/schema-file.test.ts').toBe(true);
  });

  it('is a draft 2020-12 schema of strict objects naming the fixed keys of a report', () => {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as {
      $schema: string;
      additionalProperties: boolean;
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['schema', 'as_of', 'generated_by', 'policy', 'inputs', 'summary', 'rules', 'breakdowns']));
  });
});
