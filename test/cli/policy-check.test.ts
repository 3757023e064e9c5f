// `policy check` refuses what `audit` would refuse with the same policy: before, each of these
// passed `check` ("valid (15 rules, 1 schedule)", exit 0) and then `audit` exited 2 on reading
// the export. Now both exit 2 with the same problem, and a mapping audit accepts passes check.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run.js';

const ZENDESK = join(ROOT, 'fixtures/samples/zendesk-tickets.csv');
const dir = mkdtempSync(join(tmpdir(), 'sa-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function policy(name: string, yaml: string): string {
  writeFileSync(join(dir, name), yaml);
  return name;
}

const REFUSED: [name: string, yaml: string, issue: string][] = [
  [
    'a column mapped for an unknown field',
    'inputs:\n  columns:\n    createdd_at: Opened\n',
    'inputs.columns.createdd_at: not a canonical ticket field (did you mean "created_at"?) (line 3, column 5)',
  ],
  [
    'value words for an unknown field',
    'inputs:\n  values:\n    chanel: {Web: chat}\n',
    'inputs.values.chanel: not a canonical ticket or message field (did you mean "channel"?) (line 3, column 5)',
  ],
  ['an unknown preset', 'inputs: zendsk\n', 'inputs: unknown preset "zendsk" (did you mean "zendesk"?)'],
  [
    'a message field on a ticket preset',
    'inputs:\n  preset: zendesk\n  columns:\n    conversation_id: Thread\n',
    'inputs.columns.conversation_id: not a canonical ticket field',
  ],
];

describe('policy check refuses what audit refuses', () => {
  it.each(REFUSED)('%s', (_name, yaml, issue) => {
    const file = policy(`${_name.replace(/\W+/g, '-')}.yaml`, yaml);
    const check = runCli(['policy', 'check', file], { cwd: dir });
    const audit = runCli(['audit', ZENDESK, '--policy', file], { cwd: dir });
    for (const r of [check, audit]) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`error: policy file ${file} is not valid (one problem):\n  ${issue}`);
    }
  });

  it('a mapping audit reads passes check', () => {
    const file = policy('ok.yaml', 'inputs:\n  preset: Zendesk\n  columns:\n    created_at: Created at\n  values:\n    priority: {Urgent: urgent}\n');
    const check = runCli(['policy', 'check', file], { cwd: dir });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toBe('ok.yaml: valid (15 rules, 1 schedule)\n');
    const audit = runCli(['audit', ZENDESK, '--policy', file, '--format', 'json'], { cwd: dir });
    expect([0, 1]).toContain(audit.code);
  });

  it('a custom message layout without a preset passes check', () => {
    const file = policy('messages.yaml', 'inputs:\n  columns:\n    conversation_id: Thread\n    at: When\n    author_role: Who\n');
    const check = runCli(['policy', 'check', file], { cwd: dir });
    expect(check.code, check.stderr).toBe(0);
  });
});
