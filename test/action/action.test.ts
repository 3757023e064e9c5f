// The GitHub Action (action.yml) and its script (action/run.sh), run here as the runner would:
// the script with GITHUB_WORKSPACE, RUNNER_TEMP, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT pointing at
// temporary files, and the checkout's build as the command (the action's `npm ci` builds the
// same). What the runner itself does (the composite steps, upload-artifact) is checked in the YAML.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../cli/run.js';
import { reportErrors } from '../support/report-schema.js';

const SCRIPT = join(ROOT, 'action/run.sh');

interface Step {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  'working-directory'?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
};

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  reports: string[];
  dir: string;
}

/** A workspace holding the Zendesk sample under exports/, and the script run in it. */
function runAction(inputs: Record<string, string>, files: Record<string, string> = {}): ActionRun {
  const tmp = mkdtempSync(join(tmpdir(), 'sa-action-'));
  const workspace = join(tmp, 'workspace');
  const runnerTemp = join(tmp, 'runner-temp');
  mkdirSync(join(workspace, 'exports'), { recursive: true });
  mkdirSync(runnerTemp);
  copyFileSync(join(ROOT, 'fixtures/samples/zendesk-tickets.csv'), join(workspace, 'exports/zendesk-tickets.csv'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(workspace, name), text);
  const summaryFile = join(tmp, 'step-summary.md');
  const outputFile = join(tmp, 'github-output');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NO_COLOR: '1',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    SUPPORT_AUDIT_BIN: BIN,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = spawnSync('bash', [SCRIPT, 'audit'], { cwd: tmp, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  const dir = join(runnerTemp, 'support-audit');
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    summary: readFileSync(summaryFile, 'utf8'),
    outputs,
    reports: existsSync(dir) ? readdirSync(dir).sort() : [],
    dir,
  };
}

function verdict(exitCode: string, failOnGate?: string): number | null {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, EXIT_CODE: exitCode };
  if (failOnGate !== undefined) env.FAIL_ON_GATE = failOnGate;
  return spawnSync('bash', [SCRIPT, 'verdict'], { env }).status;
}

describe('action.yml', () => {
  it('is a composite action with inputs for files, policy and formats', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.inputs.files.required).toBe(true);
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['files', 'policy', 'formats', 'args', 'artifact-name', 'fail-on-gate']));
    expect(action.inputs.formats.default).toBe('markdown,html,junit,json');
    expect(Object.keys(action.outputs)).toEqual(['exit-code', 'score', 'status', 'report-dir']);
  });

  it('installs from its own folder, runs the script, uploads the reports whatever the verdict, then decides', () => {
    const [install, audit, upload, decide] = action.runs.steps;
    expect(install).toMatchObject({ 'working-directory': '${{ github.action_path }}', shell: 'bash' });
    expect(install.run).toMatch(/^npm ci\b/);
    expect(audit).toMatchObject({ id: 'audit', shell: 'bash', run: 'bash "$GITHUB_ACTION_PATH/action/run.sh" audit' });
    expect(audit.env).toMatchObject({ INPUT_FILES: '${{ inputs.files }}', INPUT_POLICY: '${{ inputs.policy }}', INPUT_FORMATS: '${{ inputs.formats }}' });
    expect(upload.uses).toBe('actions/upload-artifact@v4');
    expect(upload.if).toMatch(/^always\(\)/);
    expect(upload.with).toMatchObject({ path: '${{ steps.audit.outputs.report-dir }}', name: '${{ inputs.artifact-name }}' });
    expect(decide).toMatchObject({ if: 'always()', run: 'bash "$GITHUB_ACTION_PATH/action/run.sh" verdict' });
  });

  it('never pastes an input into a script (no ${{ … }} inside run:)', () => {
    for (const step of action.runs.steps) if (step.run !== undefined) expect(step.run).not.toContain('${{');
  });
});

describe("the action's install step", () => {
  it('leaves a runnable command in a fresh copy of the repository (npm ci builds through prepare)', () => {
    const copy = mkdtempSync(join(tmpdir(), 'sa-action-install-'));
    try {
      // The repository as a clone has it: the tracked files, as they are in this checkout.
      const tracked = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
      expect(tracked).toContain('action.yml');
      for (const f of tracked) {
        if (!existsSync(join(ROOT, f))) continue;
        mkdirSync(dirname(join(copy, f)), { recursive: true });
        copyFileSync(join(ROOT, f), join(copy, f));
      }
      const [install] = action.runs.steps;
      const env: NodeJS.ProcessEnv = {};
      for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
      const r = spawnSync('bash', ['-c', `${install.run} --prefer-offline`], { cwd: copy, env, encoding: 'utf8', timeout: 480_000 });
      expect(r.status, r.stderr).toBe(0);
      const audit = spawnSync(process.execPath, [join(copy, 'bin/support-audit.js'), 'audit', 'fixtures/samples/support-desk.csv'], {
        cwd: copy,
        encoding: 'utf8',
      });
      expect(audit.status, audit.stderr).toBe(1);
      expect(audit.stdout).toContain('gate FAILED');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 600_000);
});

describe('action/run.sh audit', () => {
  it('annotates, writes the Markdown job summary and every report, and sets the outputs', () => {
    const r = runAction({ files: 'exports/*.csv', formats: 'markdown,html junit, json', args: '--timezone UTC' });
    expect(r.code, r.stderr).toBe(0);
    // The sample fails email-first-response (severity error): exit 1, annotated as an error.
    expect(r.outputs).toEqual({ 'exit-code': '1', score: '93.9', status: 'fail', 'report-dir': r.dir });
    expect(r.stdout).toMatch(/^::error title=Rule failed%3A email-first-response::/m);
    expect(r.stdout).toMatch(/^::notice title=support-audit::Score 93\.9/m);
    expect(r.reports).toEqual(['junit.xml', 'report.html', 'report.json', 'report.md']);
    // The job summary is the Markdown report, byte for byte.
    expect(r.summary).toBe(readFileSync(join(r.dir, 'report.md'), 'utf8'));
    expect(r.summary).toMatch(/^## ❌ Support audit: Score 93\.9 — gate FAILED/);
    expect(reportErrors(JSON.parse(readFileSync(join(r.dir, 'report.json'), 'utf8')))).toEqual([]);
    expect(readFileSync(join(r.dir, 'junit.xml'), 'utf8')).toContain('<testsuites');
  });

  it('writes only the formats asked for, and the summary and outputs all the same', () => {
    const r = runAction({ files: 'exports/zendesk-tickets.csv\n\n  # a comment line\n', formats: 'json', args: '--timezone UTC' });
    expect(r.reports).toEqual(['report.json']);
    expect(r.summary).toMatch(/^## ❌ Support audit/);
    expect(r.outputs['exit-code']).toBe('1');
  });

  it('passes the policy input on (email-first-response only a warning: the gate holds, exit 0)', () => {
    const policy = readFileSync(join(ROOT, 'fixtures/cli/lenient.yaml'), 'utf8');
    const r = runAction({ files: 'exports/*.csv', policy: 'lenient.yaml', formats: 'json', args: '--timezone UTC' }, { 'lenient.yaml': policy });
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs).toMatchObject({ 'exit-code': '0', status: 'warn' });
    expect(r.stdout).not.toMatch(/^::error/m);
    expect(JSON.parse(readFileSync(join(r.dir, 'report.json'), 'utf8')).policy.source).toBe('lenient.yaml');
  });

  it('stops with exit-code 2, an error annotation and a summary when nothing can be audited', () => {
    const none = runAction({ files: 'exports/*.tsv', formats: 'json' });
    expect(none.code).toBe(0);
    expect(none.outputs).toEqual({ 'exit-code': '2' });
    expect(none.stdout).toBe('::error title=support-audit::no file matches "exports/*.tsv" (the files input, relative to the workspace).\n');
    expect(none.summary).toContain('The audit could not run: no file matches "exports/*.tsv"');

    const format = runAction({ files: 'exports/*.csv', formats: 'markdown,pdf' });
    expect(format.outputs).toEqual({ 'exit-code': '2' });
    expect(format.stdout).toContain('unknown format "pdf" in the formats input');

    const empty = runAction({ files: '  \n', formats: 'json' });
    expect(empty.outputs).toEqual({ 'exit-code': '2' });
    expect(empty.stdout).toContain('the files input names no export to audit.');

    // The command's own error (exit 2): its sentence becomes the annotation and the summary.
    const policy = runAction({ files: 'exports/*.csv', policy: 'missing.yaml', formats: 'json' });
    expect(policy.outputs).toEqual({ 'exit-code': '2' });
    expect(policy.stdout).toMatch(/^::error title=support-audit::.*missing\.yaml/m);
    expect(policy.summary).toMatch(/The audit could not run: .*missing\.yaml/);
    expect(policy.stderr).toContain('missing.yaml');
  });

  it('does not expand or execute what the args input holds', () => {
    const r = runAction({ files: 'exports/*.csv', formats: 'json', args: '--timezone UTC $(touch pwned) *' });
    // `$(touch pwned)` and `*` reach the command as words: a usage error (exit 2), nothing run.
    expect(r.outputs['exit-code']).toBe('2');
    expect(existsSync(join(r.dir, '..', '..', 'workspace', 'pwned'))).toBe(false);
  });
});

describe('action/run.sh verdict', () => {
  it('fails the step on a failed gate (unless fail-on-gate is false) and always when nothing was audited', () => {
    expect(verdict('0')).toBe(0);
    expect(verdict('1')).toBe(1);
    expect(verdict('1', 'true')).toBe(1);
    expect(verdict('1', 'false')).toBe(0);
    expect(verdict('2', 'false')).toBe(1);
    expect(verdict('')).toBe(1);
  });
});
