// A hostile export: ids, agent and team names, a timestamp cell and the file name carry terminal
// escape sequences (screen clear, cursor moves, colours, an OSC 8 hyperlink), table pipes, line
// breaks, markup and spreadsheet formulas; a description column carries a message body that
// must never reach a report. Written by the tests (escape bytes are clearer as JS escapes).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ESC = '\x1b';
export const BODY = 'SECRET-BODY-TEXT';
export const REQUESTER = 'victim.person@example.com';
export const REQUESTER_NAME = 'Victim Person';
export const LINK = 'https://evil.example/phish';

export const HOSTILE = {
  clearId: `T-${ESC}[2J${ESC}[H1`,
  linkId: `T-2${ESC}]8;;${LINK}${ESC}\\click${ESC}]8;;${ESC}\\`,
  formulaAgent: `=cmd|'/c calc'!A1`,
  markupAgent: `<b>Agent</b><script>alert(1)</script>${ESC}[1A`,
  pipeTeam: 'Team|pipe\nnew line',
  plusTeam: '+team',
  atId: '@SUM(1+1)\n::error::pwned',
  colourId: `-2+3${ESC}[31mRED${ESC}[0m\x9b1A\x07`,
  badTime: `2024-03-04${ESC}[5m`,
};

const HEADER = [
  'id',
  'channel',
  'created_at',
  'first_response_at',
  'status',
  'subject',
  'agent',
  'team',
  'requester',
  'requester_name',
  'description',
  'updated_at',
];

function csvCell(c: string): string {
  return /[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
}

/** Rows that breach the chat and email windows, so ids and agents appear in breach lists. */
export function hostileCsv(): string {
  const h = HOSTILE;
  const rows = [
    [
      h.clearId,
      'email',
      '2024-03-04T08:00:00Z',
      '2024-03-06T09:00:00Z',
      'solved',
      `Refund ${ESC}[31mRED <script>x</script>`,
      h.formulaAgent,
      h.pipeTeam,
      REQUESTER,
      REQUESTER_NAME,
      `${BODY} one`,
      h.badTime,
    ],
    [
      h.linkId,
      'chat',
      '2024-03-04T09:00:00Z',
      '2024-03-04T09:30:00Z',
      'solved',
      'Line1\nLine2 | cell',
      h.markupAgent,
      h.plusTeam,
      REQUESTER,
      REQUESTER_NAME,
      `${BODY} two`,
      '',
    ],
    [
      h.atId,
      'chat',
      '2024-03-04T09:10:00Z',
      '2024-03-04T09:40:00Z',
      'solved',
      '=HYPERLINK("x")',
      h.formulaAgent,
      h.plusTeam,
      'other@example.com',
      'Other Person',
      `${BODY} three`,
      '',
    ],
    [h.colourId, 'email', '2024-03-04T10:00:00Z', '2024-03-07T10:05:00Z', 'solved', 'ok', 'Normal Agent', 'T', REQUESTER, REQUESTER_NAME, `${BODY} four`, ''],
    [
      'T-5',
      'email',
      '2024-03-04T11:00:00Z',
      '2024-03-04T11:05:00Z',
      'solved',
      'ok',
      'Normal Agent',
      'T',
      'third@example.com',
      'Third Person',
      `${BODY} five`,
      '',
    ],
  ];
  return [HEADER, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

/** Every rule judged from one ticket on, so breaches are listed. */
export const ONE_TICKET_POLICY = 'name: hostile\ngate: {min_sample: 1, fail_on: error}\n';

/** A message export whose bodies must never be printed. */
export function hostileMessagesCsv(): string {
  const rows = [
    ['conversation_id', 'id', 'at', 'author_role', 'author', 'public', 'channel', 'body'],
    ['C1', '1', '2024-03-04T08:00:00Z', 'customer', REQUESTER, 'true', 'email', `${BODY} customer writes`],
    ['C1', '2', '2024-03-06T09:00:00Z', 'agent', 'Priya Shah', 'true', 'email', `${BODY} agent answers ${ESC}[2J`],
    ['C2', '3', '2024-03-04T09:00:00Z', 'customer', 'other@example.com', 'true', 'chat', `${BODY} chat`],
    ['C2', '4', '2024-03-04T09:20:00Z', 'agent', 'Ana Costa', 'true', 'chat', `${BODY} chat answer`],
  ];
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

/** The file name itself is hostile too: it is printed in every report's inputs. */
export const HOSTILE_FILE = `export<i>|${ESC}[31m.csv`;

export function writeHostile(dir: string): void {
  writeFileSync(join(dir, HOSTILE_FILE), hostileCsv());
  writeFileSync(join(dir, 'messages.csv'), hostileMessagesCsv());
  writeFileSync(join(dir, 'policy.yaml'), ONE_TICKET_POLICY);
}
