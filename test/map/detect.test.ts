import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import { detectPreset } from '../../src/map/detect.js';
import type { PresetSpec } from '../../src/map/preset.js';

const base = { kind: 'tickets', confidence: 'assumed', source: 'test', timestampFormat: 'iso' } as const;
const PRESETS: PresetSpec[] = [
  { ...base, id: 'loose', label: 'Loose', detect: { required: ['Id', 'Created at'] } },
  { ...base, id: 'desk', label: 'Desk', detect: { required: ['Id', 'Created at'], hints: ['Via', 'Solved at', 'Group'] } },
  { ...base, id: 'other', label: 'Other', detect: { required: ['Ticket ID'] } },
];

describe('detectPreset', () => {
  it('scores by required + hints found and prefers the preset that names more of the header', () => {
    const d = detectPreset(['ID', ' created  AT', 'Via', 'Solved at'], PRESETS);
    // Required present = 0.5; hints add 0.5 × share. desk: 0.5 + 0.5 × 2/3 = 0.833; loose has no hints: 0.5.
    expect(d.candidates).toEqual([
      { id: 'desk', score: 0.833 },
      { id: 'loose', score: 0.5 },
    ]);
    expect(d.preset.id).toBe('desk');
    expect(d.score).toBeCloseTo(5 / 6, 9);
    // Without any hint present desk ties loose at 0.5: registry order decides.
    expect(detectPreset(['Id', 'Created at'], PRESETS).preset.id).toBe('loose');
  });
  it('honours a forced preset and rejects an unknown one, listing the known ids', () => {
    expect(detectPreset(['x'], PRESETS, 'Desk').preset.id).toBe('desk');
    expect(() => detectPreset(['x'], PRESETS, 'nope')).toThrow(UsageError);
    expect(() => detectPreset(['x'], PRESETS, 'nope')).toThrow(/loose, desk, other/);
  });
  it('says what was expected and what was found when nothing matches', () => {
    expect(() => detectPreset(['a', 'b', 'c'], PRESETS)).toThrow(InputError);
    expect(() => detectPreset(['a', 'b', 'c'], PRESETS)).toThrow(/found columns 'a, b, c'. The closest layout, Loose, needs 'Id, Created at'/);
  });
});
