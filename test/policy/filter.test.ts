import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../src/policy/filter.js';
import { globMatch } from '../../src/policy/glob.js';
import type { Filter } from '../../src/policy/types.js';
import type { Ticket } from '../../src/types.js';

const t = (fields: Partial<Ticket>): Ticket => ({ id: 'x', created_at: 0, tags: [], file: 0, line: 2, ...fields });
const matches = (f: Filter, fields: Partial<Ticket>) => compileFilter(f)(t(fields));

describe('compileFilter', () => {
  it('an empty filter matches everything', () => expect(matches({}, {})).toBe(true));

  it('channel, priority, status are exact lists; a missing field does not match', () => {
    expect(matches({ channel: ['email', 'web'] }, { channel: 'web' })).toBe(true);
    expect(matches({ channel: ['email'] }, { channel: 'chat' })).toBe(false);
    expect(matches({ priority: ['urgent'] }, {})).toBe(false);
    expect(matches({ status: ['open', 'new'], channel: ['chat'] }, { status: 'open', channel: 'email' })).toBe(false);
  });

  it('tags any / all / none, with globs, case-insensitive', () => {
    const tags = ['VIP', 'refund-request', 'eu'];
    expect(matches({ tags: { any: ['refund*'] } }, { tags })).toBe(true);
    expect(matches({ tags: { any: ['return*'] } }, { tags })).toBe(false);
    expect(matches({ tags: { all: ['vip', 'eu'] } }, { tags })).toBe(true);
    expect(matches({ tags: { all: ['vip', 'us'] } }, { tags })).toBe(false);
    expect(matches({ tags: { none: ['spam', 'test*'] } }, { tags })).toBe(true);
    expect(matches({ tags: { none: ['e?'] } }, { tags })).toBe(false);
    // `-`, `_` and spaces are the same separator.
    expect(matches({ tags: { any: ['refund request'] } }, { tags })).toBe(true);
  });

  it('type matches the whole value; subject matches words or phrases inside', () => {
    expect(matches({ type: ['billing*'] }, { type: 'Billing inquiry' })).toBe(true);
    expect(matches({ type: ['inquiry'] }, { type: 'Billing inquiry' })).toBe(false);
    expect(matches({ type: ['*inquiry'] }, { type: 'Billing inquiry' })).toBe(true);
    expect(matches({ subject: ['payment issue'] }, { subject: 'Re: PAYMENT issue #42' })).toBe(true);
    expect(matches({ subject: ['refund*'] }, { subject: 'Where are my refunds?' })).toBe(true);
    // Words, not substrings: "bill" is not inside "billboard"; a glob stays within one word.
    expect(matches({ subject: ['bill'] }, { subject: 'Billboard order' })).toBe(false);
    expect(matches({ subject: ['pre-sales'] }, { subject: 'Pre sales question' })).toBe(true);
  });

  it('match: any makes type, tags.any and subject alternatives; other criteria still hold', () => {
    const f: Filter = { match: 'any', type: ['complaint*'], tags: { any: ['complaint'] }, subject: ['complain*'], channel: ['email'] };
    expect(matches(f, { channel: 'email', subject: 'I want to complain' })).toBe(true);
    expect(matches(f, { channel: 'email', tags: ['complaint'] })).toBe(true);
    expect(matches(f, { channel: 'chat', tags: ['complaint'] })).toBe(false);
    expect(matches({ ...f, match: 'all' }, { channel: 'email', tags: ['complaint'] })).toBe(false);
  });

  it('a pathological glob and text finish fast (a backtracking regex would not)', () => {
    // The regex equivalent /^(.*a){12}b$/ backtracks exponentially on "aaaa…"; the two-pointer
    // walk is O(pattern × text): here about 25 × 50,000 steps.
    const text = 'a'.repeat(50_000);
    const pattern = '*a'.repeat(12) + 'b';
    const started = performance.now();
    expect(globMatch(pattern, text)).toBe(false);
    expect(matches({ type: [pattern] }, { type: text })).toBe(false);
    expect(matches({ subject: [pattern] }, { subject: `${text} ${text}` })).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('globMatch basics', () => {
    expect(globMatch('a*c', 'abbbc')).toBe(true);
    expect(globMatch('a?c', 'abc')).toBe(true);
    expect(globMatch('a?c', 'ac')).toBe(false);
    expect(globMatch('*', '')).toBe(true);
    expect(globMatch('a.c', 'abc')).toBe(false);
  });
});
