// A policy rule made ready to judge: its definition, filters, windows and clock resolved once.

import { calendarClock, type Clock } from '../measure/clock.js';
import { compileFilter } from '../policy/filter.js';
import type { RuleConfig } from '../policy/types.js';
import { ruleDefinition, type AnyRuleDefinition } from '../rules/index.js';
import type { JudgeContext } from '../rules/verdict.js';
import type { Ticket } from '../types.js';

export interface CompiledRule {
  rule: RuleConfig;
  def: AnyRuleDefinition;
  applies: (t: Ticket) => boolean;
  ctx: JudgeContext;
  baseWindow: number;
  overrides: { applies: (t: Ticket) => boolean; window: number }[];
  /** Breaches kept: maxBreaches, or all for the rule being explained. */
  cap: number;
  /** Samples feed percentiles and the mean (definition.ts `samples`). */
  samples: boolean;
  /** A slotted rule's state key per slot (definition.ts `slots`); null: one state, `all`. */
  slotKeys: readonly string[] | null;
}

/** What compiling a rule takes from the scorecard's options. */
export interface CompileOptions {
  /** Business clocks by schedule name. */
  clocks: Record<string, Clock>;
  maxBreaches: number;
  /** A rule id whose every breach is kept. */
  explain?: string;
}

const slotKeysByCount = new Map<number, readonly string[]>();

/** State keys of a slotted rule's slots (`0` … `count − 1`), made once rather than per ticket. */
function slotKeys(count: number): readonly string[] {
  let keys = slotKeysByCount.get(count);
  if (!keys) slotKeysByCount.set(count, (keys = Array.from({ length: count }, (_, slot) => String(slot))));
  return keys;
}

export function compileRule(rule: RuleConfig, opts: CompileOptions): CompiledRule {
  const def = ruleDefinition(rule.measure);
  let clock = calendarClock;
  if (rule.clock === 'business') {
    const named = rule.schedule !== undefined && Object.hasOwn(opts.clocks, rule.schedule) ? opts.clocks[rule.schedule] : undefined;
    if (!named) throw new Error(`rule ${rule.id}: no business clock for schedule "${rule.schedule ?? ''}"`);
    clock = named;
  }
  const baseWindow = def.window ? def.window(rule as never) : NaN;
  return {
    rule,
    def,
    applies: compileFilter(rule.applies_to),
    ctx: { clock, clockKind: rule.clock, window: baseWindow },
    baseWindow,
    overrides: rule.overrides.map((o) => ({
      applies: (t: Ticket) =>
        (!o.when.priority || (t.priority !== undefined && o.when.priority.includes(t.priority))) &&
        (!o.when.channel || (t.channel !== undefined && o.when.channel.includes(t.channel))),
      window: o.window ?? baseWindow,
    })),
    cap: rule.id === opts.explain ? Infinity : Math.max(0, opts.maxBreaches),
    samples: def.samples ?? def.unit === 'minutes',
    slotKeys: def.slots ? slotKeys(def.slots.count) : null,
  };
}
