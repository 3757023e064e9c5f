import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdSet } from '../../src/map/id-set.js';

const ids = fc.oneof(
  fc.nat({ max: 300_000 }).map(String),
  fc.nat({ max: 999 }).map((n) => `0${n}`),
  fc.tuple(fc.constantFrom('PROJ-', 'A', 'x0', '\u0000msg:'), fc.nat({ max: 70_000 })).map(([p, n]) => `${p}${n}`),
  fc.constantFrom('0', '00', '7', '007', '1234567890123456789', 'abc', '', 'a-b', '3.0'),
);

describe('IdSet', () => {
  it('answers exactly like a Set of the strings', () => {
    fc.assert(
      fc.property(fc.array(ids, { maxLength: 300 }), fc.array(ids, { maxLength: 50 }), (added, probes) => {
        const set = new IdSet();
        const plain = new Set<string>();
        for (const id of added) {
          expect(set.has(id)).toBe(plain.has(id));
          set.add(id);
          plain.add(id);
        }
        for (const id of probes) expect(set.has(id)).toBe(plain.has(id));
      }),
    );
  });

  it('keeps leading zeros and prefixes apart', () => {
    const set = new IdSet().add('7').add('PROJ-12');
    expect(set.has('007')).toBe(false);
    expect(set.has('07')).toBe(false);
    expect(set.has('PROJ-012')).toBe(false);
    expect(set.has('PROJ-12')).toBe(true);
    expect(set.has('12')).toBe(false);
  });

  it('turns a filling page into a bitmap and still answers', () => {
    const set = new IdSet();
    for (let i = 100_000; i < 101_000; i++) set.add(String(i));
    expect(set.has('100999')).toBe(true);
    expect(set.has('101000')).toBe(false);
  });

  it('finds overlaps between sets passed as plain data, and merges them', () => {
    fc.assert(
      fc.property(fc.array(ids, { maxLength: 700 }), fc.array(ids, { maxLength: 700 }), (a, b) => {
        const left = new IdSet();
        const right = new IdSet();
        for (const id of a) left.add(id);
        for (const id of b) right.add(id);
        const state = structuredClone(right.toState());
        expect(left.overlaps(state)).toBe(b.some((id) => a.includes(id)));
        left.addAll(state);
        for (const id of [...a, ...b]) expect(left.has(id)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('compares bitmap pages with sparse ones both ways', () => {
    const dense = new IdSet();
    for (let i = 0; i < 2000; i++) dense.add(String(i * 2));
    const odd = new IdSet().add('3').add('1999');
    const even = new IdSet().add('5').add('1998');
    expect(dense.overlaps(odd.toState())).toBe(false);
    expect(dense.overlaps(even.toState())).toBe(true);
    expect(odd.overlaps(dense.toState())).toBe(false);
    expect(even.overlaps(dense.toState())).toBe(true);
    const other = new IdSet();
    for (let i = 0; i < 2000; i++) other.add(String(i * 2 + 1));
    expect(dense.overlaps(other.toState())).toBe(false);
    other.add('3998');
    expect(dense.overlaps(other.toState())).toBe(true);
  });
});
