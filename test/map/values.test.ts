import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDurationParser } from '../../src/map/duration.js';
import { numberScan, parseNumber } from '../../src/map/numbers.js';
import type { ProblemSink } from '../../src/map/problems.js';
import { splitTags, ValueReader } from '../../src/map/values.js';
import type { ProblemFinding as Problem } from '../../src/findings.js';

function sink(): ProblemSink & { problems: Problem[] } {
  const problems: Problem[] = [];
  return { problems, add: (p) => problems.push(p) };
}

describe('durations', () => {
  it('reads hours past 24 in HH:MM:SS (Freshdesk)', () => {
    const hms = makeDurationParser('hms');
    // 123 h × 60 + 45 min + 10 s / 60 = 7425.1666…
    expect(hms('123:45:10')).toBeCloseTo(7425 + 10 / 60, 9);
    expect(hms('01:30')).toBe(90);
    expect(hms('1:75:00')).toBeNaN();
    expect(hms('90')).toBeNaN();
  });
  it('converts units and accepts decimal commas', () => {
    expect(makeDurationParser('seconds')('90')).toBe(1.5);
    expect(makeDurationParser('minutes')('4,5')).toBe(4.5);
    expect(makeDurationParser('hours')('1.25')).toBe(75);
    expect(makeDurationParser('minutes')('00:02:30')).toBe(2.5); // colons read as a clock
    expect(makeDurationParser('minutes')('soon')).toBeNaN();
    expect(makeDurationParser('minutes')('-3')).toBe(-3);
  });
});

describe('numbers', () => {
  it('reads grouping and says so', () => {
    expect(parseNumber('1,55,157')).toBe(155157);
    expect(numberScan.grouped).toBe(true);
    expect(parseNumber('1,234,567.5')).toBe(1234567.5);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('1,555')).toBe(1555);
    expect(parseNumber('4.0')).toBe(4);
    expect(numberScan.grouped).toBe(false);
    expect(parseNumber('0,125')).toBe(0.125);
    expect(parseNumber('1,5,5')).toBeNaN();
    expect(parseNumber('12a')).toBeNaN();
  });
});

describe('value readers', () => {
  it('maps vendor statuses and priorities', () => {
    const s = sink();
    const status = new ValueReader<string>('status');
    const words: [string, string][] = [
      ['New', 'new'],
      ['On-hold', 'on_hold'],
      ['Solved', 'solved'],
      ['Closed', 'closed'],
      ['Resolved', 'solved'],
      ['Waiting on Customer', 'pending'],
      ['Waiting on Third Party', 'on_hold'],
      ['Waiting for support', 'open'],
      ['Waiting for customer', 'pending'],
      ['Done', 'solved'],
      ['Canceled', 'closed'],
      ['Pending Customer Response', 'pending'],
    ];
    for (const [word, want] of words) expect(status.read(word, 2, 'Status', s)).toBe(want);
    const priority = new ValueReader<string>('priority');
    expect(priority.read('Medium', 2, 'P', s)).toBe('normal');
    expect(priority.read('Critical', 2, 'P', s)).toBe('urgent');
    expect(priority.read('Highest', 2, 'P', s)).toBe('urgent');
    expect(priority.read('Lowest', 2, 'P', s)).toBe('low');
    expect(s.problems).toEqual([]);
  });
  it('applies the vendor map first and reports an unknown value once per distinct value', () => {
    const s = sink();
    const channel = new ValueReader<string>('channel', { 'carrier pigeon': 'other', mail: 'chat' });
    expect(channel.read('Mail', 2, 'Via', s)).toBe('chat'); // the vendor's map wins over the vocabulary
    expect(channel.read('Carrier pigeon', 3, 'Via', s)).toBe('other');
    expect(channel.read('Smoke signal', 4, 'Via', s)).toBe('other');
    expect(channel.read('Smoke signal', 5, 'Via', s)).toBe('other');
    expect(s.problems.map((p) => [p.code, p.line, p.column])).toEqual([['unknown-value', 4, 'Via']]);
    const status = new ValueReader<string>('status');
    expect(status.read('Limbo', 7, 'Status', s)).toBeUndefined();
    expect(status.read('constructor', 8, 'Status', s)).toBeUndefined(); // no prototype keys
    expect(s.problems).toHaveLength(3);
  });
  it('normalises satisfaction on each scale', () => {
    const s = sink();
    const gb = new ValueReader<{ csat: number; good: boolean }>('csat', undefined, 'good-bad');
    expect(gb.read('Good', 2, 'S', s)).toEqual({ csat: 1, good: true });
    expect(gb.read('Bad with comment', 2, 'S', s)).toEqual({ csat: 0, good: false });
    expect(gb.read('Offered', 2, 'S', s)).toBeUndefined();
    expect(gb.read('Unoffered', 2, 'S', s)).toBeUndefined();
    const five = new ValueReader<{ csat: number; good: boolean }>('csat', undefined, '1-5');
    expect(five.read('4.0', 2, 'S', s)).toEqual({ csat: 0.75, good: true }); // (4 − 1) / 4
    expect(five.read('3', 2, 'S', s)).toEqual({ csat: 0.5, good: false });
    const ten = new ValueReader<{ csat: number; good: boolean }>('csat', undefined, '0-10');
    expect(ten.read('9', 2, 'S', s)).toEqual({ csat: 0.9, good: true });
    expect(ten.read('8', 2, 'S', s)).toEqual({ csat: 0.8, good: false });
    expect(s.problems).toEqual([]);
    expect(five.read('7', 9, 'S', s)).toBeUndefined();
    expect(s.problems.map((p) => p.code)).toEqual(['unknown-value']);
  });
  it('reads booleans, roles and return decisions', () => {
    const s = sink();
    const b = new ValueReader<boolean>('boolean');
    expect(['true', 'False', 'YES', 'no', '1', '0', 'TRUE'].map((w) => b.read(w, 2, 'B', s))).toEqual([true, false, true, false, true, false, true]);
    const role = new ValueReader<string>('author_role', { true: 'customer', false: 'agent' });
    expect(role.read('True', 2, 'inbound', s)).toBe('customer');
    expect(role.read('False', 2, 'inbound', s)).toBe('agent');
    expect(new ValueReader<string>('return_decision').read('Denied', 2, 'R', s)).toBe('rejected');
    expect(s.problems).toEqual([]);
  });
  it('splits tags', () => {
    expect(splitTags('Billing  refund,VIP,billing')).toEqual(['billing', 'refund', 'vip']);
    expect(splitTags('a b; C d', ';')).toEqual(['a b', 'c d']);
    expect(splitTags('   ')).toEqual([]);
  });

  it('splits tags as split-trim-dedupe does, for every separator, on random cells', () => {
    // The definition, written plainly: what splitTags does in one pass without the parts array.
    const reference = (text: string, separator?: string): string[] => {
      const s = text.toLowerCase();
      const parts = separator ? s.split(separator).map((p) => p.trim()) : s.split(/[ ,\t\n\r]/);
      return [...new Set(parts.filter((p) => p !== ''))];
    };
    const piece = fc.constantFrom('a', 'B', 'vip', 'VIP', ' ', ',', ';', '|', '\t', '\n', '\u00a0', 'é', 'İ', '  x  ', 'a b', '::');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }).map((p) => p.join('')),
        fc.constantFrom(undefined, '', ' ', ',', ';', '|', '::', '\u00a0'),
        (text, separator) => {
          expect(splitTags(text, separator)).toEqual(reference(text, separator));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
