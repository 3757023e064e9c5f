import { describe, expect, it } from 'vitest';
import { closestWord, didYouMean, editDistance } from '../../src/did-you-mean.js';

describe('edit distance (optimal string alignment)', () => {
  it.each([
    // kitten → sitten (k→s) → sittin (e→i) → sitting (+g): 3.
    ['kitten', 'sitting', 3],
    // One swap of neighbours counts 1, not 2 substitutions.
    ['fisrt', 'first', 1],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['same', 'same', 0],
    // windw → window: one insertion.
    ['windw', 'window', 1],
    // ca → abc: OSA gives 3 (it cannot edit a swapped pair again; full Damerau would give 2).
    ['ca', 'abc', 3],
  ])('%s → %s is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('closest word', () => {
  const fields = ['created_at', 'solved_at', 'closed_at', 'channel', 'priority'];
  it('finds a slip, ignoring case and - _ space', () => {
    expect(closestWord('createdd_at', fields)).toBe('created_at');
    expect(closestWord('Created At', fields)).toBe('created_at');
    expect(closestWord('chanel', fields)).toBe('channel');
  });
  it('guesses nothing for a word that is far from every known one', () => {
    expect(closestWord('colour', ['name', 'timezone', 'rules'])).toBeUndefined();
    // 4 edits: too many even for a long word.
    expect(closestWord('prioritisation', fields)).toBeUndefined();
    // A short word: 2 edits of 3 letters is a different word, not a slip.
    expect(closestWord('abc', ['axy'])).toBeUndefined();
    expect(closestWord('', fields)).toBeUndefined();
  });
  it('takes the first of equally close words, and says it as a sentence part', () => {
    expect(closestWord('abce', ['abcd', 'abcf'])).toBe('abcd');
    expect(didYouMean('solvd_at', fields)).toBe(' (did you mean "solved_at"?)');
    expect(didYouMean('nothing-like-it', fields)).toBe('');
  });
});
