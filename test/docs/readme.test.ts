// Every command the README shows is run as written (from a scratch folder that can see the
// fixtures), so the README cannot drift from the tool. Placeholders for a user's own files
// (exports/…, /srv/…) appear only in the cron and CI recipes, which are checked for flags instead.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run.js';
import { reportErrors } from '../support/report-schema.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

function blocks(lang: string): string[] {
  return [...readme.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

/** Shell lines of the ```sh blocks, comments kept (bash ignores them). */
const commands = blocks('sh').flatMap((b) => b.split('\n').filter((l) => l.trim() !== ''));

function scratch(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'sa-readme-'));
  symlinkSync(join(ROOT, 'fixtures'), join(dir, 'fixtures'));
  const bin = join(dir, '.bin');
  mkdirSync(bin);
  // `support-audit` and `npx support-audit` both resolve to this checkout's build.
  const shim = join(bin, 'support-audit');
  writeFileSync(shim, `#!/bin/sh\nexec node ${JSON.stringify(join(ROOT, 'bin', 'support-audit.js'))} "$@"\n`);
  chmodSync(shim, 0o755);
  return { dir, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1' } };
}

describe('README', () => {
  it('starts with the two set-up commands and the test command', () => {
    const first = blocks('sh')
      .slice(0, 2)
      .map((b) => b.trim());
    expect(first[0]).toBe('npm ci\nnpx support-audit audit fixtures/samples/support-desk.csv');
    expect(first[1]).toBe('npm test');
  });

  it("shows the first command's scorecard as it is (below its header, at the default 100 columns)", () => {
    const shown = blocks('text')[0];
    const env: Record<string, string> = { ...process.env, NO_COLOR: '1' } as Record<string, string>;
    delete env.COLUMNS;
    const out = spawnSync(process.execPath, [join(ROOT, 'bin', 'support-audit.js'), 'audit', 'fixtures/samples/support-desk.csv'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    }).stdout;
    expect(shown.trim().length).toBeGreaterThan(0);
    expect(out).toContain(shown);
  });

  it('every support-audit command it shows runs: exit 0 or 1, never a usage or input error', () => {
    const { dir, env } = scratch();
    const run = commands.filter((l) => /^(npx )?support-audit |^mkdir /.test(l.trim()));
    expect(run.length).toBeGreaterThan(10);
    for (const line of run) {
      const cmd = line.replace(/^npx /, '');
      const r = spawnSync('bash', ['-c', cmd], { cwd: dir, env, encoding: 'utf8' });
      expect({ line, code: r.status, stderr: r.stderr }).toMatchObject({ line, code: expect.toSatisfy((c: number) => c === 0 || c === 1) });
    }
    // The JSON reports those commands wrote match the published schema.
    const json = readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.json'));
    expect(json.length).toBeGreaterThan(0);
    for (const f of json) expect({ f, errors: reportErrors(JSON.parse(readFileSync(join(dir, 'out', f), 'utf8'))) }).toEqual({ f, errors: [] });
  }, 120_000);

  it('the cron and CI recipes use only flags and formats the tool has', () => {
    const help = execFileSync('node', [join(ROOT, 'bin', 'support-audit.js'), 'audit', '--help'], { encoding: 'utf8' });
    const recipes = [...blocks('cron'), ...blocks('yaml')].join('\n');
    const flags = new Set([...recipes.matchAll(/(?<=\s)--[a-z][a-z-]*/g)].map((m) => m[0]));
    expect(flags.size).toBeGreaterThan(3);
    for (const flag of flags) expect(help, flag).toContain(flag);
    for (const [, format] of recipes.matchAll(/--(?:report|format) ([a-z]+)/g)) {
      expect(['table', 'json', 'markdown', 'junit', 'github', 'html']).toContain(format);
    }
  });
});
