import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, phraseMatcher, valueMatcher, wordsOf } from '../../src/policy/glob.js';
import { phraseIds, subjectHas, tagIds, tagsHave } from '../../src/policy/text-index.js';

// The index answers what the plain matchers of glob.ts answer (phraseMatcher over wordsOf for a
// subject, valueMatcher over fold for each tag), on random text: upper and lower case, punctuation,
// letters beyond ASCII, and the characters whose lower case is not one character or depends on
// its neighbours (İ, Σ), outside the BMP, or that are marks rather than letters.

const piece = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'refund',
      'Refunds',
      'REPAIR',
      'repaired',
      'bill',
      'billboard',
      'invoice',
      'charged',
      'twice',
      'not',
      'working',
      'order',
      '48213',
    ),
  },
  { weight: 3, arbitrary: fc.constantFrom(' ', ', ', ' - ', '_', '"', '?', '#', '\u00a0', '\t', '–', '/', ' ') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'Émile',
      'ÉMILE',
      'straße',
      'STRASSE',
      'İstanbul',
      'ΟΔΟΣ',
      'οδος',
      'σς',
      '日本',
      'ｆｕｌｌ',
      'e\u0301t\u00e9',
      '😀',
      '𐐀𐐨',
      'ǅ',
      'ﬁx',
    ),
  },
);
const text = fc.array(piece, { maxLength: 10 }).map((parts) => parts.join(''));
const patternWord = fc.oneof(
  fc.constantFrom(
    'refund*',
    'repair*',
    'bill',
    'invoice*',
    'not working',
    'charged twice',
    'order',
    '*pair*',
    're?und',
    'émile',
    'straße',
    'i̇stanbul',
    'οδος',
    'οδοσ',
    '日本',
    '*',
    'x',
    'ｆｕｌｌ',
    '𐐨',
    'ﬁx',
    'e',
    'pre-sales',
    'after sales*',
  ),
  text.filter((t) => wordsOf(t).length > 0),
);

describe('text index', () => {
  it('finds the subject phrases phraseMatcher finds', () => {
    fc.assert(
      fc.property(fc.array(patternWord, { minLength: 1, maxLength: 4 }), fc.array(text, { minLength: 1, maxLength: 4 }), (patterns, subjects) => {
        const ids = phraseIds(patterns);
        const matchers = patterns.map(phraseMatcher);
        // Several subjects in turn, the first again at the end: answers are kept per subject only.
        for (const subject of [...subjects, subjects[0]]) {
          const words = wordsOf(subject);
          expect(subjectHas(ids, subject)).toBe(matchers.some((m) => m(words)));
          for (let k = 0; k < patterns.length; k++) expect(subjectHas(ids.subarray(k, k + 1), subject)).toBe(matchers[k](words));
        }
      }),
      { numRuns: 800 },
    );
  });

  it('finds the tag patterns valueMatcher finds', () => {
    fc.assert(
      fc.property(fc.array(patternWord, { minLength: 1, maxLength: 4 }), fc.array(text, { maxLength: 5 }), (patterns, tags) => {
        const ids = tagIds(patterns);
        const matchers = patterns.map(valueMatcher);
        const folded = tags.map(fold);
        expect(tagsHave(ids, tags)).toBe(matchers.some((m) => folded.some((f) => m(f))));
        for (let k = 0; k < patterns.length; k++) expect(tagsHave(ids.subarray(k, k + 1), tags)).toBe(folded.some((f) => matchers[k](f)));
      }),
      { numRuns: 800 },
    );
  });

  it('answers for patterns added after a subject or tag list was asked about', () => {
    const first = phraseIds(['apple pie']);
    expect(subjectHas(first, 'An apple pie, please')).toBe(true);
    const later = phraseIds(['please']);
    expect(subjectHas(later, 'An apple pie, please')).toBe(true);
    const tags = ['Late_Delivery'];
    expect(tagsHave(tagIds(['late delivery']), tags)).toBe(true);
    expect(tagsHave(tagIds(['late*']), tags)).toBe(true);
    expect(tagsHave(tagIds(['early*']), tags)).toBe(false);
  });

  it('sees a tag list that grew since it was asked about', () => {
    const tags = ['vip'];
    const ids = tagIds(['eu']);
    expect(tagsHave(ids, tags)).toBe(false);
    tags.push('EU');
    expect(tagsHave(ids, tags)).toBe(true);
  });
});
