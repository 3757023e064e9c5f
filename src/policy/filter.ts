// A rule's `applies_to` (and share/repair filters) compiled once into a plain predicate. Every
// criterion given must hold; with `match: any`, type, tags.any and subject are alternatives (a
// ticket matching any of those given is in), the other criteria still all hold.
//
// Text tests run per ticket and per rule, so their answers are remembered per distinct value:
// types, tags and templated subjects repeat across millions of rows, and a lookup replaces folding,
// splitting into words and glob matching (measured: the largest per-row cost of the audit before).
// The memory is one table per field, shared by every test: the rules look at the same ticket one
// after another, so its type (subject, tags) is looked up once and each test reads its own answer
// from the same row, instead of one Map lookup per test per ticket.

import type { Ticket } from '../types.js';
import { fold, phraseMatcher, valueMatcher, wordsOf } from './glob.js';
import type { Filter } from './types.js';

type Test = (t: Ticket) => boolean;

/** Each test's answer about one value, by test number; undefined until the test is asked. */
type Row = (boolean | undefined)[];

/** Distinct values remembered per field; past it the memory starts afresh (bounded, recent values stay hot). */
const MEMO_LIMIT = 4096;

/** The answers of every test about the values of one field. */
class Answers<K> {
  private readonly rows = new Map<K, Row>();
  // The last value asked about: the next rule asks about the same ticket's value.
  private lastKey: K | undefined = undefined;
  private lastRow: Row = [];

  row(key: K): Row {
    if (key === this.lastKey) return this.lastRow;
    let row = this.rows.get(key);
    if (row === undefined) {
      if (this.rows.size >= MEMO_LIMIT) this.rows.clear();
      this.rows.set(key, (row = []));
    }
    this.lastKey = key;
    this.lastRow = row;
    return row;
  }
}

const typeAnswers = new Answers<string>();
const teamAnswers = new Answers<string>();
const subjectAnswers = new Answers<string>();
/** Per single tag. */
const tagAnswers = new Answers<string>();
/** Per tag list: the mapper shares one frozen list between rows with the same tags cell. */
const tagListAnswers = new Answers<readonly string[]>();

// Tests with the same patterns have the same answers: they share one number (and so one answer).
const testNumbers = new Map<string, number>();
function testNumber(kind: string, patterns: readonly string[]): number {
  const key = `${kind}\u0000${patterns.join('\u0000')}`;
  let n = testNumbers.get(key);
  if (n === undefined) testNumbers.set(key, (n = testNumbers.size));
  return n;
}

/** Whole-value patterns (type, team, one tag): does the folded value match any of them? */
function anyOf(table: Answers<string>, patterns: string[]): (value: string) => boolean {
  const n = testNumber('value', patterns);
  const tests = patterns.map(valueMatcher);
  return (value) => {
    const row = table.row(value);
    let answer = row[n];
    if (answer === undefined) {
      const folded = fold(value);
      answer = false;
      for (let i = 0; i < tests.length; i++) if (tests[i](folded)) { answer = true; break; }
      row[n] = answer;
    }
    return answer;
  };
}

/** Does any tag match any of the patterns? Answered once per shared (frozen) tag list. */
function someTag(patterns: string[]): (tags: readonly string[]) => boolean {
  const n = testNumber('tags', patterns);
  const match = anyOf(tagAnswers, patterns);
  const scan = (tags: readonly string[]) => {
    for (let i = 0; i < tags.length; i++) if (match(tags[i])) return true;
    return false;
  };
  return (tags) => {
    if (tags.length === 0) return false;
    // A list that is not frozen may change later (built by hand): ask about each tag instead.
    if (!Object.isFrozen(tags)) return scan(tags);
    const row = tagListAnswers.row(tags);
    let answer = row[n];
    if (answer === undefined) row[n] = answer = scan(tags);
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

/** Phrases inside the subject: does any of them occur? */
function anyPhrase(patterns: string[]): (subject: string) => boolean {
  const n = testNumber('phrase', patterns);
  const phrases = patterns.map(phraseMatcher);
  return (subject) => {
    const row = subjectAnswers.row(subject);
    let answer = row[n];
    if (answer === undefined) {
      const words = subjectWords(subject);
      answer = false;
      for (let i = 0; i < phrases.length; i++) if (phrases[i](words)) { answer = true; break; }
      row[n] = answer;
    }
    return answer;
  };
}

/** Exact values of channel, priority or status; a field of its own per closure keeps each read monomorphic. */
function oneOf(values: string[] | undefined, field: 'channel' | 'priority' | 'status'): Test | undefined {
  if (!values?.length) return undefined;
  // A short list is scanned: cheaper than hashing the value for a Set.
  const list = [...new Set(values)];
  const has = list.length <= 4 ? (v: string) => list.includes(v) : (v: string) => set.has(v);
  const set = new Set<string>(list);
  switch (field) {
    case 'channel': return (t) => t.channel !== undefined && has(t.channel);
    case 'priority': return (t) => t.priority !== undefined && has(t.priority);
    case 'status': return (t) => t.status !== undefined && has(t.status);
  }
}

function textTests(f: Filter): Test[] {
  const tests: Test[] = [];
  if (f.type?.length) {
    const match = anyOf(typeAnswers, f.type);
    tests.push((t) => t.type !== undefined && match(t.type));
  }
  if (f.tags?.any?.length) {
    const match = someTag(f.tags.any);
    tests.push((t) => match(t.tags));
  }
  if (f.subject?.length) {
    const match = anyPhrase(f.subject);
    tests.push((t) => t.subject !== undefined && match(t.subject));
  }
  return tests;
}

/** The predicate of a filter; an empty filter matches every ticket. */
export function compileFilter(f: Filter): (t: Ticket) => boolean {
  const tests: Test[] = [];
  const push = (test: Test | undefined) => test && tests.push(test);
  push(oneOf(f.channel, 'channel'));
  push(oneOf(f.priority, 'priority'));
  push(oneOf(f.status, 'status'));
  if (f.team?.length) {
    const match = anyOf(teamAnswers, f.team);
    tests.push((t) => t.team !== undefined && match(t.team));
  }
  if (f.tags?.all?.length) {
    const each = f.tags.all.map((p) => someTag([p]));
    tests.push((t) => {
      for (let i = 0; i < each.length; i++) if (!each[i](t.tags)) return false;
      return true;
    });
  }
  if (f.tags?.none?.length) {
    const match = someTag(f.tags.none);
    tests.push((t) => !match(t.tags));
  }
  const text = textTests(f);
  if (f.match === 'any' && text.length > 1) {
    tests.push((t) => {
      for (let i = 0; i < text.length; i++) if (text[i](t)) return true;
      return false;
    });
  } else tests.push(...text);
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0];
  return (t) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i](t)) return false;
    return true;
  };
}
