import { describe, expect, it } from 'vitest';
import { groupedIdDigits } from '../../src/map/ids.js';

describe("groupedIdDigits: ids saved with a spreadsheet's digit grouping", () => {
  it('reads Western and Indian grouping', () => {
    expect(groupedIdDigits('1,55,157')).toBe('155157');
    expect(groupedIdDigits('103,006,000')).toBe('103006000');
    expect(groupedIdDigits('1,03,00,60,00,00,002')).toBe('10300600000002');
    expect(groupedIdDigits('12,345')).toBe('12345');
  });

  it('leaves anything else alone', () => {
    for (const id of ['155157', 'T-1,000', '1,2', '12,34', '1234,567', ',123', '1,,234', '1,234,', 'a,123', '1.234,567', '1,2345']) {
      expect(groupedIdDigits(id), id).toBeUndefined();
    }
  });
});
