import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PolicyError } from '../../src/errors.js';
import { findPolicyFile, loadPolicy } from '../../src/policy/load.js';

function repo(): string {
  const root = mkdtempSync(join(tmpdir(), 'policy-'));
  mkdirSync(join(root, 'repo', '.git'), { recursive: true });
  mkdirSync(join(root, 'repo', 'a', 'b'), { recursive: true });
  return root;
}

describe('finding and loading a policy', () => {
  it('finds the nearest policy file up to the repository root', () => {
    const root = repo();
    writeFileSync(join(root, 'repo', 'support-audit.policy.yml'), 'name: top\n');
    expect(findPolicyFile(join(root, 'repo', 'a', 'b'))).toBe(join(root, 'repo', 'support-audit.policy.yml'));
    writeFileSync(join(root, 'repo', 'a', 'support-audit.policy.json'), '{"name": "a"}');
    expect(findPolicyFile(join(root, 'repo', 'a', 'b'))).toBe(join(root, 'repo', 'a', 'support-audit.policy.json'));
  });

  it('never looks above the repository root, nor above cwd outside a repository', () => {
    const root = repo();
    writeFileSync(join(root, 'support-audit.policy.yaml'), 'name: outside\n');
    expect(findPolicyFile(join(root, 'repo', 'a'))).toBeUndefined();
    mkdirSync(join(root, 'plain'));
    expect(findPolicyFile(join(root, 'plain'))).toBeUndefined();
    expect(findPolicyFile(root)).toBe(join(root, 'support-audit.policy.yaml'));
  });

  it('two policy files side by side are an error', () => {
    const root = repo();
    writeFileSync(join(root, 'repo', 'support-audit.policy.yaml'), '');
    writeFileSync(join(root, 'repo', 'support-audit.policy.json'), '{}');
    expect(() => findPolicyFile(join(root, 'repo'))).toThrow(PolicyError);
  });

  it('loads --policy, else the found file, else the built-in', async () => {
    const root = repo();
    const cwd = join(root, 'repo', 'a');
    expect((await loadPolicy({ cwd })).source).toBe('built-in');
    writeFileSync(join(root, 'repo', 'support-audit.policy.yaml'), 'name: found\n');
    expect((await loadPolicy({ cwd })).name).toBe('found');
    writeFileSync(join(cwd, 'mine.yaml'), 'name: mine\n');
    const p = await loadPolicy({ cwd, path: 'mine.yaml' });
    expect([p.name, p.source]).toEqual(['mine', 'mine.yaml']);
  });

  it('a missing --policy file is a PolicyError naming it', async () => {
    await expect(loadPolicy({ cwd: tmpdir(), path: 'nope.yaml' })).rejects.toThrow(/policy file nope\.yaml not found/);
  });
});
