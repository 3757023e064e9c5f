// The rules list: built-in rules (unless `extends: none`), a user's rule with a default id
// merged key by key onto the built-in rule of that id, new ids appended in the user's order;
// then each rule checked on its own and its cross-field facts (warn ≤ target, schedules).

import { didYouMean } from '../did-you-mean.js';
import { DEFAULT_DOCUMENT, DEFAULT_RULE_IDS } from './default-document.js';
import { zodIssues, type Issues, type Path } from './issues.js';
import { knownKeysOf } from './schema-keys.js';
import { CEILING_MEASURES, fullRuleSchema, RULE_ID, WINDOW_MEASURES } from './schema-rule.js';
import type { MeasureId, RuleConfig, RuleOverride, Schedule } from './types.js';
import { builtinTitle } from './titles.js';
import { formatPercent } from './units.js';

type Raw = Record<string, unknown>;

const BUILTIN_RAW = new Map<string, Raw>(DEFAULT_DOCUMENT.rules.map((r) => [r.id, r as Raw]));
let ruleSchema: ReturnType<typeof fullRuleSchema> | undefined;

const round = (x: number) => Number(Math.max(0, x).toPrecision(12));

/**
 * The warn level when none is written: 10 points under the target; for a ceiling rule, a share
 * up to twice the ceiling warns (warn = 1 − 2 × ceiling). See docs/policy.md.
 */
export function defaultWarn(target: number, ceiling?: number): number {
  return ceiling !== undefined ? round(1 - 2 * ceiling) : round(target - 0.1);
}

/**
 * A default id's keys over its built-in rule (shallow: a key given replaces that key whole).
 * Giving a different `measure` replaces the rule entirely, so it must then be complete.
 */
function mergeOntoBuiltin(entry: Raw): Raw {
  const builtin = BUILTIN_RAW.get(entry.id as string);
  if (!builtin || (entry.measure !== undefined && entry.measure !== builtin.measure)) return entry;
  return { ...builtin, ...entry };
}

function pickSchedule(r: Raw, schedules: Record<string, Schedule>, path: Path, issues: Issues): string | undefined {
  const names = Object.keys(schedules);
  if (typeof r.schedule === 'string') {
    // Schedule names are the user's words: `toString` is a name like any other, not a property.
    if (Object.hasOwn(schedules, r.schedule)) return r.schedule;
    issues.add([...path, 'schedule'], `unknown schedule "${r.schedule}"${didYouMean(r.schedule, names)} (defined: ${names.join(', ') || 'none'})`);
    return undefined;
  }
  if (r.clock !== 'business') return undefined;
  if (names.length === 0) issues.add([...path, 'clock'], 'a business clock needs a schedule: define one under schedules');
  else if (Object.hasOwn(schedules, 'business-hours')) return 'business-hours';
  else if (names.length === 1) return names[0];
  else issues.add([...path, 'schedule'], `name the schedule this business clock counts in (one of ${names.join(', ')})`);
  return undefined;
}

function checkOverrides(r: Raw, measure: MeasureId, target: number, warn: number, path: Path, issues: Issues): RuleOverride[] {
  const ceiling = CEILING_MEASURES.has(measure);
  return (r.overrides as RuleOverride[]).map((o, i) => {
    const at = [...path, 'overrides', i];
    if (o.window !== undefined && !WINDOW_MEASURES.has(measure)) issues.add([...at, 'window'], `a ${measure} rule has no window to override`);
    if (o.target !== undefined && ceiling) issues.add([...at, 'target'], 'a ceiling rule is judged against 1 − ceiling; it takes no target');
    const out: RuleOverride = { ...o };
    if (o.target !== undefined && o.warn === undefined) out.warn = Math.min(warn, defaultWarn(o.target));
    if ((out.warn ?? warn) > (out.target ?? target)) {
      issues.add([...at, 'warn'], `expected at most the target (${formatPercent(out.target ?? target)})`);
    }
    return out;
  });
}

let ruleKeys: ReturnType<typeof knownKeysOf> | undefined;

function resolveRule(raw: Raw, path: Path, schedules: Record<string, Schedule>, issues: Issues): RuleConfig | undefined {
  let input = raw;
  if (CEILING_MEASURES.has(raw.measure as MeasureId) && 'target' in raw) {
    issues.add([...path, 'target'], 'a ceiling rule is judged against 1 − ceiling: set ceiling instead of target');
    const { target: _dropped, ...rest } = raw;
    input = rest;
  }
  ruleSchema ??= fullRuleSchema();
  const parsed = ruleSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return void issues.addAll(zodIssues(parsed.error.issues, path, (ruleKeys ??= knownKeysOf(fullRuleSchema))));
  const r = parsed.data as Raw;
  const measure = r.measure as MeasureId;
  const ceiling = CEILING_MEASURES.has(measure) ? (r.ceiling as number) : undefined;
  const target = ceiling !== undefined ? round(1 - ceiling) : (r.target as number);
  const warn = (r.warn as number | undefined) ?? defaultWarn(target, ceiling);
  if (warn > target) issues.add([...path, 'warn'], `expected at most the target (${formatPercent(target)})`);
  const schedule = pickSchedule(r, schedules, path, issues);
  const overrides = checkOverrides(r, measure, target, warn, path, issues);
  const { id, expectation, title, applies_to, target: _t, warn: _w, severity, weight, clock, schedule: _s, overrides: _o, ...params } = r;
  return {
    id,
    expectation,
    title,
    applies_to: applies_to ?? {},
    target,
    warn,
    severity,
    weight,
    clock,
    ...(schedule !== undefined ? { schedule } : {}),
    overrides,
    ...params,
  } as RuleConfig;
}

export function resolveRules(entries: Raw[], extendsMode: 'built-in' | 'none', schedules: Record<string, Schedule>, issues: Issues): RuleConfig[] {
  const given = new Map<string, number>();
  const todo: { raw: Raw; path: Path; retitle?: boolean }[] = [];
  entries.forEach((entry, i) => {
    const id = entry.id;
    if (typeof id !== 'string' || !RULE_ID.test(id)) {
      const message =
        id === undefined ? 'required: every rule needs an id' : 'expected a rule id of lower-case letters, digits and dashes like "vip-first-response"';
      return issues.add(['rules', i, 'id'], message);
    }
    const before = given.get(id);
    if (before !== undefined) return issues.add(['rules', i, 'id'], `duplicate rule id "${id}" (also rules[${before}])`);
    given.set(id, i);
  });
  // A built-in rule changed without a title of its own: its title follows its numbers (titles.ts).
  const take = (i: number) => todo.push({ raw: mergeOntoBuiltin(entries[i]), path: ['rules', i], retitle: !('title' in entries[i]) });
  if (extendsMode === 'built-in') {
    for (const id of DEFAULT_RULE_IDS) {
      const i = given.get(id);
      if (i !== undefined) take(i);
      else todo.push({ raw: BUILTIN_RAW.get(id)!, path: ['rules', id] });
    }
  }
  for (const [id, i] of given) {
    if (extendsMode === 'built-in' && BUILTIN_RAW.has(id)) continue;
    // A new rule without a measure whose id is one slip from a built-in one: a misspelt change.
    const guess = extendsMode === 'built-in' && entries[i].measure === undefined ? didYouMean(id, DEFAULT_RULE_IDS) : '';
    if (guess) issues.add(['rules', i, 'id'], `"${id}" is not a built-in rule${guess}; a new rule needs its measure, title, expectation and target`);
    else take(i);
  }
  const rules: RuleConfig[] = [];
  for (const { raw, path, retitle } of todo) {
    const rule = resolveRule(raw, path, schedules, issues);
    if (rule && retitle) rule.title = builtinTitle(rule) ?? rule.title;
    if (rule) rules.push(rule);
  }
  return rules;
}
