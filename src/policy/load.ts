// Finding and reading a policy file: `--policy <path>`, else support-audit.policy.{yaml,yml,json}
// in the working directory or above it up to the repository root, else the built-in policy.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { PolicyError } from '../errors.js';
import { builtinPolicy } from './default.js';
import { invalidPolicy, resolvePolicy } from './resolve.js';
import type { Policy } from './types.js';

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
  return resolvePolicy(doc.toJS({ maxAliasCount: 100 }), source);
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
    if (statSync(file).isDirectory()) throw new PolicyError(`policy file ${shown} is a directory, not a file`);
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof PolicyError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new PolicyError(code === 'ENOENT' ? `policy file ${shown} not found` : `cannot read policy file ${shown} (${code ?? String(err)})`);
  }
  return parsePolicy(text.replace(/^\uFEFF/, ''), shown);
}
