import { PolicyError } from '../../src/errors.js';
import { parsePolicy } from '../../src/policy/load.js';

/** The issue lines of a policy text that must fail. */
export function issuesOf(yaml: string): string[] {
  try {
    parsePolicy(yaml, 'test.yaml');
  } catch (err) {
    if (err instanceof PolicyError) return err.issues;
    throw err;
  }
  throw new Error('expected the policy to be invalid');
}
