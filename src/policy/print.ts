// `support-audit policy print`: the effective policy, every default filled in, written back the
// human way (`24h`, `90%`).

import { Document, isScalar, visit } from 'yaml';
import { policyDocument } from './human.js';
import type { Policy } from './types.js';

export function printPolicy(policy: Policy, format: 'yaml' | 'json'): string {
  const doc = policyDocument(policy);
  if (format === 'json') return `${JSON.stringify(doc, null, 2)}\n`;
  return policyYaml(doc).toString({ lineWidth: 100 });
}

/** A YAML document of a policy, lists of plain values written inline (`channel: [email, web]`). */
export function policyYaml(doc: object): Document {
  const yaml = new Document(doc, { aliasDuplicateObjects: false });
  visit(yaml, {
    Seq(_, node) {
      // Short lists inline; long word lists stay one per line, easier to edit and diff.
      const scalars = node.items.every((item) => isScalar(item));
      const width = node.items.reduce<number>((n, item) => n + String((item as { value: unknown }).value).length + 2, 0);
      if (scalars && width <= 60) {
        node.flow = true;
      }
    },
  });
  return yaml;
}
