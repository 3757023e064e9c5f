// Every finding code has its words (render/findings.ts): each problem, outcome and note code
// renders an example to the exact sentence reports carry, and every code the sources write is in
// the table (a code slipped past the types, e.g. through a cast, would find no words and throw).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NoteCode, NoteOf, OutcomeCode, OutcomeFacts, ProblemCode, ProblemOf } from '../../src/findings.js';
import { noteText, outcomeReason, problemMessage } from '../../src/render/findings.js';
import { ROOT } from '../cli/run.js';

const H = 3_600_000;
const M = 60_000;

/** One example per problem code (the compiler asks for every code), with the message reports carry. */
const PROBLEMS: { [C in ProblemCode]: [ProblemOf<C>, string][] } = {
  'bad-timestamp': [
    [{ code: 'bad-timestamp', line: 2, why: 'unreadable', text: 'not a date' }, "unreadable timestamp 'not a date'"],
    [
      { code: 'bad-timestamp', line: 2, why: 'order-unknown-in-other-layout', text: '04/03/2024 09:00' },
      "timestamp '04/03/2024 09:00' is in another layout than the file's and its day/month order cannot be told",
    ],
  ],
  'bad-duration': [[{ code: 'bad-duration', line: 2, text: 'abc' }, "unreadable duration 'abc'"]],
  'bad-number': [
    [{ code: 'bad-number', line: 2, text: 'x' }, "'x' is not a count"],
    [{ code: 'bad-number', line: 2, text: '1,234', read: 1234 }, "digit-grouping separators in '1,234': read as 1234"],
  ],
  'negative-duration': [
    [{ code: 'negative-duration', line: 2, why: 'negative', text: '-5' }, "negative duration '-5': dropped"],
    [{ code: 'negative-duration', line: 2, why: 'before-creation', field: 'first_response_at' }, 'first_response_at is before created_at: dropped'],
  ],
  'outlier-timestamp': [
    [
      { code: 'outlier-timestamp', line: 2, value: Date.UTC(2099, 2, 4, 9), latest: Date.UTC(2024, 2, 31, 1, 30), zone: 'UTC' },
      "2099-03-04 09:00 UTC is far beyond the rest of the data (latest other timestamp 2024-03-31 01:30 UTC): not taken as the audit's as_of, and not happened yet at as_of",
    ],
  ],
  'missing-id': [[{ code: 'missing-id', line: 2 }, 'no id: record skipped']],
  'missing-created-at': [[{ code: 'missing-created-at', line: 2, id: 'A7' }, "no creation time for 'A7': record skipped"]],
  'ragged-row': [[{ code: 'ragged-row', line: 2, cells: 3, width: 5 }, '3 cells where the header has 5: mapped what is there']],
  'excel-scientific-id': [[{ code: 'excel-scientific-id', line: 2, text: '1.23E+11' }, "id '1.23E+11' is in Excel's scientific notation: its digits are lost"]],
  'excel-grouped-id': [
    [{ code: 'excel-grouped-id', line: 2, text: '1,234,567', digits: '1234567' }, "id '1,234,567' has a spreadsheet's digit grouping: read as 1234567"],
  ],
  'excel-reformatted-date': [
    [
      { code: 'excel-reformatted-date', line: 2, text: '45356', layout: 'Excel serial' },
      "timestamp '45356' is in Excel serial layout, not the file's: read as such",
    ],
  ],
  'ambiguous-timestamp': [
    [
      { code: 'ambiguous-timestamp', line: 2, why: 'order-unknown', text: '03/04/2024' },
      "day/month order of '03/04/2024' is not known yet: give --date-order DMY or MDY",
    ],
    [
      { code: 'ambiguous-timestamp', line: 2, why: 'dst-overlap', text: '2024-10-27 02:30:00', zone: 'Europe/Berlin' },
      "'2024-10-27 02:30:00' occurs twice in Europe/Berlin (DST overlap): read as the earlier instant",
    ],
  ],
  'nonexistent-local-time': [
    [
      { code: 'nonexistent-local-time', line: 2, text: '2024-03-31 02:30:00', zone: 'Europe/Berlin' },
      "'2024-03-31 02:30:00' does not exist in Europe/Berlin (DST gap): read as the wall time moved forward by the gap",
    ],
  ],
  'unknown-value': [
    [{ code: 'unknown-value', line: 2, kind: 'return_decision', text: 'maybe' }, "unknown return decision 'maybe'"],
    [
      { code: 'unknown-value', line: 2, kind: 'channel', beyond: 100 },
      'more than 100 distinct unknown channel values: the others are read the same way but not listed',
    ],
    [{ code: 'unknown-value', line: 2, kind: 'author_role', none: true }, 'no author role: message skipped'],
  ],
  'empty-row': [[{ code: 'empty-row', line: 2 }, 'empty record']],
  'orphan-message': [[{ code: 'orphan-message', line: 2 }, 'no conversation id: message skipped']],
  'duplicate-column': [
    [
      { code: 'duplicate-column', line: 1, name: 'Status', positions: [3, 7], field: 'status' },
      "2 columns are named 'Status' (columns 3, 7): status is read from column 3, the others are ignored",
    ],
  ],
  'undecodable-bytes': [
    [
      { code: 'undecodable-bytes', line: 2, encoding: 'windows-1252' },
      'bytes that are no character in Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D): read as U+FFFD',
    ],
    [
      { code: 'undecodable-bytes', line: 2, encoding: 'iso-8859-1' },
      'bytes 0x80-0x9F, control codes in ISO-8859-1, not text: read as U+FFFD (a Windows-1252 export? give --encoding windows-1252)',
    ],
    [
      { code: 'undecodable-bytes', line: 2, encoding: 'utf-8' },
      'bytes that are not valid UTF-8: read as U+FFFD (an export in another encoding? give --encoding windows-1252 or see docs/reading.md)',
    ],
  ],
  'mixed-encoding': [
    [{ code: 'mixed-encoding', line: 2, encoding: 'windows-1252' }, 'UTF-8 text in a file read as Windows-1252 (é reads as Ã©): the file mixes encodings'],
  ],
  'long-id': [
    // A cell of 400 characters is kept as 61 (findings.ts cellText); the message shows 57 and "...".
    [{ code: 'long-id', line: 2, length: 401, kept: 'A'.repeat(61) }, `id of 401 characters (more than 256): kept as '${'A'.repeat(57)}...'`],
  ],
};

const facts = (f: Partial<OutcomeFacts>): OutcomeFacts => ({ value: null, limit: NaN, n: NaN, label: 'first response', clock: 'calendar', ...f });

/** The reasons of breach codes, with the facts a judge records. */
const BREACHES: [OutcomeCode, OutcomeFacts, string][] = [
  // 31h12m against 24h; one second over a window reads to the second.
  ['late', facts({ value: 31 * H + 12 * M, limit: 24 * H }), 'first response 31h12m (calendar) > 24h'],
  ['late', facts({ value: 24 * H + 1000, limit: 24 * H }), 'first response 24h1s (calendar) > 24h'],
  ['unanswered', facts({ value: 3 * 24 * H, limit: 24 * H }), 'unanswered for 3d (calendar) > 24h'],
  ['unresolved', facts({ value: 50 * H, limit: 48 * H, clock: 'business' }), 'unresolved for 2d2h (business) > 2d'],
  ['silent', facts({ value: 5 * H, limit: 4 * H }), 'no agent update for 5h (calendar) > 4h'],
  ['unrefunded', facts({ value: 15 * 24 * H, limit: 14 * 24 * H }), 'not refunded after 15d (calendar) > 14d'],
  ['repair-late', facts({ value: 15 * 24 * H, limit: 14 * 24 * H }), 'repair took 15d (calendar) > 14d'],
  ['untouched', facts({ value: 4 * 24 * H, limit: 3 * 24 * H }), 'untouched for 4d (calendar) > 3d'],
  ['unassigned', facts({ value: 30 * H, limit: 24 * H }), 'unassigned for 30h (calendar) > 24h'],
  ['abandoned-after', facts({ value: 6 * M, limit: 5 * M }), 'abandoned after waiting 6m (calendar) > 5m'],
  ['missed-after', facts({ value: 7 * M, limit: 5 * M }), 'missed after waiting 7m (calendar) > 5m'],
  ['no-update-before-due', facts({ value: 2 * H, limit: 0 }), 'no agent update before the due time (2h past due)'],
  ['missed', facts({}), 'missed'],
  ['missed', facts({ value: 2 * M, limit: 5 * M }), 'missed after waiting 2m'],
  ['abandoned', facts({ value: 90_000, limit: 5 * M }), 'abandoned after waiting 1m30s'],
  ['bad-rating', facts({ value: 0.4 }), 'bad rating (40 %)'],
  ['bad-rating', facts({}), 'bad rating'],
  ['detractor', facts({ value: 3 }), 'detractor (3 of 10)'],
  ['passive', facts({ value: 8 }), 'passive (8 of 10)'],
  ['matched', facts({}), 'counts against the ceiling'],
  ['reopened', facts({ value: 2, n: 2 }), 'reopened 2 times'],
  ['reopened', facts({ value: 1, n: 1 }), 'reopened 1 time'],
  ['multi-touch', facts({ value: 3, n: 3 }), '3 agent replies'],
  ['rejected', facts({}), 'return rejected'],
];

/** One example per note code, with the sentence in the report's `note`. */
const NOTES: { [C in NoteCode]: [NoteOf<C>, string] } = {
  'inputs-lack': [
    { code: 'inputs-lack', lacking: [['first_response_at', 'first_response_minutes'], ['status']] },
    'the inputs lack first_response_at or first_response_minutes, status',
  ],
  'none-decided': [{ code: 'none-decided', pending: 3 }, 'no ticket decided yet (3 pending)'],
  'no-eligible': [{ code: 'no-eligible' }, 'no eligible tickets'],
  'groups-below-sample': [
    { code: 'groups-below-sample', minSample: 31, groups: [{ when: { priority: ['urgent'] }, eligible: 10 }, { eligible: 30 }] },
    "every group has fewer eligible tickets than the gate's minimum sample of 31 (priority urgent 10, other tickets 30)",
  ],
  'groups-not-judged': [
    { code: 'groups-not-judged', minSample: 5, groups: [{ when: { priority: ['high'], channel: ['chat', 'web'] }, eligible: 3 }] },
    "not judged, fewer eligible than the gate's minimum sample of 5: priority high · channel chat, web 3",
  ],
  'below-sample': [{ code: 'below-sample', eligible: 4, minSample: 10 }, "4 eligible, fewer than the gate's minimum sample of 10"],
  'vendor-column': [
    { code: 'vendor-column', count: 2, eligible: 7, column: 'first_response_business_minutes' },
    "2 of 7 from the export's first_response_business_minutes column (no timestamps)",
  ],
  'trend-cut': [
    { code: 'trend-cut', weeks: 520, earlier: 1234 },
    'trend: the latest 520 weeks; 1,234 eligible tickets of earlier weeks count in the figures, not in the trend',
  ],
  nps: [{ code: 'nps', score: -20, promoters: 2, detractors: 4, rated: 10 }, 'NPS -20 (promoters 2, detractors 4, rated 10)'],
  'unassigned-check-skipped': [{ code: 'unassigned-check-skipped' }, 'unassigned check skipped: the inputs have no agent column'],
  'peak-hours': [{ code: 'peak-hours', hours: 1, configured: true, zone: 'UTC' }, "peak: the policy's 1 hour a week (UTC)"],
  'no-off-peak-ratings': [{ code: 'no-off-peak-ratings' }, 'no off-peak ratings to compare with'],
  'peak-csat': [{ code: 'peak-csat', peak: 0.7, offPeak: 0.8, maxGap: 0.05, fails: true }, 'peak CSAT 70 % vs off-peak 80 % (gap > 5 %: fail)'],
  'peak-response': [
    { code: 'peak-response', peak: 2 * H, offPeak: H, maxRatio: 1.5, fails: true },
    'median first response at peak 2h vs off-peak 1h (more than 1.5× slower: fail)',
  ],
};

/** The outcome codes a rule file writes (as test/docs/rules-pages.test.ts reads them). */
function outcomeCodesWritten(): Set<string> {
  const codes = new Set<string>(['within', 'late', 'waiting']); // verdict.ts defaults
  const kinds = new Set(['met', 'breached', 'pending', 'excluded', 'not-applicable', 'deferred']);
  const dir = join(ROOT, 'src', 'rules');
  for (const file of readdirSync(dir)) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const call of source.matchAll(/\b(?:set|defer|judgeDuration)\(out,([^;]*)|\bout\.code = ([^;]*)|\bsecondCheck: \{[^}]*?\bcode: ('[^']*')/g)) {
      for (const m of (call[1] ?? call[2] ?? call[3]).matchAll(/'([a-z]+(?:-[a-z]+)*)'/g)) if (!kinds.has(m[1])) codes.add(m[1]);
    }
  }
  return codes;
}

/** The problem codes the stages write: `code: '…'` where a problem is made (sink.add, push, insert). */
function problemCodesWritten(): Set<string> {
  const codes = new Set<string>();
  const files = [...readdirSync(join(ROOT, 'src', 'map')).map((f) => join('map', f)), 'audit.ts'];
  for (const file of files) {
    if (!file.endsWith('.ts')) continue;
    const source = readFileSync(join(ROOT, 'src', file), 'utf8');
    for (const m of source.matchAll(/\bcode: '([a-z]+(?:-[a-z]+)*)'/g)) codes.add(m[1]);
    // `noKey` in row-mapper.ts: the record's key field decides between these two.
    for (const m of source.matchAll(/noKey: '([a-z-]+)' \| '([a-z-]+)'/g)) codes.add(m[1]).add(m[2]);
  }
  return codes;
}

describe('every finding code has words', () => {
  it.each(Object.entries(PROBLEMS).flatMap(([code, cases]) => cases.map(([p, text]) => [code, p, text] as const)))('problem %s', (_code, p, text) => {
    expect(problemMessage(p)).toBe(text);
  });

  it('every problem code the stages write has an example above', () => {
    const written = problemCodesWritten();
    expect(written.size).toBeGreaterThan(15);
    for (const code of written) expect(Object.keys(PROBLEMS), code).toContain(code);
  });

  it.each(BREACHES)('breach %s', (code, f, text) => {
    expect(outcomeReason(code, f)).toBe(text);
  });

  it('every outcome code a rule writes has words, without a gap or a stray value', () => {
    const written = outcomeCodesWritten();
    expect(written.size).toBeGreaterThan(50);
    for (const code of written) {
      // An unknown code has no words: outcomeReason throws (there is no fallback).
      const text = outcomeReason(code as OutcomeCode, facts({ value: 5 * M, limit: 3 * M, n: 2 }));
      expect(text, code).toMatch(/^[a-z0-9]/);
      expect(text, code).not.toMatch(/undefined|NaN|null/);
    }
    expect(() => outcomeReason('made-up' as OutcomeCode, facts({}))).toThrow();
  });

  it.each(Object.values(NOTES))('note %o', (n, text) => {
    expect(noteText(n)).toBe(text);
  });
});

describe('the renderers', () => {
  it('import nothing from the rules: wording lives here, the rules give codes and numbers', () => {
    const dir = join(ROOT, 'src', 'render');
    for (const file of readdirSync(dir)) {
      const imports = [...readFileSync(join(dir, file), 'utf8').matchAll(/\bfrom '([^']+)'/g)].map((m) => m[1]);
      expect(
        imports.filter((path) => /(^|\/)rules\//.test(path)),
        file,
      ).toEqual([]);
    }
  });
});
