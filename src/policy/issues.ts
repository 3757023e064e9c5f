// Policy problems as `path: what was expected` lines (`rules[3].target: expected a percentage
// like 95%`), from zod issues and from the cross-field checks that follow the schema.

import type { z } from 'zod';

export type Path = readonly (string | number)[];

/** `rules[3].applies_to.subject[0]` from ['rules', 3, 'applies_to', 'subject', 0]. */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}

function list(values: readonly unknown[]): string {
  return values.map((v) => String(v)).join(', ');
}

// Zod's own wording; anything else was written by this schema and is used as it is.
const ZOD_WORDING = /^(Invalid|Unrecognized|Too (small|big))/;

function describe(issue: z.core.$ZodIssue): string {
  // Parsed with reportInput, so a missing key shows as an issue whose input is undefined.
  if ('input' in issue && issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) {
    return 'required';
  }
  if (!ZOD_WORDING.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      return `expected ${issue.expected === 'object' ? 'a mapping of keys' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    }
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${list(issue.values)}`;
    case 'invalid_union': {
      const u = issue as { discriminator?: string; options?: unknown[] };
      if (u.discriminator && u.options) return `expected one of ${list(u.options)}`;
      return issue.message;
    }
    case 'too_small':
      if (issue.origin === 'array') return `expected at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return 'expected a non-empty text';
      return `expected a number ${issue.inclusive ? 'at least' : 'above'} ${issue.minimum}`;
    case 'too_big':
      return `expected a number ${issue.inclusive ? 'at most' : 'below'} ${issue.maximum}`;
    default:
      return issue.message;
  }
}

/** Zod issues as lines, under `prefix` (the rule's place when a rule is checked on its own). */
/**
 * For a failed union without a message of its own (one value or a list of them), the branch that
 * got furthest: not failing on the value's type at its root, and reaching deepest into it.
 */
function furthestBranch(issue: z.core.$ZodIssue): z.core.$ZodIssue[] | undefined {
  if (issue.code !== 'invalid_union' || !issue.errors?.length || !ZOD_WORDING.test(issue.message)) return undefined;
  let best: z.core.$ZodIssue[] | undefined;
  let bestDepth = -1;
  for (const branch of issue.errors) {
    if (!branch.some((i) => i.path.length > 0 || i.code !== 'invalid_type')) continue;
    const depth = Math.max(...branch.map((i) => i.path.length));
    if (depth > bestDepth) [best, bestDepth] = [branch, depth];
  }
  return best;
}

export function zodIssueLines(issues: readonly z.core.$ZodIssue[], prefix: Path = []): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const branch = furthestBranch(issue);
    if (branch) {
      lines.push(...zodIssueLines(branch, [...prefix, ...(issue.path as (string | number)[])]));
      continue;
    }
    if (issue.code === 'invalid_union' && ZOD_WORDING.test(issue.message) && issue.errors?.[0]?.[0]) {
      lines.push(...zodIssueLines([issue.errors[0][0]], [...prefix, ...(issue.path as (string | number)[])]));
      continue;
    }
    let path: Path = [...prefix, ...(issue.path as (string | number)[])];
    let message = describe(issue);
    if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) {
      path = [...path, issue.keys[0]];
      message = 'unknown key';
    }
    const where = formatPath(path);
    lines.push(where === '' ? message : `${where}: ${message}`);
  }
  return lines;
}

/** Collects cross-field problems with their paths, in the order found. */
export class Issues {
  readonly lines: string[] = [];
  add(path: Path, message: string): void {
    const where = formatPath(path);
    this.lines.push(where === '' ? message : `${where}: ${message}`);
  }
  addAll(lines: string[]): void {
    this.lines.push(...lines);
  }
  get ok(): boolean {
    return this.lines.length === 0;
  }
}
