// Policy errors through the real command: `policy check FILE` and `audit … --policy FILE` both
// exit 2 before reading any data, name the file, and name the path of each problem. The schema's
// own messages are tested in-process in test/policy/errors.test.ts; the cases here are the ones
// it does not have (wrong types, overnight holiday hours, a schedule's zone) plus one of each
// kind the issue lists, to see them reach the terminal.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace } from '../cli/run.js';
import { BAD, cli, tempDir } from './helpers.js';

const CASES: [name: string, yaml: string, issue: string][] = [
  ['unknown key', 'colour: red\n', 'colour: unknown key'],
  ['unknown key in a rule', 'rules: [{id: phone-wait, windw: 2m}]\n', 'rules[0].windw: unknown key'],
  ['wrong type: a word for a weight', 'rules: [{id: phone-wait, weight: heavy}]\n', 'rules[0].weight: expected a number'],
  ['wrong type: a map for the rule list', 'rules: {id: phone-wait}\n', 'rules: expected a list'],
  ['wrong type: a number for a zone', 'timezone: 5\n', 'timezone: expected a string'],
  ['wrong type: a word for the minimum score', 'gate: {min_score: high}\n', 'gate.min_score: expected a number'],
  ['unknown time zone', 'timezone: Europe/Atlantis\n', 'timezone: expected an IANA time zone like Europe/Berlin or UTC'],
  ['unknown time zone of a schedule', 'schedules: {s: {timezone: Mars/Base, mon: ["09:00-17:00"]}}\n', 'schedules.s.timezone: expected an IANA time zone'],
  ['holiday hours ending before they start (no overnight there)', 'schedules: {s: {mon: ["09:00-17:00"], holidays: [{date: 2024-12-24, hours: ["17:00-09:00"]}]}}\n', 'schedules.s.holidays[0].hours: holiday hours stay within their date (no overnight hours)'],
  ['an hour past the day', 'schedules: {s: {mon: ["09:00-25:00"]}}\n', 'schedules.s.mon[0]: expected a time like 09:00, got "25:00"'],
  ['overlapping intervals', 'schedules: {s: {tue: ["09:00-13:00", "12:00-17:00"]}}\n', 'schedules.s.tue: intervals overlap on tue: 09:00-13:00 and 12:00-17:00'],
  ['target over 100%', 'rules: [{id: email-first-response, target: 101%}]\n', 'rules[0].target: expected a percentage of at most 100%, got 101%'],
  ['unsafe text pattern: a regular expression', 'rules: [{id: complaint-response, applies_to: {subject: ["(a+)+$"]}}]\n', 'rules[0].applies_to.subject[0]: regular expressions are not supported'],
];

let dir = '';
beforeAll(() => {
  dir = tempDir('policy');
  CASES.forEach(([, yaml], i) => writeFileSync(join(dir, `p${i}.yaml`), yaml));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('policy errors: exit 2 with the file and the path named', () => {
  // Every case through `policy check`; a few through `audit --policy`, which loads the policy the same way.
  const throughAudit = [0, 2, 6, 10];
  for (const command of ['policy check', 'audit --policy'] as const) {
    const picked = CASES.map((c, i) => [c[0], i] as const).filter(([, i]) => command === 'policy check' || throughAudit.includes(i));
    it.concurrent.each(picked)(`${command}: %s`, async (_name, i) => {
      const [, , issue] = CASES[i];
      const file = `p${i}.yaml`;
      const args = command === 'policy check' ? ['policy', 'check', file] : ['audit', join(BAD, 'ragged.csv'), '--policy', file];
      const run = await cli(args, { cwd: dir });
      expect(run.timedOut).toBe(false);
      expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines[0]).toMatch(new RegExp(`^error: policy file ${file} is not valid`));
      expect(lines.slice(1).some((l) => l.trim().startsWith(issue)), run.stderr).toBe(true);
    });
  }
});
