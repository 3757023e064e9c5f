// A rule's `applies_to` (and share/repair filters) compiled once into a plain predicate. Every
// criterion given must hold; with `match: any`, type, tags.any and subject are alternatives (a
// ticket matching any of those given is in), the other criteria still all hold.

import type { Ticket } from '../types.js';
import { fold, phraseMatcher, valueMatcher, wordsOf } from './glob.js';
import type { Filter } from './types.js';

type Test = (t: Ticket) => boolean;

// Rules are checked one after another on the same ticket; splitting its subject once serves all.
let lastSubject: string | undefined;
let lastWords: string[] = [];
function subjectWords(subject: string): string[] {
  if (subject !== lastSubject) {
    lastSubject = subject;
    lastWords = wordsOf(subject);
  }
  return lastWords;
}

let lastTags: string[] | undefined;
let lastFolded: string[] = [];
function foldedTags(tags: string[]): string[] {
  if (tags !== lastTags) {
    lastTags = tags;
    lastFolded = tags.map(fold);
  }
  return lastFolded;
}

function anyOf(patterns: string[]): (folded: string) => boolean {
  const tests = patterns.map(valueMatcher);
  return (v) => {
    for (let i = 0; i < tests.length; i++) if (tests[i](v)) return true;
    return false;
  };
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
    tests.push((t) => t.type !== undefined && match(fold(t.type)));
  }
  if (f.tags?.any?.length) {
    const match = anyOf(f.tags.any);
    tests.push((t) => foldedTags(t.tags).some(match));
  }
  if (f.subject?.length) {
    const phrases = f.subject.map(phraseMatcher);
    tests.push((t) => {
      if (t.subject === undefined) return false;
      const words = subjectWords(t.subject);
      for (let i = 0; i < phrases.length; i++) if (phrases[i](words)) return true;
      return false;
    });
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
    tests.push((t) => t.team !== undefined && match(fold(t.team)));
  }
  if (f.tags?.all?.length) {
    const each = f.tags.all.map((p) => anyOf([p]));
    tests.push((t) => {
      const tags = foldedTags(t.tags);
      return each.every((m) => tags.some(m));
    });
  }
  if (f.tags?.none?.length) {
    const match = anyOf(f.tags.none);
    tests.push((t) => !foldedTags(t.tags).some(match));
  }
  const text = textTests(f);
  if (f.match === 'any' && text.length > 1) tests.push((t) => text.some((test) => test(t)));
  else tests.push(...text);
  if (tests.length === 0) return () => true;
  return (t) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i](t)) return false;
    return true;
  };
}
