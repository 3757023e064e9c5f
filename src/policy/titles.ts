// Titles of the built-in rules that name their numbers ("answered within 24 hours") are made from
// the rule's effective numbers, so a policy that changes a built-in rule's window, clock or target
// without writing a title of its own is not reported under the built-in's words. The templates
// are the measures' own (rules/<measure>.ts `titles`); a test keeps each equal to the built-in
// title for the built-in numbers.

import { ruleDefinition } from '../rules/index.js';
import type { RuleConfig } from './types.js';

export { durationWords } from '../rules/title-words.js';

/** The title of a built-in rule's id made from `rule`'s numbers; undefined when its title names none. */
export function builtinTitle(rule: RuleConfig): string | undefined {
  const template = ruleDefinition(rule.measure).titles?.[rule.id];
  return template ? template(rule as never) : undefined;
}
