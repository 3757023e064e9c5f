// Maps a fixture with the real engine: every problem collected, every record kept.
import { LatestTimes } from '../../src/map/latest-times.js';
import { compileMapper, type Mapper } from '../../src/map/mapper.js';
import { presetById } from '../../src/map/presets/index.js';
import type { ProblemFinding as Problem } from '../../src/findings.js';
import type { Message, Ticket } from '../../src/types.js';
import { fixture } from './fixtures.js';

export interface Mapped {
  mapper: Mapper;
  tickets: Ticket[];
  messages: Message[];
  problems: Problem[];
  column: (field: string) => string | undefined;
}

export function mapRows(id: string, header: string[], rows: string[][], zone = 'UTC'): Mapped {
  const preset = presetById(id)!;
  const mapper = compileMapper(header, preset, { fileIndex: 0, zone, times: new LatestTimes() });
  const problems: Problem[] = [];
  const sink = { add: (p: Problem) => void problems.push(p) };
  const tickets: Ticket[] = [];
  const messages: Message[] = [];
  rows.forEach((row, i) => {
    const line = i + 2;
    if (preset.kind === 'tickets') {
      const t = mapper.mapTicket(row, line, sink);
      if (t) tickets.push(t);
    } else {
      const m = mapper.mapMessage(row, line, sink);
      if (m) messages.push(m);
    }
  });
  const column = (field: string) => mapper.bindings.find((b) => b.field === field)?.column;
  return { mapper, tickets, messages, problems, column };
}

export function mapFixture(id: string, zone = 'UTC'): Mapped {
  const { header, rows } = fixture(id);
  return mapRows(id, header, rows, zone);
}

/** `Date.UTC` with a 1-based month, for readable expectations. */
export function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi, s);
}
