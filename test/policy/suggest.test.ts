// "Did you mean" for the names a policy gets wrong, and every problem placed at its line and
// column in the policy's text.
import { describe, expect, it } from 'vitest';
import { inputsIssues } from '../../src/map/preset-inputs.js';
import { issuesOf } from './helpers.js';

describe('did you mean', () => {
  it.each([
    ['a top-level key', 'timezon: UTC', 'timezon: unknown key (did you mean "timezone"?)'],
    ['a gate key', 'gate: {min_samples: 3}', 'gate.min_samples: unknown key (did you mean "min_sample"?)'],
    ["a key of the rule's own measure", 'rules: [{id: phone-wait, windw: 2m}]', 'rules[0].windw: unknown key (did you mean "window"?)'],
    ['a severity', 'rules: [{id: phone-wait, severity: eror}]', 'rules[0].severity: expected one of error, warn, off, got "eror" (did you mean "error"?)'],
    [
      'a clock',
      'rules: [{id: phone-wait, clock: bussiness}]',
      'rules[0].clock: expected one of calendar, business, got "bussiness" (did you mean "business"?)',
    ],
    ['a measure id', 'rules: [{id: x, title: X, expectation: 1, measure: first-respons, target: 90%}]', 'rules[0].measure: expected one of first-response,'],
    [
      'a built-in rule id',
      'rules: [{id: chat-first-respons, target: 80%}]',
      'rules[0].id: "chat-first-respons" is not a built-in rule (did you mean "chat-first-response"?)',
    ],
    [
      'a schedule',
      'rules: [{id: chat-first-response, clock: business, schedule: busines-hours}]',
      'rules[0].schedule: unknown schedule "busines-hours" (did you mean "business-hours"?)',
    ],
    ['a filter key', 'rules: [{id: phone-wait, applies_to: {chanel: [phone]}}]', 'rules[0].applies_to.chanel: unknown key (did you mean "channel"?)'],
    ['a preset id', 'inputs: {preset: zendsk}', 'inputs.preset: unknown preset "zendsk" (did you mean "zendesk"?): known presets are canonical,'],
    ['a preset id written alone', 'inputs: freshdsk', 'inputs: unknown preset "freshdsk" (did you mean "freshdesk"?)'],
    ['a mapped field', 'inputs: {columns: {createdd_at: Opened}}', 'inputs.columns.createdd_at: not a canonical ticket field (did you mean "created_at"?)'],
    [
      'a field with value words',
      'inputs: {values: {chanel: {Web: chat}}}',
      'inputs.values.chanel: not a canonical ticket or message field (did you mean "channel"?)',
    ],
  ])('%s', (_name, yaml, expected) => {
    const lines = issuesOf(yaml);
    expect(
      lines.some((l) => l.startsWith(expected)),
      lines.join('\n'),
    ).toBe(true);
  });

  it('the measure guess names the measure', () => {
    const lines = issuesOf('rules: [{id: x, title: X, expectation: 1, measure: first-respons, target: 90%}]');
    expect(lines[0]).toContain('got "first-respons" (did you mean "first-response"?)');
  });

  it("guesses only among the keys of the rule's own measure, and never wildly", () => {
    // `ceiling` is a key of ceiling rules; a first-response rule has none to guess.
    expect(issuesOf('rules: [{id: chat-first-response, ceilng: 5%}]')).toEqual(['rules[0].ceilng: unknown key (line 1, column 35)']);
    expect(issuesOf('colour: red')).toEqual(['colour: unknown key (line 1, column 1)']);
    // Far from every field: the list of fields instead of a guess.
    expect(issuesOf('inputs: {columns: {opened: Opened}}')[0]).toMatch(
      /^inputs\.columns\.opened: not a canonical ticket field \(known: id, channel, created_at, /,
    );
  });

  it('one line per unknown key, each with its own guess', () => {
    expect(issuesOf('gate: {min_scor: 3, fail_onn: warn}')).toEqual([
      'gate.min_scor: unknown key (did you mean "min_score"?) (line 1, column 8)',
      'gate.fail_onn: unknown key (did you mean "fail_on"?) (line 1, column 21)',
    ]);
  });
});

describe('the mapping is checked as reading an export would check it', () => {
  it("a preset's kind decides the fields: a message field on a ticket preset is refused", () => {
    expect(inputsIssues({ preset: 'zendesk', columns: { conversation_id: ['Thread'] } }, ['inputs', 'preset'])).toEqual([
      { path: ['inputs', 'columns', 'conversation_id'], message: expect.stringMatching(/^not a canonical ticket field \(known: /) },
    ]);
    expect(inputsIssues({ preset: 'messages', columns: { conversation_id: ['Thread'] } }, ['inputs', 'preset'])).toEqual([]);
  });
  it('without a preset, columns naming a message-only field make a message layout', () => {
    expect(inputsIssues({ columns: { conversation_id: ['Thread'], at: ['When'] } }, ['inputs', 'preset'])).toEqual([]);
    expect(inputsIssues({ columns: { conversation_id: ['Thread'], solved_at: ['Solved'] } }, ['inputs', 'preset'])).toEqual([
      { path: ['inputs', 'columns', 'solved_at'], message: expect.stringMatching(/^not a canonical message field/) },
    ]);
  });
  it('without a preset or columns the layout is detected: a field either kind has is left to the reading', () => {
    expect(inputsIssues({ values: { author_role: { Rep: 'agent' }, priority: { P1: 'urgent' } } }, ['inputs', 'preset'])).toEqual([]);
  });
  it('presets are matched as --preset matches them', () => {
    expect(inputsIssues({ preset: ' Zendesk ' }, ['inputs', 'preset'])).toEqual([]);
  });
});

describe('problems name their line and column in the policy file', () => {
  const yaml = [
    'name: ops', //                     line 1
    'rules:', //                        line 2
    '  - id: phone-wait', //            line 3
    '    target: 80%', //               line 4
    '  - id: chat-first-response', //   line 5
    '    target: lots', //              line 6
    'gate:', //                         line 7
    '  min_score: 120', //              line 8
  ].join('\n');

  it('at the key of the value that is wrong', () => {
    expect(issuesOf(yaml)).toEqual(expect.arrayContaining(['gate.min_score: expected a number at most 100 (line 8, column 3)']));
    // The document is checked before the rules: the rules' problem comes once the gate is right.
    expect(issuesOf(yaml.replace('120', '90'))).toEqual(['rules[1].target: expected a percentage like 95%, got "lots" (line 6, column 5)']);
  });

  it('a key left out is placed where its mapping starts', () => {
    // A new rule without its title: the mapping of rules[0] starts at line 2, column 5.
    const lines = issuesOf('rules:\n  - id: vip\n    measure: first-response\n    expectation: 1\n    window: 1h\n    target: 95%\n');
    expect(lines).toContain('rules[0].title: required (line 2, column 5)');
  });

  it('in a JSON policy too', () => {
    expect(issuesOf('{\n  "gate": {\n    "min_samples": 3\n  }\n}')).toEqual(['gate.min_samples: unknown key (did you mean "min_sample"?) (line 3, column 5)']);
  });

  it('the cross-field checks are placed too (a mapping, a duplicate id)', () => {
    expect(issuesOf('inputs:\n  preset: zendesk\n  columns:\n    createdd_at: Opened\n')).toEqual([
      'inputs.columns.createdd_at: not a canonical ticket field (did you mean "created_at"?) (line 4, column 5)',
    ]);
    expect(issuesOf('rules:\n  - id: phone-wait\n  - id: phone-wait\n')[0]).toBe(
      'rules[1].id: duplicate rule id "phone-wait" (also rules[0]) (line 3, column 5)',
    );
  });
});
