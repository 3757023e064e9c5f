// The committed schema/policy.schema.json must be what the zod schema generates. To regenerate:
//   UPDATE_POLICY_SCHEMA=1 npx vitest run test/policy/schema-file.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyJsonSchema } from '../../src/policy/json-schema.js';

const file = new URL('../../schema/policy.schema.json', import.meta.url);

describe('schema/policy.schema.json', () => {
  it('is in step with the zod schema', () => {
    const generated = `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_POLICY_SCHEMA) writeFileSync(file, generated);
    const committed = readFileSync(file, 'utf8');
    expect(committed === generated, 'schema/policy.schema.json is stale: run UPDATE_POLICY_SCHEMA=1 npx vitest run test/policy/schema-file.test.ts').toBe(true);
  });

  it('describes the document: strict, with the default rule ids and the measures', () => {
    const schema = policyJsonSchema() as { additionalProperties: boolean; properties: Record<string, unknown> };
    expect(schema.additionalProperties).toBe(false);
    const text = JSON.stringify(schema);
    expect(text).toContain('"chat-first-response"');
    expect(text).toContain('"queue-hygiene"');
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['name', 'extends', 'timezone', 'schedules', 'inputs', 'exclude_tags', 'rules', 'gate']),
    );
  });
});
