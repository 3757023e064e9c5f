import { describe, expect, it } from 'vitest';
import { PolicyError } from '../../src/errors.js';
import { parsePolicy } from '../../src/policy/load.js';
import { issuesOf } from './helpers.js';

describe('policy errors name the path and what was expected', () => {
  it.each([
    ['unknown top-level key', 'colour: red', 'colour: unknown key'],
    ['bad time zone', 'timezone: Mars/Olympus', 'timezone: expected an IANA time zone like Europe/Berlin or UTC'],
    ['target not a percentage', 'rules: [{id: chat-first-response, target: lots}]', 'rules[0].target: expected a percentage like 95%, got "lots"'],
    ['target over 100%', 'rules: [{id: chat-first-response, target: 120%}]', 'rules[0].target: expected a percentage of at most 100%, got 120%'],
    ['warn above target', 'rules: [{id: chat-first-response, target: 80%, warn: 85%}]', 'rules[0].warn: expected at most the target (80%)'],
    ['bad window', 'rules: [{id: chat-first-response, window: soon}]', 'rules[0].window: expected a duration like 24h or 1h30m, got "soon"'],
    ['unknown rule key', 'rules: [{id: chat-first-response, windw: 2m}]', 'rules[0].windw: unknown key'],
    ['key of another measure', 'rules: [{id: chat-first-response, ceiling: 5%}]', 'rules[0].ceiling: unknown key'],
    ['unknown severity', 'rules: [{id: phone-wait, severity: fatal}]', 'rules[0].severity: expected one of error, warn, off'],
    ['unknown measure', 'rules: [{id: x, title: X, expectation: 1, measure: speed, target: 90%}]', 'rules[0].measure: expected one of'],
    ['expectation out of range', 'rules: [{id: phone-wait, expectation: 9}]', 'rules[0].expectation: expected an expectation number 1–8, or "channel"'],
    ['bad channel in a filter', 'rules: [{id: phone-wait, applies_to: {channel: [fax]}}]', 'rules[0].applies_to.channel[0]: expected one of email, chat'],
    [
      'regular expression in a subject',
      'rules:\n  - {id: x}\n  - {id: y}\n  - id: complaint-response\n    applies_to: {subject: ["^refund.*$"]}',
      'rules[2].applies_to.subject[0]: regular expressions are not supported; use words or globs like "refund*"',
    ],
    [
      'regular expression as one value',
      'rules: [{id: complaint-response, applies_to: {type: "(refund|return)"}}]',
      'rules[0].applies_to.type: regular expressions are not supported',
    ],
    ['ceiling rule given a target', 'rules: [{id: billing-clarity, target: 90%}]', 'rules[0].target: a ceiling rule is judged against 1 − ceiling'],
    ['ceiling over 100%', 'rules: [{id: billing-clarity, ceiling: 110%}]', 'rules[0].ceiling: expected a percentage of at most 100%'],
    [
      'unknown schedule',
      'rules: [{id: chat-first-response, clock: business, schedule: night}]',
      'rules[0].schedule: unknown schedule "night" (defined: business-hours)',
    ],
    [
      'business clock without schedules',
      'extends: none\nrules: [{id: chat-first-response, clock: business}]',
      'rules[0].clock: a business clock needs a schedule',
    ],
    [
      'override window on a rate rule',
      'rules: [{id: satisfaction, overrides: [{when: {priority: urgent}, window: 1h}]}]',
      'rules[0].overrides[0].window: a csat rule has no window to override',
    ],
    [
      'override without when',
      'rules: [{id: chat-first-response, overrides: [{when: {}, window: 1m}]}]',
      'rules[0].overrides[0].when: expected priority and/or channel',
    ],
    [
      'override warn above its target',
      'rules: [{id: chat-first-response, overrides: [{when: {priority: urgent}, target: 95%, warn: 97%}]}]',
      'rules[0].overrides[0].warn: expected at most the target (95%)',
    ],
    ['new rule missing keys', 'rules: [{id: vip, measure: first-response, window: 1h, target: 95%}]', 'rules[0].expectation: required'],
    ['duplicate id', 'rules: [{id: phone-wait}, {id: phone-wait}]', 'rules[1].id: duplicate rule id "phone-wait" (also rules[0])'],
    ['bad id', 'rules: [{id: "VIP Rule"}]', 'rules[0].id: expected a rule id'],
    ['gate min_score', 'gate: {min_score: 120}', 'gate.min_score: expected a number at most 100'],
    ['gate unknown key', 'gate: {min_samples: 3}', 'gate.min_samples: unknown key'],
    ['schedule 09:00-09:00', 'schedules: {s: {mon: ["09:00-09:00"]}}', 'schedules.s.mon[0]: "09:00-09:00" is empty'],
    ['schedule overlap', 'schedules: {s: {mon: ["09:00-13:00", "12:00-17:00"]}}', 'schedules.s.mon: intervals overlap on mon: 09:00-13:00 and 12:00-17:00'],
    ['overnight overlapping the next day', 'schedules: {s: {mon: ["22:00-06:00"], tue: ["05:00-09:00"]}}', 'schedules.s.tue: intervals overlap on tue'],
    ['schedule without hours', 'schedules: {s: {holidays: ["2024-12-25"]}}', 'schedules.s: no opening hours'],
    ['bad holiday date', 'schedules: {s: {mon: ["09:00-17:00"], holidays: ["2024-02-30"]}}', 'schedules.s.holidays[0]: expected a date like 2024-12-25'],
    [
      'unknown country',
      'schedules: {s: {mon: ["09:00-17:00"], public_holidays: {country: XX}}}',
      'schedules.s.public_holidays.country: unknown country code "XX"',
    ],
    [
      'unknown state',
      'schedules: {s: {mon: ["09:00-17:00"], public_holidays: {country: DE, state: ZZ}}}',
      'schedules.s.public_holidays.state: unknown state "ZZ" of DE',
    ],
    [
      'duplicate version dates',
      'schedules: {s: {mon: ["09:00-17:00"], versions: [{valid_from: 2025-01-01, mon: ["08:00-16:00"]}, {valid_from: 2025-01-01, tue: ["08:00-16:00"]}]}}',
      'schedules.s.versions[1].valid_from: two versions start on 2025-01-01',
    ],
    [
      'peak hours not whole',
      'rules: [{id: peak-friendliness, peak_hours: [{hours: "11:30-14:00"}]}]',
      'rules[0].peak_hours[0].hours: expected whole hours like "11:00-14:00"',
    ],
  ])('%s', (_name, yaml, expected) => {
    const lines = issuesOf(yaml);
    expect(
      lines.some((l) => l.startsWith(expected)),
      lines.join('\n'),
    ).toBe(true);
  });

  it('reports every problem at once, in a PolicyError naming the file', () => {
    try {
      parsePolicy('rules:\n  - {id: chat-first-response, target: 120%}\n  - {id: phone-wait, window: never}\n', 'my.policy.yaml');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PolicyError);
      expect((err as PolicyError).message).toContain('my.policy.yaml');
      expect((err as PolicyError).issues).toHaveLength(2);
    }
  });

  it('reports YAML syntax errors with their line', () => {
    const lines = issuesOf('name: x\nrules:\n  - id: a\n   bad: [\n');
    expect(lines[0]).toMatch(/^line \d+, column \d+: /);
  });

  it('refuses duplicate keys', () => {
    expect(issuesOf('name: a\nname: b\n')[0]).toMatch(/^line 2/);
  });

  it('reads JSON too', () => {
    const p = parsePolicy('{"$schema": "./schema/policy.schema.json", "timezone": "Europe/Berlin"}', 'p.json');
    expect(p.timezone).toBe('Europe/Berlin');
  });

  it('an empty file is the built-in policy', () => {
    expect(parsePolicy('', 'empty.yaml').rules).toHaveLength(15);
  });
});
