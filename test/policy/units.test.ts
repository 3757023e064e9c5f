import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent, parseDuration, parsePercent, parseTimeRange } from '../../src/policy/units.js';

const S = 1000,
  M = 60 * S,
  H = 60 * M,
  D = 24 * H;

describe('parseDuration', () => {
  it.each([
    ['3m', 3 * M],
    ['24h', 24 * H],
    ['7d', 7 * D],
    ['1h30m', 90 * M],
    ['90s', 90 * S],
    ['2w', 14 * D],
    ['1.5h', 90 * M],
    ['7 days', 7 * D],
    ['2 hours 15 minutes', 135 * M],
    ['500ms', 500],
    [' 5M ', 5 * M],
  ])('%s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it('reads a bare number as minutes', () => {
    expect(parseDuration(5)).toBe(5 * M);
    expect(parseDuration('90')).toBe(90 * M);
  });

  it.each(['', 'abc', '3x', '30m1h', '1h1h', '-5m', 'h', '1h 30'])('refuses %j', (text) => {
    expect(() => parseDuration(text)).toThrow();
  });
  it('refuses a negative number', () => expect(() => parseDuration(-1)).toThrow());
});

describe('formatDuration', () => {
  it.each([
    [90 * M, '1h30m'],
    [24 * H, '24h'],
    [36 * H, '36h'],
    [48 * H, '2d'],
    [7 * D, '7d'],
    [3 * M, '3m'],
    [0, '0s'],
    [61 * S, '1m1s'],
  ])('%i ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));

  it('round-trips', () => {
    for (const ms of [1500, 59 * S, 25 * H + 1 * M, 15 * D + 3 * H]) expect(parseDuration(formatDuration(ms))).toBe(ms);
  });
});

describe('parsePercent', () => {
  it.each<[string | number, number]>([
    ['95%', 0.95],
    [0.95, 0.95],
    [95, 0.95],
    ['95', 0.95],
    ['0.5', 0.5],
    [1, 1],
    ['1%', 0.01],
    ['100%', 1],
    ['2.5%', 0.025],
    [0, 0],
  ])('%j', (text, fraction) => expect(parsePercent(text)).toBe(fraction));

  it.each<string | number>(['101%', 150, '-5%', 'x%', 'ninety'])('refuses %j', (text) => expect(() => parsePercent(text)).toThrow());

  it('formats back', () => {
    expect(formatPercent(0.9)).toBe('90%');
    expect(formatPercent(0.025)).toBe('2.5%');
    expect(formatPercent(1 - 0.15)).toBe('85%');
  });
});

describe('parseTimeRange', () => {
  it('reads minutes of the day, 24:00 as an end, overnight as end < start', () => {
    expect(parseTimeRange('09:00-17:00')).toEqual([540, 1020]);
    expect(parseTimeRange('18:00-24:00')).toEqual([1080, 1440]);
    expect(parseTimeRange('22:00-06:00')).toEqual([1320, 360]);
  });
  it.each(['09:00-09:00', '24:00-06:00', '9-17', '09:60-10:00', '25:00-26:00'])('refuses %s', (t) => {
    expect(() => parseTimeRange(t)).toThrow();
  });
});
