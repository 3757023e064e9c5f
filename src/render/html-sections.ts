// The HTML report's lower sections: breakdown tables, breaches, inputs and their problems.
// Every string from the data goes through escapeHtml (`h`).

import { DIMENSIONS, type BreakdownRow, type Report, type RuleResult } from '../report.js';
import { escapeHtml as h } from './sanitize.js';
import {
  breakdownRuleIds,
  count,
  encodingNote,
  instantText,
  otherLabel,
  percent,
  problemTotal,
  reportZone,
  rulesWithBreaches,
  STATUS_LABEL,
  topBreakdownRows,
} from './words.js';
import { ticketUrl } from './ticket-link.js';

const DEFAULT_BREACHES = 10;
const PROBLEMS_PER_INPUT = 10;

function cellClass(rule: RuleResult | undefined, compliance: number | null): string {
  if (!rule || compliance === null) return 'none';
  return compliance >= rule.target ? 'pass' : compliance >= rule.warn ? 'warn' : 'fail';
}

/** Keys a breakdown table shows before the rest is folded into a <details>. */
const HTML_TOP_KEYS = 20;

export function breakdownSection(report: Report): string {
  const byId = new Map(report.rules.map((r) => [r.id, r]));
  const parts: string[] = [];
  for (const dim of DIMENSIONS) {
    const rows = report.breakdowns[dim];
    if (!rows || rows.length === 0) continue;
    const ids = breakdownRuleIds(report, rows);
    if (ids.length === 0) continue;
    const head = `<thead><tr><th>${h(dim)}</th>${ids.map((id) => `<th class="num">${h(id)}</th>`).join('')}</tr></thead>`;
    const line = (row: BreakdownRow) => {
      const cells = ids.map((id) => {
        const c = row.rules.find((r) => r.id === id);
        if (!c || c.eligible === 0) return '<td class="cell none">–</td>';
        const cls = cellClass(byId.get(id), c.compliance);
        return `<td class="cell ${cls}" title="${h(`${c.met} of ${c.eligible} met`)}">${percent(c.compliance)}<small>n=${count(c.eligible)}</small></td>`;
      });
      return row.other
        ? `<tr class="other"><td class="key"><em>${h(otherLabel(dim))}</em></td>${cells.join('')}</tr>`
        : `<tr><td class="key">${h(row.key)}</td>${cells.join('')}</tr>`;
    };
    const table = (body: BreakdownRow[]) => `<div class="table-wrap"><table class="breakdown">${head}<tbody>${body.map(line).join('')}</tbody></table></div>`;
    // The keys with the most breaches and one row summing the rest; the rest, key by key, folded
    // below (every row of the report: at most --max-keys, then its own "other" row).
    const top = topBreakdownRows(rows, HTML_TOP_KEYS);
    let folded = '';
    if (top.left > 0) {
      const shown = new Set(top.rows);
      const rest = rows.filter((r) => !shown.has(r));
      folded = `<details class="more-keys"><summary>The other ${count(top.left)} ${h(dim)} keys, one by one</summary>${table(rest)}</details>`;
    }
    const keys = rows.filter((r) => !r.other).length;
    const notes: string[] = [];
    if (top.left > 0) notes.push(`the ${HTML_TOP_KEYS} ${h(dim)} keys with the most breaches; the last row sums the other ${count(top.left)}`);
    if (rows.some((r) => r.other))
      notes.push(`the report holds the ${count(keys)} keys with the most breaches (--max-keys) and sums all the others in one row`);
    const cut = notes.length ? `<p class="note">${notes.join('; ')}.</p>` : '';
    parts.push(`<h3>By ${h(dim)}</h3>${table(top.rows)}${cut}${folded}`);
  }
  if (parts.length === 0) return '';
  return `<section class="card" id="breakdowns"><h2>Breakdowns</h2><p class="meta">Compliance per group; cell colour against each rule's target and warn level, n = eligible tickets.</p>${parts.join('')}</section>`;
}

/** The ticket id, a link to the ticket when the policy gives a ticket_url. */
function ticketCell(report: Report, id: string): string {
  const url = ticketUrl(report, id);
  return url === undefined ? h(id) : `<a href="${h(url)}" rel="noreferrer">${h(id)}</a>`;
}

export function breachSection(report: Report, perRule: number): string {
  const rules = rulesWithBreaches(report);
  if (rules.length === 0) return '';
  const n = perRule > 0 ? perRule : DEFAULT_BREACHES;
  const parts = rules.map((r) => {
    const shown = r.breaches.slice(0, n);
    const rows = shown.map(
      (b) =>
        `<tr class="breach"><td class="mono">${ticketCell(report, b.id)}</td><td class="when">${h(instantText(b.created_at, reportZone(report)))}</td><td>${h(b.channel ?? '')}</td><td>${h(b.agent ?? '')}</td><td class="breach-reason">${h(b.reason)}</td></tr>`,
    );
    const more = r.breached - shown.length;
    return (
      `<h3><span class="pill ${h(r.status)}">${h(STATUS_LABEL[r.status] ?? r.status)}</span> <span class="rule-id">${h(r.id)}</span> <span class="muted">${count(r.breached)} breached</span></h3>` +
      `<table><tr><th>ticket</th><th>created</th><th>channel</th><th>agent</th><th>reason</th></tr>${rows.join('')}</table>` +
      (more > 0 ? `<p class="note">${count(more)} more not shown.</p>` : '')
    );
  });
  return `<section class="card" id="breaches"><h2>Worst breaches</h2>${parts.join('')}</section>`;
}

export function inputSection(report: Report): string {
  const rows = report.inputs.map((i) => {
    const total = problemTotal(i);
    const encoding = encodingNote(i);
    return `<tr><td class="mono">${h(i.path)}</td><td>${h(encoding === undefined ? i.format : `${i.format}, ${encoding}`)}</td><td class="num">${count(i.rows)}</td><td class="num">${count(i.used)}</td><td class="num">${count(i.skipped)}</td><td class="num">${count(total)}</td></tr>`;
  });
  const problems = report.inputs
    .filter((i) => problemTotal(i) > 0)
    .map((i) => {
      const codes = Object.entries(i.problem_counts)
        .map(([code, n]) => `<span class="pill warn">${h(code)} ${count(n ?? 0)}</span>`)
        .join(' ');
      const first = i.problems
        .slice(0, PROBLEMS_PER_INPUT)
        .map(
          (p) => `<tr><td class="mono">${h(i.path)}:${p.line}</td><td class="mono">${h(p.code)}</td><td>${h(p.column ?? '')}</td><td>${h(p.message)}</td></tr>`,
        );
      const more = problemTotal(i) - first.length;
      return (
        `<h3 class="mono">${h(i.path)}</h3><div class="counts">${codes}</div>` +
        (first.length ? `<table><tr><th>where</th><th>code</th><th>column</th><th>problem</th></tr>${first.join('')}</table>` : '') +
        (more > 0 ? `<p class="note">${count(more)} more in the JSON report.</p>` : '')
      );
    });
  return (
    `<section class="card" id="inputs"><h2>Inputs</h2>` +
    `<table><tr><th>file</th><th>format</th><th class="num">rows</th><th class="num">used</th><th class="num">skipped</th><th class="num">problems</th></tr>${rows.join('')}</table>` +
    problems.join('') +
    `</section>`
  );
}
