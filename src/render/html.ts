// `--format html`: one self-contained page for people (a support lead, a weekly review). Inline
// CSS and SVG only, no script, nothing fetched: a Content-Security-Policy of `default-src 'none'`
// says so to the browser too. Every string from the data is escaped.

import type { Report, RuleResult } from '../report.js';
import { humanMinutes } from './duration-text.js';
import { breachSection, breakdownSection, inputSection } from './html-sections.js';
import { complianceBar, histogram, TREND_WEEKS, trendChart } from './html-charts.js';
import { historyHtml } from './history.js';
import { HTML_STYLE } from './html-style.js';
import type { RenderOptions } from './index.js';
import { escapeHtml as h } from './sanitize.js';
import { count, groupFigures, groupLabel, instantText, noDataText, percent, reportZone, scoreText, signedPoints, STATUS_LABEL, zoneText } from './words.js';
import { gateMessages, toleratedFailures } from './gate-words.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function kindTag(rule: RuleResult): string {
  if (rule.expectation !== null) return `expectation ${rule.expectation}`;
  // Rules outside the eight expectations: the channel response windows, and others (CSAT).
  return /first-response|next-reply|phone-wait/.test(rule.measure) ? 'channel window' : 'service level';
}

function deltaCell(rule: RuleResult): string {
  const text = signedPoints(rule.delta);
  const cls = rule.delta === null || rule.delta === undefined || text === '0.0' ? 'muted' : rule.delta > 0 ? 'delta-up' : 'delta-down';
  return `<td class="num ${cls}" title="change in compliance points against the baseline">${h(text)}</td>`;
}

/** `2024-W06 – W13` under a trend chart: the weeks its points cover. */
function weekSpan(rule: RuleResult): string {
  const shown = rule.trend.slice(-TREND_WEEKS);
  if (shown.length === 0) return '';
  const first = shown[0].period;
  const last = shown[shown.length - 1].period;
  const end = first.slice(0, 5) === last.slice(0, 5) ? last.slice(5) : last;
  return `<div class="span">${h(first === last ? first : `${first} – ${end}`)}</div>`;
}

function ruleRow(rule: RuleResult, withDelta: boolean): string {
  const status = h(rule.status);
  const name = `<div><span class="rule-id">${h(rule.id)}</span><span class="tag">${h(kindTag(rule))}</span></div><div class="rule-title">${h(rule.title)}</div>`;
  const noData = rule.status === 'no_data';
  const figures = noData
    ? `<td colspan="3" class="why">${h(noDataText(rule))}</td>`
    : `<td>${complianceBar(rule)}<div class="figure"><b>${percent(rule.compliance)}</b> of target ${percent(rule.target)}` +
      `</div>${rule.status === 'insufficient' && rule.note ? `<div class="why">${h(rule.note)}</div>` : ''}</td>` +
      `<td class="num">${count(rule.eligible)}</td>` +
      `<td class="num">${rule.unit === 'minutes' ? `${h(humanMinutes(rule.p50))} / ${h(humanMinutes(rule.p90))}` : '–'}</td>`;
  return (
    `<tr class="rule ${status}" id="rule-${h(rule.id)}"><td><span class="pill ${status}">${h(STATUS_LABEL[rule.status] ?? rule.status)}</span></td>` +
    `<td>${name}</td>${figures}<td>${trendChart(noData ? [] : rule.trend, rule.target)}${noData ? '' : weekSpan(rule)}</td>${withDelta ? deltaCell(rule) : ''}</tr>`
  );
}

/** A line under a rule with overrides for each of its groups, judged on its own. */
function groupRows(rule: RuleResult, withDelta: boolean): string {
  return (rule.groups ?? [])
    .map((g) => {
      const status = h(g.status);
      const noData = g.status === 'no_data';
      const figures = noData
        ? `<td colspan="3" class="why">${h(groupFigures(g))}</td>`
        : `<td>${complianceBar(g)}<div class="figure"><b>${percent(g.compliance)}</b> of target ${percent(g.target)}</div></td>` +
          `<td class="num">${count(g.eligible)}</td><td class="num">–</td>`;
      return (
        `<tr class="group ${status}"><td><span class="pill ${status}">${h(STATUS_LABEL[g.status] ?? g.status)}</span></td>` +
        `<td><div class="rule-title">↳ ${h(groupLabel(g))}</div></td>${figures}<td></td>${withDelta ? '<td></td>' : ''}</tr>`
      );
    })
    .join('');
}

function header(report: Report): string {
  const { summary } = report;
  const passed = summary.gate.passed;
  const tickets = report.inputs.reduce((n, i) => n + i.used, 0);
  const zone = reportZone(report);
  const meta = [
    `policy <b>${h(report.policy.name)}</b> (${h(report.policy.source === 'built-in' ? 'built-in default' : report.policy.source)})`,
    `as of ${h(instantText(report.as_of, zone))}`,
    `${count(tickets)} records used from ${report.inputs.length} file${report.inputs.length === 1 ? '' : 's'}`,
    h(zoneText(report)),
    ...(report.window?.since || report.window?.until
      ? [
          `created ${report.window.since ? `from ${h(report.window.since.slice(0, 10))}` : ''}${report.window.until ? ` until ${h(report.window.until.slice(0, 10))}` : ''}`,
        ]
      : []),
    ...(report.baseline ? [`baseline score ${h(scoreText(report.baseline.score))} (${h(instantText(report.baseline.as_of, zone))})`] : []),
  ];
  const c = summary.counts;
  const chips = (['pass', 'warn', 'fail', 'no_data', 'insufficient', 'unsupported'] as const)
    .filter((k) => (c[k] ?? 0) > 0)
    .map((k) => `<span class="pill ${k}">${c[k]} ${STATUS_LABEL[k]}</span>`)
    .join('');
  const reasons = summary.gate.reasons.length
    ? `<ul class="reasons">${gateMessages(report)
        .map((m) => `<li>${h(m)}</li>`)
        .join('')}</ul>`
    : '';
  const tolerated = toleratedFailures(report);
  const toleratedNote = tolerated === undefined ? '' : `<p class="note">${h(tolerated)}.</p>`;
  return (
    `<section class="card"><div class="hero"><div><h1>Support audit</h1><p class="meta">${meta.join(' · ')}</p><div class="counts">${chips}</div></div>` +
    `<div class="score"><div class="score-num">${h(scoreText(summary.score))}<span class="score-of"> / 100</span></div>` +
    `<span class="verdict ${passed ? 'pass' : 'fail'}">${passed ? 'Gate passed' : 'Gate failed'}</span></div></div>` +
    `${reasons}${toleratedNote}<p class="note">Score: weight-averaged min(1, compliance ÷ target) over rules with data; gate minimum ${summary.gate.min_score}, failing on ${h(summary.gate.fail_on)} rules.</p></section>`
  );
}

function rulesSection(report: Report): string {
  const withDelta = report.baseline !== undefined;
  const head = `<tr><th>status</th><th>rule</th><th>compliance vs target</th><th class="num">eligible</th><th class="num">p50 / p90</th><th>weekly trend</th>${withDelta ? '<th class="num">Δ pts</th>' : ''}</tr>`;
  return (
    `<section class="card" id="rules"><h2>Rules</h2><table class="rules">${head}${report.rules.map((r) => ruleRow(r, withDelta) + groupRows(r, withDelta)).join('')}</table>` +
    `<p class="note">Bar: compliance (met ÷ eligible); black marker: target; dotted tick: warn level. Trend: weekly compliance, dashed line at the target.</p></section>`
  );
}

function distributionSection(report: Report): string {
  const dist = report.distributions?.first_response;
  if (!dist) return '';
  const boxes = Object.keys(dist.counts).map((channel) => {
    const total = dist.counts[channel].reduce((a, b) => a + b, 0);
    return `<div class="hist-box"><h3>${h(channel)} <span class="muted">${count(total)} first responses</span></h3>${histogram(dist, channel)}</div>`;
  });
  return `<section class="card" id="distribution"><h2>Time to first response</h2><p class="meta">Calendar time, per channel; bars by response time bucket.</p><div class="hists">${boxes.join('')}</div></section>`;
}

export function renderHtml(report: Report, opts: RenderOptions): string {
  const title = `Support audit: ${report.policy.name}, ${instantText(report.as_of, reportZone(report))}`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    '<body><main>',
    header(report),
    rulesSection(report),
    ...(opts.history?.length ? [historyHtml(report, opts.history)] : []),
    distributionSection(report),
    breakdownSection(report),
    breachSection(report, opts.showBreaches),
    inputSection(report),
    `<footer>${h(report.generated_by.name)} ${h(report.generated_by.version)} · ${h(report.schema)} · generated offline from local files</footer>`,
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}
