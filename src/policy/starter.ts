// `support-audit init`: the built-in policy written out in full with comments, ready to edit.
// Made from the built-in policy itself, so the two cannot drift apart.

import { isMap, isSeq, type Document } from 'yaml';
import { builtinPolicy } from './default.js';
import { policyDocument } from './human.js';
import { policyYaml } from './print.js';
import { defaultWarn } from './resolve-rules.js';
import { CEILING_MEASURES } from './schema-rule.js';
import { builtinTitle } from './titles.js';

/** Where editors find the schema: the copy shipped in the installed package. */
export const SCHEMA_REFERENCE = './node_modules/support-audit/schema/policy.schema.json';

const KEY_COMMENTS: Record<string, string> = {
  name: ' support-audit policy: the service standards your exports are checked against.\n Reference: docs/policy.md. Check it with "support-audit policy check".\n',
  extends:
    ' "none": only what is written here counts (every built-in rule is listed below, so delete one\n to drop it, or set its severity: off). "built-in": start from the built-in rules and schedules.',
  timezone:
    " Your support team's time zone, e.g. Europe/Berlin. Opening hours, weeks, peak hours, the dates\n" +
    ' you give on the command line and the times in reports are in it, and timestamps your exports\n' +
    ' write without an offset are read in it. An export written in another zone, or saved by Excel\n' +
    ' in a code page: add inputs: { timezone: America/New_York, encoding: windows-1252 } (or pass\n' +
    ' --timezone, --encoding). UTC below is only a neutral default: until you set a zone, the\n' +
    ' audit warns that it assumed UTC for the data.',
  schedules:
    ' Opening hours for rules with clock: business, in the timezone above (a schedule may name\n its own with timezone:). Overnight hours like "22:00-06:00" are fine;\n holidays: ["2024-12-25", {date: 2024-12-24, hours: ["12:00-24:00"]}];\n public holidays: public_holidays: {country: DE, state: BY}.',
  exclude_tags: ' Tickets with any of these tags are left out of every rule.',
  rules:
    ' Durations: 3m, 24h, 7d, 1h30m. Percentages: 90% (or 0.9). A rule\'s warn level defaults to\n 10 points under its target (ceiling rules: a share up to twice the ceiling warns).\n severity: error fails the gate, warn only reports, off skips the rule.\n A rule without a title is titled from its numbers ("answered within 24 hours").',
  gate: ' The run fails (exit 1) when a rule of severity fail_on or worse fails, or the score is\n below min_score. Rules with fewer than min_sample eligible tickets report "insufficient".',
};

// The eight baseline expectations (docs/policy.md), named above the rules that audit them.
const EXPECTATIONS = [
  '',
  'timely information if promises cannot be kept',
  'correct and complete after-sales and repair service',
  'comprehensible calculation of services (billing)',
  'clean and tidy premises',
  'friendly service, even at peak times',
  'individual support and advice for purchase decisions',
  'response to complaints within one week',
  'good return policy',
];

function addComments(yaml: Document, titles: Map<string, string>): void {
  const root = yaml.contents;
  if (!isMap(root)) return;
  for (const pair of root.items) {
    const key = String((pair.key as { value: unknown }).value);
    const comment = KEY_COMMENTS[key];
    if (comment) (pair.key as { commentBefore?: string }).commentBefore = comment;
    if (key === 'rules' && isSeq(pair.value)) {
      for (const item of pair.value.items) {
        if (!isMap(item)) continue;
        const id = String(item.get('id'));
        item.commentBefore = ` ${titles.get(id) ?? id}`;
      }
    }
  }
}

/** The starter's own name: a policy made from it is the team's, not the built-in one. */
export const STARTER_NAME = 'Our service standards';

export function starterPolicyYaml(): string {
  const policy = builtinPolicy();
  const doc: Record<string, unknown> = { ...policyDocument(policy), name: STARTER_NAME };
  const rules = doc.rules as Record<string, unknown>[];
  policy.rules.forEach((r, i) => {
    // Leave derived warn levels out, so that editing a target moves its warn level with it.
    const ceiling = CEILING_MEASURES.has(r.measure) ? (r as { ceiling: number }).ceiling : undefined;
    if (r.warn === defaultWarn(r.target, ceiling)) delete rules[i].warn;
    // Likewise titles made from the numbers: editing a window retitles the rule.
    if (builtinTitle(r) === r.title) delete rules[i].title;
  });
  const yaml = policyYaml(doc);
  const about = (e: number | null) => (e === null ? 'a baseline service level' : `expectation ${e}, ${EXPECTATIONS[e]}`);
  addComments(yaml, new Map(policy.rules.map((r) => [r.id, about(r.expectation)])));
  return `# yaml-language-server: $schema=${SCHEMA_REFERENCE}\n${yaml.toString({ lineWidth: 100 })}`;
}
