// `--redact`: people in the report are replaced by stable pseudonyms before any renderer sees it,
// so every format is redacted alike. What counts as a person (docs/reports.md "Redaction"):
// agent names (breaches, `--by agent` keys), every e-mail address anywhere in the report's text,
// and cell text that problem messages quote. Ticket ids, teams, channels and numbers stay: they
// are how a reader finds and acts on a ticket, and name no one.

import { createHash } from 'node:crypto';
import type { Report } from './report.js';

// A fixed constant, not a per-run salt: the same person has the same pseudonym in every report,
// so redacted reports can be compared over time. This is pseudonymisation, not anonymisation:
// anyone holding a list of candidate names can hash them and match.
const CONSTANT = 'support-audit/redact@1';

export function pseudonym(kind: 'agent' | 'person' | 'value', value: string): string {
  const digest = createHash('sha256').update(`${CONSTANT}\u0000${value.trim().toLowerCase()}`).digest('hex');
  return `${kind}-${digest.slice(0, 8)}`;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Problem messages quote a cell as 'text' (render/findings.ts `quote`): an opening quote after a
// space or at the start, a closing one before a space, punctuation or the end. An apostrophe
// inside a word (Excel's, O'Brien) neither opens nor closes.
const QUOTED_CELL = /(^|\s)'(.*?)'(?=[\s:;,.)]|$)/g;

function redactEmails(text: string): string {
  return text.replace(EMAIL, (email) => pseudonym('person', email));
}

/** `(none)` is the breakdowns' row for tickets without an agent: not a name. */
const NO_KEY = '(none)';

function redactAgent(name: string | undefined): string | undefined {
  return name === undefined || name === '' || name === NO_KEY ? name : pseudonym('agent', name);
}

/** A copy of the report with people replaced; the input is not changed. */
export function redactReport(report: Report): Report {
  const out = structuredClone(report);
  for (const input of out.inputs) {
    for (const p of input.problems) {
      p.message = redactEmails(p.message.replace(QUOTED_CELL, (_m, lead: string, cell: string) => `${lead}'${pseudonym('value', cell)}'`));
    }
  }
  let idsChanged = false;
  for (const rule of out.rules) {
    if (rule.note) rule.note = redactEmails(rule.note);
    for (const b of rule.breaches) {
      b.agent = redactAgent(b.agent);
      const id = redactEmails(b.id);
      if (id !== b.id) idsChanged = true;
      b.id = id;
      b.reason = redactEmails(b.reason);
    }
  }
  // A link made from a redacted id would lead to no ticket, or the wrong one.
  if (idsChanged) delete out.policy.ticket_url;
  for (const [dimension, rows] of Object.entries(out.breakdowns)) {
    if (!rows) continue;
    for (const row of rows) if (!row.other) row.key = dimension === 'agent' ? redactAgent(row.key)! : redactEmails(row.key);
    // Rows were in the order of the real names; in pseudonym order that order tells nothing. The
    // "other" row stays last.
    const rank = (r: { key: string; other?: true }) => (r.other ? 2 : r.key === NO_KEY ? 1 : 0);
    if (dimension === 'agent') rows.sort((a, b) => rank(a) - rank(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  return out;
}
