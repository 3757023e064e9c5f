// First response (DESIGN §5): first_response_at − created_at on the rule's clock, inclusive
// window. Where the export has no timestamps but its own duration column, that column is used
// (the calendar one for the calendar clock, the business one for a business clock) and counted,
// so the result can say so. A ticket still waiting is decided at as_of (pending, then breached).
// A chat or call flagged missed or abandoned that nothing shows was answered is the worst
// outcome, breached at once; a conversation in which the customer never wrote kept nobody waiting.

import { duration } from '../policy/schema-units.js';
import type { Ticket } from '../types.js';
import { defineMeasure, isDone, type Need } from './definition.js';
import { windowWords } from './title-words.js';
import { defer, judgeDuration, set, type JudgeContext, type Verdict } from './verdict.js';

const MINUTE = 60_000;

export function vendorColumn(clockKind: 'calendar' | 'business'): 'first_response_minutes' | 'first_response_business_minutes' {
  return clockKind === 'calendar' ? 'first_response_minutes' : 'first_response_business_minutes';
}

export function firstResponseNeeds(clockKind: 'calendar' | 'business'): Need[] {
  return [['first_response_at', vendorColumn(clockKind)]];
}

/** Judges a ticket's first response; shared with the pre-sales rule. */
export function judgeFirstResponse(t: Ticket, ctx: JudgeContext, out: Verdict): void {
  if (t.outbound) return set(out, 'excluded', 'outbound');
  if (t.first_response_at !== undefined) {
    return judgeDuration(out, ctx.clock.elapsed(t.created_at, t.first_response_at), ctx.window);
  }
  const column = vendorColumn(ctx.clockKind);
  const minutes = t[column];
  if (minutes !== undefined) {
    judgeDuration(out, minutes * MINUTE, ctx.window);
    out.vendor = column;
    return;
  }
  // A reply happened but nothing measures it on this clock (only the other clock's column, or
  // a reply count without times): nothing to judge, and neither missed nor "closed without reply".
  if ((t.agent_replies !== undefined && t.agent_replies > 0) || t.first_response_minutes !== undefined || t.first_response_business_minutes !== undefined) {
    return set(out, 'excluded', 'no-response-time');
  }
  // Nobody answered: a missed or abandoned contact is a breach, open or closed (DESIGN §5).
  if (t.missed) return set(out, 'breached', 'missed');
  if (t.abandoned) return set(out, 'breached', 'abandoned');
  // Assembled from messages without a single customer message (a proactive bot greeting nobody
  // answered, system lines): nobody waited, so there is no response to time.
  if (t.reply_pairs !== undefined && t.reply_pairs.length === 0) return set(out, 'excluded', 'no-customer-message');
  // Spam, merges, duplicates: closed without an agent ever answering (DESIGN §5).
  if (isDone(t)) return set(out, 'excluded', 'closed-without-reply');
  defer(out, t.created_at, ctx.window, 'unanswered');
}

export const firstResponse = defineMeasure({
  measure: 'first-response',
  params: () => ({ window: duration() }),
  unit: 'minutes',
  label: 'first response',
  responseWindow: true,
  window: (rule) => rule.window,
  needs: (_rule, clockKind) => firstResponseNeeds(clockKind),
  judge: (t, _rule, ctx, out) => judgeFirstResponse(t, ctx, out),
  titles: {
    'chat-first-response': (r) => `Live chat answered within ${windowWords(r, r.window)}`,
    'email-first-response': (r) => `Email and web form answered within ${windowWords(r, r.window)}`,
    'social-first-response': (r) => `Social and messaging answered within ${windowWords(r, r.window)}`,
    'complaint-response': (r) => `Complaints answered within ${windowWords(r, r.window)}`,
  },
});
