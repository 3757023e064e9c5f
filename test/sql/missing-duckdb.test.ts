// Without the optional peer @duckdb/node-api, `--engine duckdb` says how to add it (exit 2). The
// package is made unresolvable for the child process by a module-resolution hook.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, ROOT, runCli } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'no-duckdb-'));
const hook = join(dir, 'block.mjs');
writeFileSync(
  hook,
  `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`export async function resolve(specifier, context, next) {
  if (specifier === '@duckdb/node-api') throw Object.assign(new Error('Cannot find package @duckdb/node-api'), { code: 'ERR_MODULE_NOT_FOUND' });
  return next(specifier, context);
}\`));
`,
);

describe('--engine duckdb without @duckdb/node-api', () => {
  it('exits 2 and says how to add the package', () => {
    const r = runCli(['audit', join(ROOT, 'fixtures/samples/zendesk-tickets.csv'), '--engine', 'duckdb'], {
      env: { NODE_OPTIONS: `--import ${pathToFileURL(hook).href}` },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('npm install @duckdb/node-api');
    expect(r.stdout).toBe('');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('the built-in engine does not need it', () => {
    const r = runCli(['audit', join(ROOT, 'fixtures/samples/zendesk-tickets.csv'), '--format', 'json'], {
      env: { NODE_OPTIONS: `--import ${pathToFileURL(hook).href}` },
    });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).rules.length).toBe(15);
  });
});
