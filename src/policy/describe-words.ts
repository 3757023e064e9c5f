// What each measure measures, in one phrase for `policy describe`. A Record over the measure ids:
// the compiler asks for a phrase when a measure is added. docs/rules/<measure>.md says it in full.

import type { MeasureId } from './types.js';

export const MEASURE_WORDS: Record<MeasureId, string> = {
  'first-response': "time from a ticket's creation to the first agent reply",
  'next-reply': "every customer message answered: a ticket's slowest wait for the agent reply that ended it",
  'update-gap': 'the longest silence between public agent updates (on an open ticket, the silence since the last one too)',
  resolution: 'time from creation to resolution (solved, else closed; `which: first`: to the first resolution)',
  'requester-wait': 'time the customer waited on the desk (New, Open and On-hold until solved; Pending pauses it)',
  'phone-wait': 'the service level: calls answered within the window, of the calls offered less short abandons',
  csat: 'good ratings among the rated tickets (CSAT)',
  nps: 'promoters (9–10) among the answers to "how likely are you to recommend us" (0–10); the NPS is in the note',
  share: 'the share of tickets that match `match`, which must stay at or under the ceiling',
  'reopen-rate': 'the share of solved tickets that were reopened, which must stay at or under the ceiling',
  'one-touch': 'finished tickets solved with at most one agent reply',
  'missed-rate': 'the share of contacts missed or abandoned, which must stay at or under the ceiling',
  'promise-updates': 'of the tickets that miss their due time, those the customer heard from (an agent update) before it',
  'after-sales': 'after-sales tickets solved right the first time (not reopened), repairs resolved within the repair window',
  'queue-hygiene': 'open tickets that are tidy at as_of: touched within `untouched`, assigned within `unassigned` of creation',
  peak: "CSAT of the tickets created in peak hours (`peak_hours`, else the 42 busiest of the week's 168 hours); fails when peak CSAT or the peak first response falls too far behind off-peak",
  presales: 'time to the first agent reply to a pre-sales question',
  'returns-approval': 'return requests made within the return window that are approved (an undecided one counts once the answer window has passed)',
  'refund-speed': "time from an approved return's request to its refund",
};
