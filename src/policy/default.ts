// The built-in policy: the eight baseline expectations (docs/policy.md), resolved once through the same schema as any file.

import { DEFAULT_DOCUMENT } from './default-document.js';
import { resolvePolicy } from './resolve.js';
import type { Policy } from './types.js';

let cached: Policy | undefined;

/** A fresh copy each call, so no caller can change another's defaults. */
export function builtinPolicy(): Policy {
  cached ??= resolvePolicy(DEFAULT_DOCUMENT, 'built-in');
  return structuredClone(cached);
}
