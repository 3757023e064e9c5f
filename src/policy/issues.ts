// Policy problems as `path: what was expected` lines (`rules[3].target: expected a percentage
// like 95%`), from zod issues and from the cross-field checks that follow the schema. Each keeps
// its path, so a policy read from a file can name the line and column it points at.

import type { z } from 'zod';
import { closestWord, didYouMean } from '../did-you-mean.js';

export type Path = readonly (string | number)[];

export interface PolicyIssue {
  path: Path;
  message: string;
}

/** Where a path points in the policy text (`line 4, column 7`), when it is written there. */
export type Locate = (path: Path) => string | undefined;

/** The keys an object at `path` (below the schema's root) may have; `input` is the object written there. */
export type KnownKeys = (path: Path, input: unknown) => readonly string[];

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

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `, got "eror" (did you mean "error"?)` for a text close to one of the allowed values. */
function suggestion(given: unknown, values: readonly unknown[]): string {
  if (typeof given !== 'string') return '';
  const words = values.filter((v): v is string => typeof v === 'string');
  return closestWord(given, words) === undefined ? '' : `, got "${given}"${didYouMean(given, words)}`;
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
      return `expected one of ${list(issue.values)}${suggestion(issue.input, issue.values)}`;
    case 'invalid_union': {
      const u = issue as { discriminator?: string; options?: unknown[]; input?: unknown };
      if (u.discriminator && u.options) {
        const given = isMapping(u.input) ? u.input[u.discriminator] : undefined;
        return `expected one of ${list(u.options)}${suggestion(given, u.options)}`;
      }
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

/**
 * Zod issues with their paths, under `prefix` (the rule's place when a rule is checked on its
 * own). An unknown key is one issue per key, with the closest known key when `known` says which.
 */
export function zodIssues(issues: readonly z.core.$ZodIssue[], prefix: Path = [], known?: KnownKeys, within: Path = []): PolicyIssue[] {
  const out: PolicyIssue[] = [];
  for (const issue of issues) {
    const inner = [...within, ...(issue.path as (string | number)[])];
    const branch = furthestBranch(issue);
    if (branch) {
      out.push(...zodIssues(branch, prefix, known, inner));
      continue;
    }
    if (issue.code === 'invalid_union' && ZOD_WORDING.test(issue.message) && issue.errors?.[0]?.[0]) {
      out.push(...zodIssues([issue.errors[0][0]], prefix, known, inner));
      continue;
    }
    const path: Path = [...prefix, ...inner];
    if (issue.code === 'unrecognized_keys' && ZOD_WORDING.test(issue.message)) {
      const keys = known ? known(inner, issue.input).filter((k) => !issue.keys.includes(k)) : [];
      for (const key of issue.keys) out.push({ path: [...path, key], message: `unknown key${didYouMean(key, keys)}` });
      continue;
    }
    out.push({ path, message: describe(issue) });
  }
  return out;
}

/** `rules[0].target: expected …`, with where it is written when `locate` knows. */
export function issueLine(issue: PolicyIssue, locate?: Locate): string {
  const where = formatPath(issue.path);
  const at = locate?.(issue.path);
  return `${where === '' ? '' : `${where}: `}${issue.message}${at ? ` (${at})` : ''}`;
}

/** Collects cross-field problems with their paths, in the order found. */
export class Issues {
  readonly items: PolicyIssue[] = [];
  add(path: Path, message: string): void {
    this.items.push({ path, message });
  }
  addAll(items: readonly PolicyIssue[]): void {
    this.items.push(...items);
  }
  get ok(): boolean {
    return this.items.length === 0;
  }
  lines(locate?: Locate): string[] {
    return this.items.map((i) => issueLine(i, locate));
  }
}
