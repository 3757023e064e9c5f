// The JSON Schema of policy files, generated from the zod schema (`policy schema`, and the
// committed schema/policy.schema.json that editors use; a test keeps the two in step).

import { z } from 'zod';
import { DEFAULT_RULE_IDS } from './default-document.js';
import { policyFileSchema } from './schema.js';

export function policyJsonSchema(): object {
  return z.toJSONSchema(policyFileSchema([...DEFAULT_RULE_IDS]), { io: 'input', unrepresentable: 'any', reused: 'ref' });
}
