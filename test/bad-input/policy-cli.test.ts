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

/** Nine levels of nine aliases each: 9^9 strings once expanded ("billion laughs"). */
const ALIAS_BOMB =
  ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join(
    '\n',
  ) + '\n';

const CASES: [name: string, yaml: string, issue: string][] = [
  ['unknown key', 'colour: red\n', 'colour: unknown key'],
  ['unknown key in a rule', 'rules: [{id: phone-wait, windw: 2m}]\n', 'rules[0].windw: unknown key'],
  ['wrong type: a word for a weight', 'rules: [{id: phone-wait, weight: heavy}]\n', 'rules[0].weight: expected a number'],
  ['wrong type: a map for the rule list', 'rules: {id: phone-wait}\n', 'rules: expected a list'],
  ['wrong type: a number for a zone', 'timezone: 5\n', 'timezone: expected a string'],
  ['wrong type: a word for the minimum score', 'gate: {min_score: high}\n', 'gate.min_score: expected a number'],
  ['unknown time zone', 'timezone: Europe/Atlantis\n', 'timezone: expected an IANA time zone like Europe/Berlin or UTC'],
  ['unknown time zone of a schedule', 'schedules: {s: {timezone: Mars/Base, mon: ["09:00-17:00"]}}\n', 'schedules.s.timezone: expected an IANA time zone'],
  [
    'holiday hours ending before they start (no overnight there)',
    'schedules: {s: {mon: ["09:00-17:00"], holidays: [{date: 2024-12-24, hours: ["17:00-09:00"]}]}}\n',
    'schedules.s.holidays[0].hours: holiday hours stay within their date (no overnight hours)',
  ],
  ['an hour past the day', 'schedules: {s: {mon: ["09:00-25:00"]}}\n', 'schedules.s.mon[0]: expected a time like 09:00, got "25:00"'],
  [
    'overlapping intervals',
    'schedules: {s: {tue: ["09:00-13:00", "12:00-17:00"]}}\n',
    'schedules.s.tue: intervals overlap on tue: 09:00-13:00 and 12:00-17:00',
  ],
  ['target over 100%', 'rules: [{id: email-first-response, target: 101%}]\n', 'rules[0].target: expected a percentage of at most 100%, got 101%'],
  [
    'unsafe text pattern: a regular expression',
    'rules: [{id: complaint-response, applies_to: {subject: ["(a+)+$"]}}]\n',
    'rules[0].applies_to.subject[0]: regular expressions are not supported',
  ],
  // Numbers that would make the score NaN or Infinity, or a window no clock can hold (every numeric key).
  [
    'a weight of 1e308 (three of them made the score NaN)',
    'rules: [{id: email-first-response, weight: 1e308}]\n',
    'rules[0].weight: expected a number at most 1000',
  ],
  ['a negative weight', 'rules: [{id: email-first-response, weight: -1}]\n', 'rules[0].weight: expected a number at least 0'],
  ['a weight of .nan', 'rules: [{id: email-first-response, weight: .nan}]\n', 'rules[0].weight: expected a number'],
  ['a weight of .inf', 'rules: [{id: email-first-response, weight: .inf}]\n', 'rules[0].weight: expected a number'],
  [
    'every weight 0',
    'extends: none\nrules: [{id: vip, measure: csat, expectation: null, title: VIP, target: 90%, weight: 0}]\n',
    'rules: every rule that runs has weight 0',
  ],
  [
    'a 400-digit window in minutes',
    'rules: [{id: email-first-response, window: "9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999m"}]\n',
    'rules[0].window: expected a duration like 24h, got a number too large to be one',
  ],
  [
    'a 400-digit bare window',
    'rules: [{id: email-first-response, window: 9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999}]\n',
    'rules[0].window: expected a duration like 24h',
  ],
  ['a window of 1e300 minutes', 'rules: [{id: email-first-response, window: 1e300}]\n', 'rules[0].window: expected a duration of at most 36500d (100 years)'],
  ['a window of .inf', 'rules: [{id: refund-speed, window: .inf}]\n', 'rules[0].window: expected a duration like 24h'],
  ['a window of .nan', 'rules: [{id: refund-speed, window: .nan}]\n', 'rules[0].window: expected a duration like 24h'],
  [
    'an override window of 400 digits',
    'rules: [{id: email-first-response, overrides: [{when: {priority: urgent}, window: "9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999h"}]}]\n',
    'rules[0].overrides[0].window: expected a duration like 24h, got a number too large',
  ],
  [
    'an override target of .nan',
    'rules: [{id: email-first-response, overrides: [{when: {priority: urgent}, target: .nan}]}]\n',
    'rules[0].overrides[0].target: expected a percentage',
  ],
  [
    'an override warn of .inf',
    'rules: [{id: email-first-response, overrides: [{when: {priority: urgent}, warn: .inf}]}]\n',
    'rules[0].overrides[0].warn: expected a percentage',
  ],
  ['a target of .nan', 'rules: [{id: email-first-response, target: .nan}]\n', 'rules[0].target: expected a percentage'],
  ['a warn of .inf', 'rules: [{id: email-first-response, warn: .inf}]\n', 'rules[0].warn: expected a percentage'],
  ['a ceiling of .nan', 'rules: [{id: billing-clarity, ceiling: .nan}]\n', 'rules[0].ceiling: expected a percentage'],
  ['a peak CSAT gap of .inf', 'rules: [{id: peak-friendliness, max_csat_gap: .inf}]\n', 'rules[0].max_csat_gap: expected a percentage'],
  ['a peak response ratio of .inf', 'rules: [{id: peak-friendliness, max_response_ratio: .inf}]\n', 'rules[0].max_response_ratio: expected a number'],
  ['a repair window of .inf', 'rules: [{id: after-sales-quality, repair_window: .inf}]\n', 'rules[0].repair_window: expected a duration like 24h'],
  [
    'an untouched limit of 400 digits',
    'rules: [{id: queue-hygiene, untouched: "9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999d"}]\n',
    'rules[0].untouched: expected a duration like 24h, got a number too large',
  ],
  ['an unassigned limit of .nan', 'rules: [{id: queue-hygiene, unassigned: .nan}]\n', 'rules[0].unassigned: expected a duration like 24h'],
  [
    'a return window of 400 digits',
    'rules: [{id: returns-approval, return_window: "9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999d"}]\n',
    'rules[0].return_window: expected a duration like 24h, got a number too large',
  ],
  ['an answer window of .inf', 'rules: [{id: returns-approval, answer_window: .inf}]\n', 'rules[0].answer_window: expected a duration like 24h'],
  ['a minimum score of .nan', 'gate: {min_score: .nan}\n', 'gate.min_score: expected a number'],
  ['a minimum score of .inf', 'gate: {min_score: .inf}\n', 'gate.min_score: expected a number'],
  ['a minimum sample of .inf', 'gate: {min_sample: .inf}\n', 'gate.min_sample: expected a number'],
  // Hostile documents.
  ['a YAML alias bomb (nine levels of nine aliases)', ALIAS_BOMB, 'aliases: they expand to more than 100 copies'],
  [
    'a schedule named after an Object.prototype property that is not defined',
    'rules: [{id: email-first-response, clock: business, schedule: toString}]\n',
    'rules[0].schedule: unknown schedule "toString"',
  ],
  [
    'a rule key named __proto__ (zod would drop it silently)',
    'rules: [{id: email-first-response, __proto__: {target: 1%}}]\n',
    'rules[0].__proto__: unknown key',
  ],
  ['a value word named __proto__', 'inputs: {values: {channel: {__proto__: email}}}\n', 'inputs.values.channel.__proto__: this word cannot be mapped'],
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
  // Through `audit` too: the numbers that broke the score, the alias bomb and the schedule name that crashed the audit.
  const throughAudit = [0, 2, 6, 10, 13, 17, 18, 20, 39, 40];
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
      expect(
        lines.slice(1).some((l) => l.trim().startsWith(issue)),
        run.stderr,
      ).toBe(true);
    });
  }
});
