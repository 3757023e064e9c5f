// The split between the `unit` and `cli` projects (test/projects.ts) follows what each file does:
// a file that starts the command or another program, runs worker threads, compiles TypeScript or
// runs audits on the DuckDB engine
// must be listed as `cli`, so that `npm run test:unit` stays in process, quick and needs no build;
// a listed file must do one of these.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BENCH_TESTS, CLI_TESTS } from '../projects.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** This file names what it looks for. */
const SELF = 'test/unit/projects.test.ts';

/** Files that start a program but stay in `unit`, with why. */
const ALLOWED: Record<string, string> = {
  'test/read/charsets.test.ts': 'runs python3 as an independent oracle for the code pages (a few ms), not the command',
};

/** What a test file imports that starts a program, by the module it comes from. */
const STARTERS: [RegExp, string][] = [
  [/^import .* from 'node:child_process';/m, 'node:child_process'],
  [/^import .* from 'playwright-core';/m, 'a browser (playwright-core)'],
  [/^import \{[^}]*\b(runCli|BIN)\b[^}]*\} from '[./]*(cli\/)?run\.js';/m, 'runCli/BIN (test/cli/run.ts)'],
  [/^import \{[^}]*\bcli\b[^}]*\} from '\.\/helpers\.js';/m, 'cli (test/bad-input/helpers.ts)'],
  [/^import \{[^}]*\b(audit|auditFile|explain)\b[^}]*\} from '[./]*(golden\/)?golden\.js';/m, 'audit/explain (test/golden/golden.ts)'],
  [/\bjobs: [2-9]/, 'worker threads (runAudit with jobs > 1: they load dist/parallel/worker.js)'],
  [/^import ts from 'typescript';/m, 'the TypeScript compiler'],
  [/\bengine: 'duckdb'/, 'the DuckDB engine (a native database, loaded and filled for every audit)'],
];

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : testFiles(path);
    return e.name.endsWith('.test.ts') ? [relative(ROOT, path)] : [];
  });
}

function starts(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return STARTERS.filter(([re]) => re.test(text)).map(([, what]) => what);
}

describe('vitest projects', () => {
  const files = testFiles(join(ROOT, 'test'));

  it('every test file that starts a program, a worker thread or the compiler is in the cli (or bench) project', () => {
    const misplaced = files
      .filter((f) => f !== SELF && !CLI_TESTS.includes(f) && !BENCH_TESTS.includes(f) && !(f in ALLOWED) && starts(f).length > 0)
      .map((f) => `${f}: ${starts(f).join(', ')}`);
    expect(misplaced).toEqual([]);
  });

  it('every file of the cli project exists and does one of these', () => {
    for (const f of [...CLI_TESTS, ...BENCH_TESTS]) {
      expect(files, f).toContain(f);
      expect(starts(f), f).not.toEqual([]);
    }
  });

  it('the detection sees a spawning import and passes an in-process one', () => {
    const check = (text: string) => STARTERS.some(([re]) => re.test(text));
    expect(check("import { ROOT, runCli } from '../cli/run.js';")).toBe(true);
    expect(check("import { ROOT } from '../cli/run.js';")).toBe(false);
    expect(check("import { BAD, cli, tempDir } from './helpers.js';")).toBe(true);
    expect(check("import { auditFile, counts, ruleOf } from '../golden/golden.js';")).toBe(true);
    expect(check("import { counts } from '../golden/golden.js';")).toBe(false);
    expect(check('await runAudit({ ...req, jobs: 2 });')).toBe(true);
    expect(check('await runAudit({ ...req, jobs: 1 });')).toBe(false);
  });
});
