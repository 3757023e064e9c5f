import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanIso } from '../../src/map/time-scan.js';

// The fixed-position fast path for `YYYY-MM-DD HH:MM:SS` must read exactly like the general
// scanner, which a trailing space sends the value through.
describe('fixed-shape ISO timestamps', () => {
  it('read as the general scanner reads them, valid or not', () => {
    const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
    const stamp = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), two, two, fc.constantFrom(' ', 'T'), two, two, two)
      .map(([y, m, d, t, h, mi, s]) => `${String(y).padStart(4, '0')}-${m}-${d}${t}${h}:${mi}:${s}`);
    fc.assert(
      fc.property(stamp, (s) => {
        expect(Object.is(scanIso(s), scanIso(`${s} `))).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(scanIso('2024-02-29 23:59:59')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
    expect(scanIso('2023-02-29 10:00:00')).toBeNaN();
    expect(scanIso('2024-03-05 24:00:00')).toBe(Date.UTC(2024, 2, 6));
    expect(scanIso('2024-03-05 1x:00:00')).toBeNaN();
  });
});
