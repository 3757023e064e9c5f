// Titles of the built-in rules that name their numbers ("answered within 24 hours") are made from
// the rule's effective numbers, so a policy that changes a built-in rule's window, clock or target
// without writing a title of its own is not reported under the built-in's words. A test keeps
// each template equal to the built-in title for the built-in numbers.

import type { RuleConfig } from './types.js';
import { formatPercent } from './units.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNIT_WORDS: [size: number, one: string, many: string][] = [
  [DAY, 'day', 'days'],
  [HOUR, 'hour', 'hours'],
  [MINUTE, 'minute', 'minutes'],
  [1000, 'second', 'seconds'],
];

/** `24 hours`, `48 hours`, `3 days`, `1 hour 30 minutes`, `one week` (exactly seven days, as people say it). */
export function durationWords(ms: number): string {
  if (ms === 7 * DAY) return 'one week';
  let rest = Math.round(ms);
  const parts: string[] = [];
  for (const [size, one, many] of UNIT_WORDS) {
    // Days only from 72 hours on: "24 hours" and "48 hours", as people say them and the built-in titles do.
    if (size === DAY && ms < 3 * DAY) continue;
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n} ${n === 1 ? one : many}`);
    rest -= n * size;
  }
  return parts.length ? parts.join(' ') : '0 seconds';
}

/** A window as a title says it: on a business clock, the time counts only in opening hours. */
function within(rule: RuleConfig, ms: number): string {
  return rule.clock === 'business' ? `${durationWords(ms)} of business time` : durationWords(ms);
}

type Template = (rule: RuleConfig) => string;

const window = (rule: RuleConfig) => within(rule, (rule as { window: number }).window);

/** By built-in rule id, for the measure the built-in rule has. */
const TEMPLATES: Record<string, { measure: string; title: Template }> = {
  'chat-first-response': { measure: 'first-response', title: (r) => `Live chat answered within ${window(r)}` },
  'email-first-response': { measure: 'first-response', title: (r) => `Email and web form answered within ${window(r)}` },
  'phone-wait': { measure: 'phone-wait', title: (r) => `Phone callers wait at most ${window(r)}` },
  'social-first-response': { measure: 'first-response', title: (r) => `Social and messaging answered within ${window(r)}` },
  satisfaction: { measure: 'csat', title: (r) => `Customers are satisfied (CSAT at least ${formatPercent(r.target)})` },
  'presales-advice': { measure: 'presales', title: (r) => `Pre-sales questions answered within ${window(r)}` },
  'complaint-response': { measure: 'first-response', title: (r) => `Complaints answered within ${window(r)}` },
  'returns-approval': {
    measure: 'returns-approval',
    title: (r) => {
      const { return_window, answer_window } = r as Extract<RuleConfig, { measure: 'returns-approval' }>;
      return `Returns within ${durationWords(return_window)} approved and answered within ${within(r, answer_window)}`;
    },
  },
  'refund-speed': { measure: 'refund-speed', title: (r) => `Refunds issued within ${window(r)}` },
};

/** The title of a built-in rule's id made from `rule`'s numbers; undefined when its title names none. */
export function builtinTitle(rule: RuleConfig): string | undefined {
  const t = TEMPLATES[rule.id];
  return t && t.measure === rule.measure ? t.title(rule) : undefined;
}
