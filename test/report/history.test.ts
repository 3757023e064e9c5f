// The history file's entries, read back strictly, and the run "a week before" picked by as_of.
import { describe, expect, it } from 'vitest';
import { parseSpan, runBefore } from '../../src/compare-history.js';
import { HISTORY_SCHEMA, parseHistory, type HistoryEntry } from '../../src/history.js';

const run = (as_of: string | null, score = 90): HistoryEntry => ({
  schema: HISTORY_SCHEMA,
  as_of,
  policy: 'p',
  score,
  status: 'pass',
  gate: 'passed',
  rules: [{ id: 'r', status: 'pass', compliance: 0.9, target: 0.9, eligible: 10, met: 9, breached: 1, pending: 0, excluded: 0 }],
});

describe('history entries', () => {
  it('reads one entry per line, blank lines ignored', () => {
    const text = `${JSON.stringify(run('2024-03-04T00:00:00.000Z'))}\n\n${JSON.stringify(run(null, 80))}\n`;
    expect(parseHistory(text, 'h.jsonl').map((e) => e.score)).toEqual([90, 80]);
  });

  it.each([
    ['not JSON', '{"schema":', 'not JSON'],
    ['another schema', JSON.stringify({ ...run(null), schema: 'support-audit/report@1' }), `its schema is not ${HISTORY_SCHEMA}`],
    ['a date that is not one', JSON.stringify({ ...run(null), as_of: 'last week' }), '"as_of" is not a timestamp'],
    [
      'a count that is text',
      JSON.stringify({ ...run(null), rules: [{ ...run(null).rules[0], met: '9' }] }),
      '"rules[0]" is missing or not what a history entry holds there',
    ],
    ['a report instead of a line', '[1, 2]', 'not a JSON object'],
  ])('refuses %s, naming the line', (_name, bad, why) => {
    const text = `${JSON.stringify(run('2024-03-04T00:00:00.000Z'))}\n${bad}\n`;
    expect(() => parseHistory(text, 'h.jsonl')).toThrow(`history file h.jsonl, line 2: not a support-audit history entry (${why}); fix or remove that line.`);
  });
});

describe('the run a span before', () => {
  const runs = [
    run('2024-03-03T00:00:00.000Z', 1),
    run('2024-03-10T00:00:00.000Z', 2),
    run('2024-03-11T06:00:00.000Z', 3),
    run(null, 4),
    run('2024-03-17T00:00:00.000Z', 5),
  ];
  it('is the latest run as of newer − span or earlier', () => {
    // 03-17 − 7d = 03-10 00:00: the run of 03-10 (exactly a week) is taken, not 03-11 (6 days before).
    expect(runBefore(runs, '2024-03-17T00:00:00.000Z', 7 * 86_400_000, 'h', '7d').score).toBe(2);
    // 03-17 − 6d = 03-11 00:00: 03-11 06:00 is later than that, so 03-10 again.
    expect(runBefore(runs, '2024-03-17T00:00:00.000Z', 6 * 86_400_000, 'h', '6d').score).toBe(2);
    // 03-17 − 5d = 03-12: the run of 03-11 06:00.
    expect(runBefore(runs, '2024-03-17T00:00:00.000Z', 5 * 86_400_000, 'h', '5d').score).toBe(3);
    // 03-17 − 14d = 03-03: the first run.
    expect(runBefore(runs, '2024-03-17T00:00:00.000Z', 14 * 86_400_000, 'h', '2w').score).toBe(1);
  });
  it('none that old is an error naming the runs there are', () => {
    expect(() => runBefore(runs, '2024-03-17T00:00:00.000Z', 15 * 86_400_000, 'h.jsonl', '15d')).toThrow(
      'no run in h.jsonl is 15d or more before 2024-03-17T00:00:00.000Z (as of 2024-03-02T00:00:00.000Z or earlier): its runs are as of 2024-03-03T00:00:00.000Z to 2024-03-17T00:00:00.000Z.',
    );
  });
  it('spans need their unit', () => {
    expect(parseSpan('7d')).toBe(7 * 86_400_000);
    expect(parseSpan('2w')).toBe(14 * 86_400_000);
    expect(() => parseSpan('7')).toThrow('--against takes a span like 7d, 2w or 24h (got "7").');
    expect(() => parseSpan('soon')).toThrow('--against takes a span');
  });
});
