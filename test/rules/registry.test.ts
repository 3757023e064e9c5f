// The measures' registry: one definition per measure id, checked at run time here and by the
// compiler (registry-types.test.ts compiles the type-level tests of test/types/, as `npm run
// typecheck` does).
import { describe, expect, it } from 'vitest';
import { MEASURE_IDS, RULES } from '../../src/rules/index.js';

describe('the measures registry', () => {
  it('holds exactly one definition per measure id, under its own id', () => {
    expect(Object.keys(RULES).sort()).toEqual([...MEASURE_IDS].sort());
    for (const id of MEASURE_IDS) expect(RULES[id].measure).toBe(id);
  });
});
