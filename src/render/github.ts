// `--format github`: workflow commands that GitHub Actions turns into annotations. A failing
// rule of severity error is an ::error, a failing rule of severity warn and a warning rule are
// ::warning; each kind is capped (GitHub shows 10 per step anyway) with a ::notice of the rest,
// and a final ::notice carries the score and the verdict.

import type { Report, RuleResult } from '../report.js';
import { humanMinutes } from './duration-text.js';
import { terminalSafe } from './sanitize.js';
import { complianceVsTarget, count, groupLines, percentiles } from './words.js';
import { verdictLine } from './gate-words.js';
import { ticketUrl } from './ticket-link.js';

const PER_KIND = 10;
const BREACH_IDS = 3;

/** Message data: `%`, CR and LF are the command syntax's own. Controls go first (logs are terminals). */
export function escapeData(text: string): string {
  return stripForLog(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally must not contain `:` (ends the properties) nor `,` (separates them). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// terminalSafe would turn a line break into a space; keep it here, it is escaped as %0A.
function stripForLog(text: string): string {
  return String(text)
    .split(/\r\n|\r|\n/)
    .map(terminalSafe)
    .join('\n');
}

function annotation(kind: 'error' | 'warning', r: RuleResult, report: Report): string {
  const p = percentiles(r, humanMinutes);
  // With the policy's ticket_url, each id is followed by its link (annotations are plain text).
  const ids = r.breaches.slice(0, BREACH_IDS).map((b) => {
    const url = ticketUrl(report, b.id);
    return url === undefined ? b.id : `${b.id} (${url})`;
  });
  const message = [
    `${r.title}: ${complianceVsTarget(r)} of ${count(r.eligible)} eligible${p ? `, p50 / p90 ${p}` : ''}`,
    // A rule with overrides fails or warns by its groups: each on its own line.
    ...groupLines(r),
    ...(ids.length ? [`worst: ${ids.join(', ')}`] : []),
  ].join('\n');
  return `::${kind} title=${escapeProperty(`${r.status === 'fail' ? 'Rule failed' : 'Rule warns'}: ${r.id}`)}::${escapeData(message)}`;
}

export function renderGithub(report: Report): string {
  const errors = report.rules.filter((r) => r.status === 'fail' && r.severity === 'error');
  const warnings = report.rules.filter((r) => r.status === 'warn' || (r.status === 'fail' && r.severity !== 'error'));
  const lines: string[] = [];
  for (const [kind, rules] of [
    ['error', errors],
    ['warning', warnings],
  ] as const) {
    for (const r of rules.slice(0, PER_KIND)) lines.push(annotation(kind, r, report));
    if (rules.length > PER_KIND) {
      const rest = rules
        .slice(PER_KIND)
        .map((r) => r.id)
        .join(', ');
      lines.push(`::notice title=${escapeProperty(`${rules.length - PER_KIND} more ${kind}s`)}::${escapeData(`not annotated: ${rest}`)}`);
    }
  }
  lines.push(`::notice title=support-audit::${escapeData(verdictLine(report))}`);
  return `${lines.join('\n')}\n`;
}
