import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, PolicyError } from '../../src/errors.js';
import { LatestTimes } from '../../src/map/latest-times.js';
import { compileMapper, presetWithInputs, type MapContext } from '../../src/map/mapper.js';
import { trimCell } from '../../src/map/time.js';
import type { PresetSpec } from '../../src/map/preset.js';
import type { ProblemFinding as Problem } from '../../src/findings.js';
import type { Ticket } from '../../src/types.js';

const H = 3_600_000;
const M = 60_000;

/** A small Zendesk-like layout (not the real preset: that one is written elsewhere). */
const DESK: PresetSpec = {
  id: 'desk',
  label: 'Test desk',
  kind: 'tickets',
  confidence: 'assumed',
  source: 'test',
  detect: { required: ['Id', 'Created at'] },
  timestampFormat: 'iso',
  timezone: 'UTC',
  empty: ['-'],
  fields: {
    id: { columns: ['Id'] },
    created_at: { columns: ['Created at'] },
    first_response_at: { columns: ['First reply at'] },
    solved_at: { columns: ['Solved at'] },
    due_at: { columns: ['Due date'] },
    status: { columns: ['Status'] },
    channel: { columns: ['Via'], values: { 'web form': 'web' } },
    priority: { columns: ['Priority'] },
    tags: { columns: ['Tags'] },
    csat: { columns: ['Satisfaction'], scale: 'good-bad' },
    reopens: { columns: ['Reopens'] },
    first_response_minutes: { columns: ['First reply time'], unit: 'hms' },
    return_decision: { columns: [/^return decision/] },
  },
};

const HEADER = [
  'Id',
  'Created at',
  'First reply at',
  'Solved at',
  'Due date',
  'Status',
  'Via',
  'Priority',
  'Tags',
  'Satisfaction',
  'Reopens',
  'First reply time',
  'Return decision [list]',
];

function ctx(extra: Partial<MapContext> = {}): MapContext {
  return { fileIndex: 0, zone: 'UTC', times: new LatestTimes(), ...extra };
}

function run(rows: string[][], preset = DESK, header = HEADER, c = ctx()) {
  const mapper = compileMapper(header, preset, c);
  const problems: Problem[] = [];
  const sink = { add: (p: Problem) => problems.push(p) };
  const tickets: (Ticket | null)[] = rows.map((r, i) => mapper.mapTicket(r, i + 2, sink));
  return { mapper, problems, tickets, codes: problems.map((p) => `${p.line}:${p.code}`) };
}

const row = (over: Partial<Record<string, string>>): string[] =>
  HEADER.map((h) => over[h] ?? ({ Id: '1', 'Created at': '2024-03-05 09:00:00' } as Record<string, string>)[h] ?? '');

describe('compileMapper', () => {
  it('binds columns once, by preference, including RegExp sources', () => {
    const { mapper } = run([]);
    expect(mapper.bindings.find((b) => b.field === 'return_decision')).toEqual({ field: 'return_decision', column: 'Return decision [list]', index: 12 });
    expect(mapper.missing).toContain('agent');
    expect(mapper.missing).not.toContain('status');
  });

  it('binds an unread field (shown, available) but neither reads nor checks its cells', () => {
    const preset: PresetSpec = { ...DESK, fields: { ...DESK.fields, requester_wait_minutes: { columns: ['Requester wait'], unit: 'minutes' } } };
    const header = [...HEADER, 'Requester wait'];
    const cells = (wait: string) => [...row({ Id: wait }), wait];
    const read = run([cells('90'), cells('soon')], preset, header);
    expect(read.tickets[0]!.requester_wait_minutes).toBe(90);
    expect(read.codes).toEqual(['3:bad-duration']);
    expect(read.mapper.columnsRead()).toContain(13);
    const unread = run([cells('90'), cells('soon')], preset, header, ctx({ unread: ['requester_wait_minutes'] }));
    expect(unread.mapper.bindings.find((b) => b.field === 'requester_wait_minutes')).toEqual({
      field: 'requester_wait_minutes',
      column: 'Requester wait',
      index: 13,
    });
    expect(unread.tickets[0]!.requester_wait_minutes).toBeUndefined();
    expect(unread.codes).toEqual([]);
    expect(unread.mapper.columnsRead()).not.toContain(13);
  });

  it('refuses a header without a required column, naming the field and what was looked for', () => {
    expect(() => compileMapper(['Id', 'When'], DESK, ctx())).toThrow(InputError);
    expect(() => compileMapper(['Id', 'When'], DESK, ctx())).toThrow(/created_at: looked for 'Created at'/);
  });

  it('maps a clean row to a canonical ticket', () => {
    const times = new LatestTimes();
    const { tickets, problems } = run(
      [
        row({
          Id: '42',
          'First reply at': '2024-03-05 09:30:00',
          'Solved at': '2024-03-05T12:00:00+01:00',
          Status: 'Solved',
          Via: 'Web form',
          Priority: 'Medium',
          Tags: 'refund vip',
          Satisfaction: 'Good',
          Reopens: '1',
          'First reply time': '0:30:00',
          'Return decision [list]': 'Approved',
          'Due date': '2030-01-01',
        }),
      ],
      DESK,
      HEADER,
      ctx({ times }),
    );
    expect(problems).toEqual([]);
    const t = tickets[0]!;
    const created = Date.UTC(2024, 2, 5, 9);
    expect(t).toMatchObject({
      id: '42',
      created_at: created,
      first_response_at: created + 30 * M,
      solved_at: created + 2 * H, // 12:00+01:00 = 11:00Z, two hours after 09:00Z
      status: 'solved',
      channel: 'web',
      priority: 'normal',
      tags: ['refund', 'vip'],
      csat: 1,
      csat_good: true,
      reopens: 1,
      first_response_minutes: 30,
      return_decision: 'approved',
      file: 0,
      line: 2,
    });
    // due_at lies ahead and must not move as_of: latest is the solve time.
    expect(times.decide().asOf).toBe(created + 2 * H);
  });

  it('treats preset empty words and blanks as absent', () => {
    const { tickets, problems } = run([row({ Status: '-', Via: ' ', Satisfaction: '-' })]);
    expect(problems).toEqual([]);
    expect(tickets[0]!.status).toBeUndefined();
    expect(tickets[0]!.channel).toBeUndefined();
  });
});

describe('cells as the mapper reads them', () => {
  // The mapper tests a cell's ends itself (row-mapper.ts: no megamorphic lookups on the cell), the
  // same test as trimCell; the cells here come in V8's several string kinds at once (flat, sliced
  // out of a longer text, two-byte, one character), as a row's do.
  it('trims a cell exactly as trimCell does, and drops the empty words', () => {
    const preset: PresetSpec = { ...DESK, empty: ['-', 'N/A'], fields: { ...DESK.fields, subject: { columns: ['Subject'] } } };
    const header = [...HEADER, 'Subject'];
    const part = fc.constantFrom(' ', '\t', '\n', '\uFEFF', '\u00A0', '\u2003', '-', 'N/A', 'a', 'Z', 'é', 'Ł', '–', '🎉', '0');
    const text = fc.array(part, { maxLength: 12 }).map((parts) => parts.join(''));
    const kind = fc.constantFrom('flat', 'sliced', 'joined');
    fc.assert(
      fc.property(fc.array(fc.tuple(text, kind), { minLength: 1, maxLength: 30 }), (cells) => {
        const rows = cells.map(([t, k]) => {
          const cell = k === 'sliced' ? `${'x'.repeat(20)}${t}`.slice(20) : k === 'joined' ? `${t.slice(0, 1)}${t.slice(1)}` : t;
          return [...row({}), cell];
        });
        const { tickets } = run(rows, preset, header);
        cells.forEach(([t], i) => {
          const trimmed = trimCell(t);
          const expected = trimmed === '' || trimmed === '-' || trimmed === 'N/A' ? undefined : trimmed;
          expect(tickets[i]!.subject).toBe(expected);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('problems, each from a small fixture', () => {
  it('bad-timestamp, bad-duration, bad-number, unknown-value (once per value)', () => {
    const { codes, tickets } = run([
      row({ Id: '1', 'Created at': 'last tuesday' }),
      row({ Id: '2', 'Solved at': '2024-03-05 25:00:00' }),
      row({ Id: '3', 'First reply time': 'quick' }),
      row({ Id: '4', Reopens: 'two' }),
      row({ Id: '5', Reopens: '1,55,157' }),
      row({ Id: '6', Status: 'Limbo' }),
      row({ Id: '7', Status: 'Limbo' }),
    ]);
    expect(codes).toEqual(['2:bad-timestamp', '3:bad-timestamp', '4:bad-duration', '5:bad-number', '6:bad-number', '7:unknown-value']);
    expect(tickets[0]).toBeNull(); // no usable creation time
    expect(tickets[1]!.solved_at).toBeUndefined();
    expect(tickets[4]!.reopens).toBe(155157); // grouping read, but reported
    expect(tickets[6]!.status).toBeUndefined();
  });

  it('negative-duration keeps the ticket and drops the impossible field', () => {
    const { codes, tickets } = run([row({ 'First reply at': '2024-03-05 08:00:00', 'Solved at': '2024-03-04 09:00:00' })]);
    expect(codes).toEqual(['2:negative-duration', '2:negative-duration']);
    expect(tickets[0]!.first_response_at).toBeUndefined();
    expect(tickets[0]!.solved_at).toBeUndefined();
    expect(run([row({ 'First reply time': '-0:05' })]).codes).toEqual(['2:negative-duration']);
  });

  it('maps every copy of an id: which copy counts is decided after mapping (assemble/intake.ts)', () => {
    const a = run([row({ Id: '9', Status: 'open' }), row({ Id: '9', Status: 'solved' })]);
    expect(a.codes).toEqual([]);
    expect(a.tickets.map((t) => t?.status)).toEqual(['open', 'solved']);
  });

  it('missing-id, missing-created-at, empty-row, ragged-row', () => {
    const { codes, tickets } = run([row({ Id: '' }), row({ 'Created at': '-' }), HEADER.map(() => ''), ['5', '2024-03-05 10:00:00', '2024-03-05 10:05:00']]);
    expect(codes).toEqual(['2:missing-id', '3:missing-created-at', '4:empty-row', '5:ragged-row']);
    expect(tickets.slice(0, 3)).toEqual([null, null, null]);
    expect(tickets[3]!.first_response_at).toBe(Date.UTC(2024, 2, 5, 10, 5)); // a short row is mapped as far as it goes
  });

  it('excel-scientific-id and excel-reformatted-date', () => {
    const { codes, tickets } = run([
      row({ Id: '1.03006E+13' }),
      // Excel rewrote the date of an ISO file; 25 > 12 so it can only be day-first.
      row({ Id: '2', 'Created at': '25/03/2024 14:22' }),
      // 3/5/2024 could be 3 May or 5 March: not guessed.
      row({ Id: '3', 'Created at': '3/5/2024 14:22' }),
      // An Excel serial: 45356 days after 1899-12-30 is 2024-03-05; .5 = noon.
      row({ Id: '4', 'Solved at': '45356.5' }),
    ]);
    expect(codes).toEqual(['2:excel-scientific-id', '3:excel-reformatted-date', '4:bad-timestamp', '5:excel-reformatted-date']);
    expect(tickets[0]!.id).toBe('1.03006E+13');
    expect(tickets[1]!.created_at).toBe(Date.UTC(2024, 2, 25, 14, 22));
    expect(tickets[2]).toBeNull();
    expect(tickets[3]!.solved_at).toBe(Date.UTC(2024, 2, 5, 12));
  });

  it('reads a reformatted slash date when the order is known', () => {
    const { codes, tickets } = run([row({ 'Created at': '3/5/2024 14:22' })], DESK, HEADER, ctx({ dateOrder: 'MDY' }));
    expect(codes).toEqual(['2:excel-reformatted-date']);
    expect(tickets[0]!.created_at).toBe(Date.UTC(2024, 2, 5, 14, 22));
  });

  it('notes every event time for as_of, with its line and column, never a due date', () => {
    const times = new LatestTimes();
    const r = run([row({ 'Solved at': '2024-03-06 00:00:00', 'Due date': '2024-04-01' })], DESK, HEADER, ctx({ times }));
    expect(r.codes).toEqual([]);
    expect(r.tickets[0]!.solved_at).toBe(Date.UTC(2024, 2, 6));
    // The due date (April) is a promise, not an event: the latest event is the solve time.
    expect(times.decide().asOf).toBe(Date.UTC(2024, 2, 6));
    expect(times.state().top[0]).toMatchObject({ line: 2, column: 'Solved at', value: Date.UTC(2024, 2, 6) });
  });

  it('nonexistent-local-time and ambiguous-timestamp around DST', () => {
    const c = ctx({ zone: 'Europe/Berlin' });
    const r = run(
      [
        // Berlin springs forward 2024-03-31 02:00 → 03:00: 02:30 does not exist; read as 03:30 CEST = 01:30Z.
        row({ Id: '1', 'Created at': '2024-03-31 02:30:00' }),
        // Falls back 2024-10-27 03:00 → 02:00: 02:30 happens twice; the earlier is CEST = 00:30Z.
        row({ Id: '2', 'Created at': '2024-10-27 02:30:00' }),
      ],
      DESK,
      HEADER,
      c,
    );
    expect(r.codes).toEqual(['2:nonexistent-local-time', '3:ambiguous-timestamp']);
    expect(r.tickets[0]!.created_at).toBe(Date.UTC(2024, 2, 31, 1, 30));
    expect(r.tickets[1]!.created_at).toBe(Date.UTC(2024, 9, 27, 0, 30));
  });

  it('auto: settles slash order from the first decisive value; undecidable ones before it are ambiguous', () => {
    const auto: PresetSpec = { ...DESK, timestampFormat: 'auto' };
    const r = run(
      [
        row({ Id: '1', 'Created at': '05/03/2024 10:00' }),
        row({ Id: '2', 'Created at': '07/07/2024 10:00' }), // same either way
        row({ Id: '3', 'Created at': '25/03/2024 10:00' }), // settles day-first
        row({ Id: '4', 'Created at': '05/03/2024 10:00' }),
      ],
      auto,
    );
    expect(r.codes).toEqual(['2:ambiguous-timestamp']);
    expect(r.tickets[1]!.created_at).toBe(Date.UTC(2024, 6, 7, 10));
    expect(r.tickets[3]!.created_at).toBe(Date.UTC(2024, 2, 5, 10));
  });
});

describe('messages', () => {
  const CHAT: PresetSpec = {
    id: 'chat',
    label: 'Test chat',
    kind: 'messages',
    confidence: 'assumed',
    source: 'test',
    detect: { required: ['conversation'] },
    timestampFormat: 'iso',
    messages: {
      threading: 'conversation',
      fields: {
        conversation_id: { columns: ['conversation'] },
        at: { columns: ['sent'] },
        author_role: { columns: ['from'] },
        author: { columns: ['name'] },
        public: { columns: ['public'] },
      },
    },
  };
  it('maps messages and reports orphans and unknown roles', () => {
    const times = new LatestTimes();
    const mapper = compileMapper(['conversation', 'sent', 'from', 'name', 'public'], CHAT, ctx({ times }));
    const problems: Problem[] = [];
    const sink = { add: (p: Problem) => problems.push(p) };
    const m = mapper.mapMessage(['c1', '2024-03-05T10:00:00Z', 'End-user', 'Ann', 'true'], 2, sink);
    expect(m).toEqual({ conversation_id: 'c1', at: Date.UTC(2024, 2, 5, 10), author_role: 'customer', author: 'Ann', public: true, file: 0, line: 2 });
    expect(mapper.mapMessage(['', '2024-03-05T10:00:00Z', 'agent', 'Bo', 'true'], 3, sink)).toBeNull();
    expect(mapper.mapMessage(['c1', '2024-03-05T10:01:00Z', 'martian', 'X', 'true'], 4, sink)).toBeNull();
    expect(mapper.mapMessage(['c1', '2024-03-05T10:02:00Z', 'Agent', 'Bo', 'no'], 5, sink)!.public).toBe(false);
    expect(problems.map((p) => `${p.line}:${p.code}`)).toEqual(['3:orphan-message', '4:unknown-value']);
    expect(times.decide().asOf).toBe(Date.UTC(2024, 2, 5, 10, 2));
  });
  it('requires the threading key and the author role', () => {
    expect(() => compileMapper(['conversation', 'sent'], CHAT, ctx())).toThrow(/author_role/);
  });
  it('normalises float ids for reply links', () => {
    const TW: PresetSpec = {
      ...CHAT,
      id: 'tw',
      messages: {
        threading: 'reply-links',
        fields: {
          id: { columns: ['tweet_id'] },
          in_reply_to: { columns: ['in_response_to_tweet_id'] },
          at: { columns: ['created_at'] },
          author_role: { columns: ['inbound'], values: { true: 'customer', false: 'agent' } },
        },
      },
      timestampFormat: 'twitter',
    };
    const mapper = compileMapper(['tweet_id', 'inbound', 'created_at', 'in_response_to_tweet_id'], TW, ctx());
    const problems: Problem[] = [];
    const sink = { add: (p: Problem) => problems.push(p) };
    const m = mapper.mapMessage(['2', 'True', 'Tue Oct 31 22:11:45 +0000 2017', '1.0'], 3, sink);
    expect(m).toMatchObject({ id: '2', in_reply_to: '1', author_role: 'customer' });
    // A repeated message is mapped; the assembler reads each message id once (test/assemble).
    expect(mapper.mapMessage(['2', 'True', 'Tue Oct 31 22:11:45 +0000 2017', '1.0'], 4, sink)).toMatchObject({ id: '2' });
    expect(problems).toEqual([]);
  });
});

describe('presetWithInputs', () => {
  it('puts the policy names first and merges value maps', () => {
    const p = presetWithInputs(DESK, { columns: { status: ['State'] }, values: { status: { Parked: 'on_hold' } }, timezone: 'Europe/Paris' });
    expect(p.fields!.status!.columns).toEqual(['State', 'Status']);
    expect(p.fields!.status!.values).toEqual({ parked: 'on_hold' });
    expect(p.timezone).toBe('Europe/Paris');
    expect(DESK.fields!.status!.columns).toEqual(['Status']); // the base is not changed
  });
  it('builds a custom layout that also finds canonical column names', () => {
    const p = presetWithInputs(undefined, { columns: { id: ['Ticket #'] }, duration_unit: 'seconds', date_order: 'DMY' });
    expect(p.id).toBe('custom');
    const r = run([['7', '05/03/2024 10:00', '120']], p, ['Ticket #', 'created at', 'first_response_minutes']);
    expect(r.problems).toEqual([]);
    expect(r.tickets[0]).toMatchObject({ id: '7', created_at: Date.UTC(2024, 2, 5, 10), first_response_minutes: 2 });
  });
  it('names an unknown canonical field', () => {
    expect(() => presetWithInputs(undefined, { columns: { createdat: ['x'] } })).toThrow(PolicyError);
  });
});
