// The gate's verdict in words. The report keeps each reason as a stable code (`rule-failed:<id>`,
// `score-below-minimum`…); people read `email-first-response failed: 66.7 % against 90 %`. The
// sentences are made once, when the report is built (`summary.gate.messages`), and every format
// shows those; a report without them (an older one) is worded from its numbers here.

import type { Report, RuleGroup, RuleResult } from '../report.js';
import { count } from './words.js';
import { describeGroup } from './findings.js';
import { humanMinutes } from './duration-text.js';

/** `66.7 %`, `90 %` (as in the other sentences of the report); `–` for no number. */
export function percentWords(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  return `${(fraction * 100).toFixed(1).replace(/\.0$/, '')} %`;
}

function groupName(g: RuleGroup): string {
  const name = describeGroup(g.when);
  return g.window_minutes === null ? name : `${name} (${humanMinutes(g.window_minutes)})`;
}

/**
 * `66.7 % against 90 %`; for a rule with groups, the groups that are at `status`:
 * `priority urgent (2h) 80 % against 95 %`.
 */
function figures(rule: RuleResult, status: 'fail' | 'warn'): string {
  const groups = (rule.groups ?? []).filter((g) => g.status === status);
  if (groups.length === 0) return `${percentWords(rule.compliance)} against ${percentWords(rule.target)}`;
  return groups.map((g) => `${groupName(g)} ${percentWords(g.compliance)} against ${percentWords(g.target)}`).join(', ');
}

/**
 * One gate reason for people. `maxRegression`, when known (the run that judged it), is said with a
 * regression; the codes are those of aggregate/gate.ts decideGate.
 */
export function gateReasonText(reason: string, report: Report, maxRegression?: number): string {
  const colon = reason.indexOf(':');
  const code = colon === -1 ? reason : reason.slice(0, colon);
  const id = colon === -1 ? '' : reason.slice(colon + 1);
  const rule = report.rules.find((r) => r.id === id);
  const { gate, score } = report.summary;
  switch (code) {
    case 'nothing-measured': {
      if (gate.measured === 0) return 'nothing was measured (0 tickets in the selection)';
      const tickets = gate.measured === undefined ? '' : `, ${count(gate.measured)} tickets in the selection`;
      // Rules a SQL engine could not compute are why, as much as missing data: say how many.
      const unsupported = report.summary.counts.unsupported ?? 0;
      const where =
        unsupported === 0 ? '' : `; ${count(unsupported)} ${unsupported === 1 ? 'rule' : 'rules'} not computed on the ${report.engine ?? 'SQL'} engine`;
      return `nothing was measured (no rule had data${where}${tickets})`;
    }
    case 'score-below-minimum':
      return `score ${score === null ? '–' : score.toFixed(1)} is below the gate minimum of ${gate.min_score}`;
    case 'score-not-finite':
      return 'the score is not a number';
    case 'rule-failed':
      return rule ? `${id} failed: ${figures(rule, 'fail')}` : `${id} failed`;
    case 'rule-warned':
      return rule
        ? `${id} is below its target: ${figures(rule, 'warn')} (the gate fails on warnings)`
        : `${id} is below its target (the gate fails on warnings)`;
    case 'regression': {
      const delta = rule?.delta;
      const drop = delta === null || delta === undefined ? '' : ` ${Math.abs(delta).toFixed(1)} points`;
      const allowed = maxRegression === undefined ? '' : ` (more than the ${maxRegression} allowed)`;
      return `${id} dropped${drop} below the baseline${allowed}`;
    }
    default:
      return reason;
  }
}

/** The gate's reasons in words: the report's own sentences, else worded from its numbers. */
export function gateMessages(report: Report): string[] {
  const { reasons, messages } = report.summary.gate;
  if (messages && messages.length === reasons.length) return messages;
  return reasons.map((r) => gateReasonText(r, report));
}

/** `a`, `a and b`, `a, b and c`. */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Rules that failed without failing the gate (their severity is below the gate's fail_on), in
 * plain words, so a red mark next to "gate passed" is never a puzzle: `refund-speed also failed,
 * but its severity is warn and the gate fails only on rules of severity error`.
 */
export function toleratedFailures(report: Report): string | undefined {
  const { gate } = report.summary;
  if (gate.fail_on !== 'error') return undefined;
  const ids = report.rules.filter((r) => r.status === 'fail' && r.severity === 'warn').map((r) => r.id);
  if (ids.length === 0) return undefined;
  const one = ids.length === 1;
  return `${listWords(ids)} also failed, but ${one ? 'its' : 'their'} severity is warn and the gate fails only on rules of severity error`;
}

/**
 * `Score 82.4 — gate passed` / `Score 61.0 — gate FAILED: email-first-response failed: 66.7 % against 90 %`,
 * then the failures the gate tolerates.
 */
export function verdictLine(report: Report): string {
  const { score, gate } = report.summary;
  const anyData = report.rules.some((r) => r.status !== 'no_data');
  const head = score !== null ? `Score ${score.toFixed(1)}` : anyData ? 'Score – (no rule had enough eligible tickets)' : 'Score – (no rule has data)';
  const verdict = gate.passed ? `${head} — gate passed` : `${head} — gate FAILED: ${gateMessages(report).join('; ')}`;
  const tolerated = toleratedFailures(report);
  return tolerated === undefined ? verdict : `${verdict} (${tolerated})`;
}
