// The package as a user gets it: `npm pack` (of the build `npm test` made first), installed from
// the tarball without development dependencies (a global install into a temporary prefix, a
// project's `npm install --omit=dev`, and `npx` in an empty folder), each running the sample audit.
// The dependencies come from the npm registry, into a cache of the test's own. publint and
// @arethetypeswrong/cli check the tarball's package.json (files, exports, bin, engines, types).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../cli/run.js';
import { reportErrors } from '../support/report-schema.js';

const work = mkdtempSync(join(tmpdir(), 'sa-package-'));
const empty = join(work, 'empty');
const SAMPLE = 'support-desk.csv';

/** The environment of a user's shell: no npm_* variables of the `npm test` running this file. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return {
    ...env,
    npm_config_cache: join(work, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    NO_COLOR: '1',
  };
}

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, env: userEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 300_000 });
  if (r.error) throw r.error;
  return r;
}

function npm(args: string[], cwd: string): string {
  const r = run('npm', args, cwd);
  expect(r.status, `npm ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

/** Bytes under a folder (files only), like `du -sb` without the folders' own blocks. */
function bytesUnder(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) total += bytesUnder(p);
    else if (e.isFile()) total += statSync(p).size;
  }
  return total;
}

interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}
let packed: Packed;
let tarball: string;
/** The checkout's own report of the sample, from the same folder (the policy note names it). */
let expected: string;

beforeAll(() => {
  mkdirSync(empty);
  copyFileSync(join(ROOT, 'fixtures/samples', SAMPLE), join(empty, SAMPLE));
  // --ignore-scripts: `prepare` would build again what `npm test` built just before.
  packed = (JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT)) as Packed[])[0];
  tarball = join(work, packed.filename);
  const r = spawnSync(process.execPath, [BIN, 'audit', SAMPLE, '--format', 'json'], { cwd: empty, env: userEnv(), encoding: 'utf8' });
  expect(r.status).toBe(1);
  expected = r.stdout;
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed tarball', () => {
  it('holds the command, its build and the schemas, and nothing else of the checkout', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'bin/support-audit.js',
        'dist/cli.js',
        'dist/heap-flags.js',
        'dist/parallel/worker.js',
        'dist/index.js',
        'dist/index.d.ts',
        'schema/report.schema.json',
        'schema/policy.schema.json',
      ]),
    );
    for (const p of paths) expect(p).toMatch(/^(package\.json|README\.md|bin\/[^/]+\.js|dist\/.+\.(js|d\.ts)|schema\/[^/]+\.schema\.json)$/);
  });

  it('is clean under publint --strict (files, exports, bin, engines, types)', async () => {
    const { messages, pkg } = await publint({ pack: { tarball: readFileSync(tarball).buffer as ArrayBuffer }, level: 'suggestion', strict: true });
    expect(messages.map((m) => formatMessage(m, pkg) ?? m.code)).toEqual([]);
  });

  it('is clean under @arethetypeswrong/cli (ESM-only: no require() resolution is claimed)', () => {
    const r = run(
      process.execPath,
      [join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball, '--profile', 'esm-only', '--format', 'json'],
      work,
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { analysis: { types: unknown; entrypoints: Record<string, unknown> } };
    expect(Object.keys(result.analysis.entrypoints)).toEqual(['.', './report.schema.json', './policy.schema.json', './package.json']);
  });
});

describe('installed from the tarball', () => {
  it('npm install -g into a prefix: the command runs the sample audit as the checkout does', () => {
    const prefix = join(work, 'global');
    npm(['install', '-g', '--prefix', prefix, '--omit=dev', tarball], work);
    const cmd = join(prefix, 'bin', 'support-audit');
    const r = run(cmd, ['audit', SAMPLE, '--format', 'json'], empty);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toBe(expected);
    expect(reportErrors(JSON.parse(r.stdout))).toEqual([]);
    expect(run(cmd, ['--version'], empty).stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  }, 300_000);

  it('npm install --omit=dev in a project: only the runtime dependencies, the command, and the typed module entry', () => {
    const app = join(work, 'app');
    mkdirSync(app);
    npm(['init', '-y'], app);
    npm(['install', '--omit=dev', tarball], app);
    const modules = join(app, 'node_modules');
    const top = readdirSync(modules).filter((n) => !n.startsWith('.'));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    for (const dep of Object.keys(pkg.dependencies)) expect(top).toContain(dep.split('/')[0]);
    for (const dev of Object.keys(pkg.devDependencies)) expect(top).not.toContain(dev.split('/')[0]);
    const r = run(join(modules, '.bin', 'support-audit'), ['audit', join(empty, SAMPLE), '--format', 'json', '--output', join(app, 'report.json')], empty);
    expect(r.status, r.stderr).toBe(1);
    // The module entry: the report's constants, and the schema by its export path.
    const probe = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        [
          "import { REPORT_SCHEMA, PROBLEM_CODES } from 'support-audit';",
          "import { createRequire } from 'node:module';",
          "const path = createRequire(import.meta.url).resolve('support-audit/report.schema.json');",
          "console.log(REPORT_SCHEMA, PROBLEM_CODES.length > 0, path.endsWith('schema/report.schema.json'));",
        ].join('\n'),
      ],
      app,
    );
    expect(probe.stdout.trim(), probe.stderr).toBe('support-audit/report@1 true true');
    // What a production install costs (README "Install"): the whole node_modules, and the package itself.
    const total = bytesUnder(modules);
    const own = bytesUnder(join(modules, 'support-audit'));
    console.log(
      `production install: node_modules ${(total / 1e6).toFixed(2)} MB, support-audit itself ${(own / 1e6).toFixed(2)} MB; tarball ${(packed.size / 1e3).toFixed(0)} kB (${(packed.unpackedSize / 1e3).toFixed(0)} kB unpacked)`,
    );
    // 51.1 MB measured (date-holidays and what it pulls in are four fifths of it, README "Install"):
    // a new dependency that adds a quarter again should be a decision, not an accident.
    expect(total).toBeLessThan(65e6);
  }, 300_000);

  it('npx in an empty folder runs the sample audit', () => {
    const r = run('npx', ['--yes', '--package', tarball, '--', 'support-audit', 'audit', SAMPLE], empty);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^✖\s+ch\s+phone-wait\b/m);
    expect(r.stdout).toContain('gate FAILED');
  }, 300_000);
});
