// Finding and reading a policy file: `--policy <path>`, else support-audit.policy.{yaml,yml,json}
// in the working directory or above it up to the repository root, else the built-in policy.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { PolicyError } from '../errors.js';
import { MAX_POLICY_BYTES, megabytes, readLimited, TooLarge } from '../read-limited.js';
import { builtinPolicy } from './default.js';
import { invalidPolicy, resolvePolicy } from './resolve.js';
import type { Policy } from './types.js';

/** Alias expansions allowed (the yaml package's own measure): plenty for reusing a schedule or filter. */
const MAX_ALIAS_COUNT = 100;

export const POLICY_FILE_NAMES = ['support-audit.policy.yaml', 'support-audit.policy.yml', 'support-audit.policy.json'];

/**
 * Parses a policy text (YAML, or JSON, which is YAML too) and resolves it. `source` names it in
 * errors and in the report (`built-in` or the path). YAML syntax errors carry line and column.
 */
export function parsePolicy(text: string, source: string): Policy {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const lines = doc.errors.map((e) => {
      const at = e.linePos?.[0];
      const where = at ? `line ${at.line}, column ${at.col}` : 'syntax';
      return `${where}: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`;
    });
    throw invalidPolicy(source, lines);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // The yaml package refuses aliases that expand beyond the count (a "billion laughs" document).
    if (err instanceof ReferenceError) {
      throw invalidPolicy(source, [
        /excessive alias/i.test(err.message)
          ? `aliases: they expand to more than ${MAX_ALIAS_COUNT} copies (refused: a document like this exhausts memory); write the values out`
          : `aliases: ${err.message}`,
      ]);
    }
    throw err;
  }
  return resolvePolicy(value, source);
}

function policyFileIn(dir: string): string | undefined {
  const found = POLICY_FILE_NAMES.map((n) => join(dir, n)).filter((p) => existsSync(p));
  if (found.length > 1) {
    throw new PolicyError(`more than one policy file in ${dir} (${found.join(', ')}): keep one, or pass --policy`);
  }
  return found[0];
}

/** The repository root above `cwd` (the first folder holding `.git`), if any. */
function repositoryRoot(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The nearest policy file from `cwd` up to the repository root (the first directory holding
 * `.git`). Outside any repository only `cwd` itself is searched, so a stray file in a parent
 * directory (a home folder) is never picked up by surprise.
 */
export function findPolicyFile(cwd: string): string | undefined {
  const start = resolve(cwd);
  const root = repositoryRoot(start);
  for (let dir = start; ; dir = dirname(dir)) {
    const found = policyFileIn(dir);
    if (found || root === undefined || dir === root || dirname(dir) === dir) return found;
  }
}

/** Where findPolicyFile looked, for the report of a run that fell back to the built-in policy. */
function searched(cwd: string): string {
  const start = resolve(cwd);
  const root = repositoryRoot(start);
  if (root === undefined) return `no ${POLICY_FILE_NAMES[0]} in ${start} (outside a git repository only the current folder is searched)`;
  if (root === start) return `no ${POLICY_FILE_NAMES[0]} in ${start}`;
  return `no ${POLICY_FILE_NAMES[0]} in ${start} or above it up to the repository root ${root}`;
}

export async function loadPolicy(opts: { path?: string; cwd: string }): Promise<Policy> {
  const file = opts.path !== undefined ? resolve(opts.cwd, opts.path) : findPolicyFile(opts.cwd);
  if (file === undefined) return { ...builtinPolicy(), note: `built-in policy: ${searched(opts.cwd)}` };
  const shown = opts.path ?? file;
  let text: string;
  try {
    text = await readLimited(file, MAX_POLICY_BYTES);
  } catch (err) {
    if (err instanceof TooLarge) {
      throw new PolicyError(`policy file ${shown} is larger than ${megabytes(err.limit)}: expected a policy (a few kB of YAML or JSON)`);
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new PolicyError(`policy file ${shown} is a directory, not a file`);
    if (code === 'EACCES' || code === 'EPERM') throw new PolicyError(`cannot read policy file ${shown}: permission denied`);
    throw new PolicyError(code === 'ENOENT' ? `policy file ${shown} not found` : `cannot read policy file ${shown} (${code ?? String(err)})`);
  }
  return parsePolicy(text, shown);
}
