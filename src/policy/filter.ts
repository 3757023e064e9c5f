// A rule's `applies_to` (and share/repair filters) compiled once into a plain predicate. Every
// criterion given must hold; with `match: any`, type, tags.any and subject are alternatives (a
// ticket matching any of those given is in), the other criteria still all hold.
//
// Text tests run per ticket and per rule, so each remembers its answer per distinct value: types,
// tags and templated subjects repeat across millions of rows, and one Map lookup replaces folding,
// splitting into words and glob matching (measured: the largest per-row cost of the audit before).

import type { Ticket } from '../types.js';
import { fold, phraseMatcher, valueMatcher, wordsOf } from './glob.js';
import type { Filter } from './types.js';

type Test = (t: Ticket) => boolean;

/** Distinct values remembered per test; past it the memory starts afresh (bounded, recent values stay hot). */
const MEMO_LIMIT = 4096;

/** A test of one text value, answered once per distinct value. */
function memoized(test: (value: string) => boolean): (value: string) => boolean {
  const answers = new Map<string, boolean>();
  return (value) => {
    let answer = answers.get(value);
    if (answer === undefined) {
      answer = test(value);
      if (answers.size >= MEMO_LIMIT) answers.clear();
      answers.set(value, answer);
    }
    return answer;
  };
}

// Rules are checked one after another on the same ticket; splitting a new subject once serves all.
let lastSubject: string | undefined;
let lastWords: string[] = [];
function subjectWords(subject: string): string[] {
  if (subject !== lastSubject) {
    lastSubject = subject;
    lastWords = wordsOf(subject);
  }
  return lastWords;
}

/** Whole-value patterns (type, team, one tag): does the folded value match any of them? */
function anyOf(patterns: string[]): (value: string) => boolean {
  const tests = patterns.map(valueMatcher);
  return memoized((value) => {
    const folded = fold(value);
    for (let i = 0; i < tests.length; i++) if (tests[i](folded)) return true;
    return false;
  });
}

function someTag(tags: string[], match: (tag: string) => boolean): boolean {
  for (let i = 0; i < tags.length; i++) if (match(tags[i])) return true;
  return false;
}

function oneOf<T extends string>(values: T[] | undefined, field: (t: Ticket) => T | undefined): Test | undefined {
  if (!values?.length) return undefined;
  const set = new Set<string>(values);
  return (t) => {
    const v = field(t);
    return v !== undefined && set.has(v);
  };
}

function textTests(f: Filter): Test[] {
  const tests: Test[] = [];
  if (f.type?.length) {
    const match = anyOf(f.type);
    tests.push((t) => t.type !== undefined && match(t.type));
  }
  if (f.tags?.any?.length) {
    const match = anyOf(f.tags.any);
    tests.push((t) => someTag(t.tags, match));
  }
  if (f.subject?.length) {
    const phrases = f.subject.map(phraseMatcher);
    const match = memoized((subject) => {
      const words = subjectWords(subject);
      for (let i = 0; i < phrases.length; i++) if (phrases[i](words)) return true;
      return false;
    });
    tests.push((t) => t.subject !== undefined && match(t.subject));
  }
  return tests;
}

/** The predicate of a filter; an empty filter matches every ticket. */
export function compileFilter(f: Filter): (t: Ticket) => boolean {
  const tests: Test[] = [];
  const push = (test: Test | undefined) => test && tests.push(test);
  push(oneOf(f.channel, (t) => t.channel));
  push(oneOf(f.priority, (t) => t.priority));
  push(oneOf(f.status, (t) => t.status));
  if (f.team?.length) {
    const match = anyOf(f.team);
    tests.push((t) => t.team !== undefined && match(t.team));
  }
  if (f.tags?.all?.length) {
    const each = f.tags.all.map((p) => anyOf([p]));
    tests.push((t) => each.every((m) => someTag(t.tags, m)));
  }
  if (f.tags?.none?.length) {
    const match = anyOf(f.tags.none);
    tests.push((t) => !someTag(t.tags, match));
  }
  const text = textTests(f);
  if (f.match === 'any' && text.length > 1) tests.push((t) => text.some((test) => test(t)));
  else tests.push(...text);
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0];
  return (t) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i](t)) return false;
    return true;
  };
}
