import { describe, expect, it } from 'vitest';
import { fieldKinds } from '../../src/map/slots.js';
import { fieldCode, setField } from '../../src/map/ticket-shape.js';

// setField stores by a field's number through a switch written out by hand, one case per field;
// a case out of step with the list of names would put values in the wrong field without a sound.

describe('setField', () => {
  const fields = [...new Set([...Object.keys(fieldKinds('tickets')), ...Object.keys(fieldKinds('messages'))])];

  it.each(fields)('stores %s under its own name', (field) => {
    const out: Record<string, unknown> = {};
    setField(out, fieldCode(field), field, 42);
    expect(out).toEqual({ [field]: 42 });
  });

  it('stores a field it has no case for by name', () => {
    const out: Record<string, unknown> = {};
    expect(fieldCode('custom_field')).toBe(-1);
    setField(out, -1, 'custom_field', 'x');
    expect(out).toEqual({ custom_field: 'x' });
  });
});
