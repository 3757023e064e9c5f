// `--format junit`: one test suite, one test case per rule, so CI test views show the audit.
// fail → <failure>, no_data / insufficient → <skipped>, warn → passes with its numbers in
// <system-out>. All data text is XML-escaped and stripped of characters XML 1.0 forbids.

import type { Report, RuleResult } from '../report.js';
import { humanMinutes } from './duration-text.js';
import { xmlAttr, xmlText } from './sanitize.js';
import { complianceVsTarget, count, groupLabel, groupLines, noDataText, percentiles } from './words.js';
import { gateReasonText, verdictLine } from './gate-words.js';

const BREACH_IDS = 5;

function numbers(r: RuleResult): string {
  const p = percentiles(r, humanMinutes);
  return `compliance ${complianceVsTarget(r)} (${count(r.met)} of ${count(r.eligible)} met)${p ? `, p50 / p90 ${p}` : ''}`;
}

function testcase(r: RuleResult): string {
  const open = `    <testcase classname="${r.expectation === null ? 'channel-windows' : `expectation-${r.expectation}`}" name="${xmlAttr(r.id)}" time="0">`;
  const body: string[] = [];
  // A rule with overrides: a line per group (each judged on its own), in the case's text.
  const groups = groupLines(r);
  if (r.status === 'fail') {
    const ids = r.breaches.slice(0, BREACH_IDS).map((b) => b.id);
    const failing = (r.groups ?? []).filter((g) => g.status === 'fail').map((g) => groupLabel(g));
    const message = `${numbers(r)}${failing.length ? `; failing: ${failing.join(', ')}` : ''}${ids.length ? `; breaches: ${ids.join(', ')}` : ''}`;
    const detail = [r.title, numbers(r), ...groups, ...r.breaches.slice(0, BREACH_IDS).map((b) => `${b.id}: ${b.reason}`)];
    body.push(`      <failure message="${xmlAttr(message)}" type="${xmlAttr(r.severity)}">${xmlText(detail.join('\n'))}</failure>`);
  } else if (r.status === 'no_data' || r.status === 'insufficient' || r.status === 'unsupported') {
    const why = r.status === 'no_data' ? `no data: ${noDataText(r)}` : `${r.status}: ${r.note ?? `${r.eligible} eligible`}`;
    body.push(`      <skipped message="${xmlAttr(why)}"/>`);
  } else if (r.status === 'warn') {
    body.push(`      <system-out>${xmlText([`warn: ${r.title}`, numbers(r), ...groups].join('\n'))}</system-out>`);
  } else if (groups.length > 0) {
    body.push(`      <system-out>${xmlText([numbers(r), ...groups].join('\n'))}</system-out>`);
  }
  return body.length ? [open, ...body, '    </testcase>'].join('\n') : `${open.slice(0, -1)}/>`;
}

/** An audit that measured nothing fails as a case of its own: a CI view of skipped cases alone would look green. */
function nothingMeasured(report: Report): string[] {
  if (!report.summary.gate.reasons.includes('nothing-measured')) return [];
  const why = gateReasonText('nothing-measured', report);
  return [
    '    <testcase classname="gate" name="nothing-measured" time="0">',
    `      <failure message="${xmlAttr(why)}" type="gate">${xmlText(`${why}: the inputs gave nothing to judge, so the gate cannot pass (gate.require_data: false allows it).`)}</failure>`,
    '    </testcase>',
  ];
}

export function renderJunit(report: Report): string {
  const { counts } = report.summary;
  const gateCase = nothingMeasured(report);
  const tests = report.rules.length + (gateCase.length ? 1 : 0);
  const failures = counts.fail + (gateCase.length ? 1 : 0);
  const suite =
    `  <testsuite name="support-audit" tests="${tests}" failures="${failures}" errors="0" ` +
    `skipped="${counts.no_data + counts.insufficient + (counts.unsupported ?? 0)}" time="0"${report.as_of === null ? '' : ` timestamp="${xmlAttr(report.as_of.replace(/\.\d+Z$/, ''))}"`}>`;
  const props = [
    `      <property name="policy" value="${xmlAttr(report.policy.name)}"/>`,
    `      <property name="score" value="${report.summary.score ?? ''}"/>`,
    `      <property name="verdict" value="${xmlAttr(verdictLine(report))}"/>`,
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="support-audit" tests="${tests}" failures="${failures}" errors="0">`,
    suite,
    '    <properties>',
    ...props,
    '    </properties>',
    ...gateCase,
    ...report.rules.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
