// Type-level tests, compiled by `npm run typecheck` (and by test/rules/registry.test.ts): each
// `@ts-expect-error` line must fail to compile, or the directive itself is an error. They prove
// the compiler refuses a measure without its definition and a finding code without its words.

import type { NoteWords, OutcomeWords, ProblemWords } from '../../src/render/findings.js';
import { RULES, type Registry } from '../../src/rules/index.js';
import { newVerdict, set } from '../../src/rules/verdict.js';

const { nps: _nps, ...withoutNps } = RULES;
// @ts-expect-error: a measure id (nps) without its definition
export const missingDefinition: Registry = withoutNps;

// @ts-expect-error: a definition (csat's) under another measure's id
export const swappedDefinition: Registry = { ...RULES, nps: RULES.csat };

// @ts-expect-error: a definition under an id that is no measure
export const unknownMeasure: Registry = { ...RULES, 'made-up': RULES.csat };

export const complete: Registry = { ...RULES };

declare const outcomeWords: OutcomeWords;
const { late: _late, ...withoutLate } = outcomeWords;
// @ts-expect-error: an outcome code (late) without its words
export const missingOutcome: OutcomeWords = withoutLate;
// @ts-expect-error: words of a code that reads a fact it does not name (matched has no value)
export const wrongFacts: OutcomeWords = { ...outcomeWords, matched: (a) => `${a.value}` };

declare const problemWords: ProblemWords;
const { 'bad-timestamp': _badTimestamp, ...withoutBadTimestamp } = problemWords;
// @ts-expect-error: a problem code (bad-timestamp) without its words
export const missingProblem: ProblemWords = withoutBadTimestamp;

declare const noteWords: NoteWords;
const { nps: _npsNote, ...withoutNpsNote } = noteWords;
// @ts-expect-error: a note code (nps) without its words
export const missingNote: NoteWords = withoutNpsNote;

// @ts-expect-error: a judge writing an outcome code that has no words
set(newVerdict(), 'breached', 'made-up-code');
