import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXACT_LIMIT, RELATIVE_ERROR, addValue, mergeQuantiles, newQuantiles, quantile } from '../../src/aggregate/quantiles.js';

describe('quantiles', () => {
  it('is exact (interpolated) for small samples', () => {
    const s = newQuantiles();
    for (const v of [40, 10, 30, 20]) addValue(s, v);
    // sorted 10 20 30 40: p50 at rank 1.5 → 25; p90 at rank 2.7 → 37
    expect(quantile(s, 0.5)).toBe(25);
    expect(quantile(s, 0.9)).toBeCloseTo(37, 10);
  });
  it('stays within the relative error once bucketed', () => {
    const s = newQuantiles();
    const values = Array.from({ length: 10_000 }, (_, i) => (i + 1) * 1000);
    for (const v of values) addValue(s, v);
    expect(s.exact).toBeNull();
    for (const q of [0.5, 0.9, 0.95]) {
      const truth = values[Math.round(q * (values.length - 1))];
      expect(Math.abs(quantile(s, q)! - truth) / truth).toBeLessThanOrEqual(RELATIVE_ERROR);
    }
  });
  it('merges to the same state whatever the split', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { maxLength: 3 * EXACT_LIMIT }), fc.nat(), (values, cutSeed) => {
        const cut = values.length ? cutSeed % values.length : 0;
        const whole = newQuantiles();
        for (const v of values) addValue(whole, v);
        const a = newQuantiles();
        const b = newQuantiles();
        values.forEach((v, i) => addValue(i < cut ? a : b, v));
        mergeQuantiles(b, a);
        for (const q of [0.5, 0.9, 0.95]) expect(quantile(b, q)).toBe(quantile(whole, q));
      }),
      { numRuns: 40 },
    );
  });
});
