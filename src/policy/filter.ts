// A rule's `applies_to` (and share/repair filters) compiled once into a plain predicate. Every
// criterion given must hold; with `match: any`, type, tags.any and subject are alternatives (a
// ticket matching any of those given is in), the other criteria still all hold.
//
// Text tests run per ticket and per rule. Subjects and tags are matched by text-index.ts: every
// phrase and tag pattern of every filter at once, in one pass over a ticket's words or tags, the
// answers kept for that ticket while its rules ask (subjects are nearly all different in real
// exports, and tags free text: a memory per value only churned). Types and teams are few: their
// answers are remembered per distinct value, in one table per field shared by every test (the
// rules look at the same ticket one after another, so its type is looked up once and each test
// reads its own answer from the same row).

import { CHANNELS, PRIORITIES, STATUSES, type Ticket } from '../types.js';
import { fold, valueMatcher } from './glob.js';
import { phraseIds, subjectHas, tagIds, tagsHave } from './text-index.js';
import type { Filter } from './types.js';

type Test = (t: Ticket) => boolean;

const CANONICAL: readonly string[] = [...CHANNELS, ...STATUSES, ...PRIORITIES];

/** Each test's answer about one value, by test number; undefined until the test is asked. */
type Row = (boolean | undefined)[];

/** Distinct values remembered per field; past it the memory starts afresh (bounded, recent values stay hot). */
const MEMO_LIMIT = 4096;

/** The answers of every test about the values of one field. */
class Answers<K> {
  private readonly rows = new Map<K, Row>();
  /** The last value asked about: the next rule asks about the same ticket's value. */
  lastKey: K | undefined = undefined;
  private lastRow: Row = [];

  row(key: K): Row {
    // Small enough to be inlined into every test: the usual case is the same value again.
    return key === this.lastKey ? this.lastRow : this.find(key);
  }

  private find(key: K): Row {
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

// Tests with the same patterns have the same answers: they share one number (and so one answer).
const testNumbers = new Map<string, number>();
function testNumber(kind: string, patterns: readonly string[]): number {
  const key = `${kind}\u0000${patterns.join('\u0000')}`;
  let n = testNumbers.get(key);
  if (n === undefined) testNumbers.set(key, (n = testNumbers.size));
  return n;
}

/** Whole-value patterns (type, team): matched against the folded value. */
interface ValueTest {
  n: number;
  tests: ((folded: string) => boolean)[];
}

function valueTest(patterns: string[]): ValueTest {
  return { n: testNumber('value', patterns), tests: patterns.map(valueMatcher) };
}

// The answers below are small functions of their own, called with the test as an argument (not
// closures per test): the engine inlines them into each filter, one call per filter and ticket.

function valueAnswer(table: Answers<string>, test: ValueTest, value: string): boolean {
  const row = table.row(value);
  const answer = row[test.n];
  if (answer !== undefined) return answer;
  const folded = fold(value);
  for (let i = 0; i < test.tests.length; i++) if (test.tests[i](folded)) return (row[test.n] = true);
  return (row[test.n] = false);
}

/** Exact values of channel, priority or status; a field of its own per closure keeps each read monomorphic. */
function oneOf(values: string[] | undefined, field: 'channel' | 'priority' | 'status'): Test | undefined {
  if (!values?.length) return undefined;
  // A short list is scanned: cheaper than hashing the value for a Set. Its words are swapped for
  // the canonical constants the mapper stores, so a match is the very same string (no compare).
  const list = [...new Set(values)].map((v) => CANONICAL.find((c) => c === v) ?? v);
  const set = new Set<string>(list);
  const has =
    list.length <= 4
      ? (v: string) => {
          for (let i = 0; i < list.length; i++) if (list[i] === v) return true;
          return false;
        }
      : (v: string) => set.has(v);
  switch (field) {
    case 'channel':
      return (t) => t.channel !== undefined && has(t.channel);
    case 'priority':
      return (t) => t.priority !== undefined && has(t.priority);
    case 'status':
      return (t) => t.status !== undefined && has(t.status);
  }
}

/** type, tags.any and subject: each a test of its own, or (`any`) one test of alternatives. */
function textTests(f: Filter): Test[] {
  const type = f.type?.length ? valueTest(f.type) : null;
  const tags = f.tags?.any?.length ? tagIds(f.tags.any) : null;
  const subject = f.subject?.length ? phraseIds(f.subject) : null;
  const given = (type ? 1 : 0) + (tags ? 1 : 0) + (subject ? 1 : 0);
  if (f.match === 'any' && given > 1) {
    return [
      (t) =>
        (type !== null && t.type !== undefined && valueAnswer(typeAnswers, type, t.type)) ||
        (tags !== null && tagsHave(tags, t.tags)) ||
        (subject !== null && t.subject !== undefined && subjectHas(subject, t.subject)),
    ];
  }
  const tests: Test[] = [];
  if (type) tests.push((t) => t.type !== undefined && valueAnswer(typeAnswers, type, t.type));
  if (tags) tests.push((t) => tagsHave(tags, t.tags));
  if (subject) tests.push((t) => t.subject !== undefined && subjectHas(subject, t.subject));
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
    const team = valueTest(f.team);
    tests.push((t) => t.team !== undefined && valueAnswer(teamAnswers, team, t.team));
  }
  if (f.tags?.all?.length) {
    const each = f.tags.all.map((p) => tagIds([p]));
    tests.push((t) => {
      for (let i = 0; i < each.length; i++) if (!tagsHave(each[i], t.tags)) return false;
      return true;
    });
  }
  if (f.tags?.none?.length) {
    const none = tagIds(f.tags.none);
    tests.push((t) => !tagsHave(none, t.tags));
  }
  tests.push(...textTests(f));
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0];
  return (t) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i](t)) return false;
    return true;
  };
}
