// `explain --format csv`: the breaching tickets of one rule as a spreadsheet-ready table. Cells
// from the data are made printable (terminalSafe: the file may be `cat`-ed) and then formula-safe
// (csvSafe: a leading = + - @ becomes text), then quoted per RFC 4180.

import type { RuleResult } from '../report.js';
import { csvSafe, terminalSafe } from './sanitize.js';

export const BREACH_CSV_COLUMNS = ['ticket', 'created_at', 'channel', 'agent', 'value', 'unit', 'reason'] as const;

function field(text: string): string {
  const safe = csvSafe(terminalSafe(text));
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One header line and one line per breach, worst first, CRLF line ends (RFC 4180). */
export function renderBreachesCsv(rule: RuleResult): string {
  const lines = [BREACH_CSV_COLUMNS.join(',')];
  for (const b of rule.breaches) {
    const value = b.value === null ? '' : String(b.value);
    lines.push([field(b.id), b.created_at, field(b.channel ?? ''), field(b.agent ?? ''), value, b.value === null ? '' : rule.unit, field(b.reason)].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
