// The resolved Policy written back the way people write it (`24h`, `90%`, `09:00-17:00`): the
// shape of `policy print` and of the starter file. Parsing this document again gives the same
// Policy.

import { ruleDefinition } from '../rules/index.js';
import { CEILING_MEASURES } from './schema-rule.js';
import { DAY_INDEX, DAY_NAMES } from './schema-schedule.js';
import { paramUnit } from './schema-units.js';
import type { DayInterval, Filter, Policy, RuleConfig, Schedule, ScheduleVersion } from './types.js';
import { formatDuration, formatPercent, formatTimeOfDay, formatTimeRange } from './units.js';

type Doc = Record<string, unknown>;

const DAY_NAME_BY_INDEX = Object.fromEntries(Object.entries(DAY_INDEX).map(([n, i]) => [i, n]));

function filterDoc(f: Filter): Doc {
  const out: Doc = {};
  for (const key of ['channel', 'priority', 'status', 'type', 'tags', 'team', 'subject', 'match'] as const) {
    if (f[key] !== undefined) out[key] = structuredClone(f[key]);
  }
  return out;
}

function weekDoc(week: DayInterval[][]): Doc {
  const out: Doc = {};
  for (const name of DAY_NAMES) {
    const day = week[DAY_INDEX[name]];
    if (day.length > 0) out[name] = day.map((iv) => formatTimeRange(iv));
  }
  return out;
}

function holidaysDoc(list: ScheduleVersion['holidays']): unknown[] {
  return list.map((h) =>
    h.intervals === undefined && h.name === undefined
      ? h.date
      : { date: h.date, ...(h.intervals ? { hours: h.intervals.map((iv) => formatTimeRange(iv)) } : {}), ...(h.name ? { name: h.name } : {}) },
  );
}

/** A schedule in the policy's own zone does not repeat it: it follows the policy's `timezone`. */
function scheduleDoc(s: Schedule, policyZone: string): Doc {
  const [base, ...later] = s.versions;
  const baseHolidays = new Set(base.holidays.map((h) => JSON.stringify(h)));
  return {
    ...(base.timezone !== policyZone ? { timezone: base.timezone } : {}),
    ...weekDoc(base.week),
    ...(base.holidays.length ? { holidays: holidaysDoc(base.holidays) } : {}),
    ...(base.public_holidays ? { public_holidays: { ...base.public_holidays } } : {}),
    ...(later.length
      ? {
          versions: later.map((v) => {
            const own = v.holidays.filter((h) => !baseHolidays.has(JSON.stringify(h)));
            return {
              valid_from: v.valid_from,
              ...(v.timezone !== base.timezone ? { timezone: v.timezone } : {}),
              ...weekDoc(v.week),
              ...(own.length ? { holidays: holidaysDoc(own) } : {}),
              ...(v.public_holidays && JSON.stringify(v.public_holidays) !== JSON.stringify(base.public_holidays)
                ? { public_holidays: { ...v.public_holidays } }
                : {}),
            };
          }),
        }
      : {}),
  };
}

function ruleDoc(r: RuleConfig): Doc {
  const { id, expectation, title, applies_to, target, warn, severity, weight, clock, schedule, overrides, measure, ...params } = r;
  const def = ruleDefinition(measure);
  const schemas = def.params();
  const out: Doc = {
    id,
    expectation: expectation ?? (def.responseWindow ? 'channel' : 'baseline'),
    title,
    // Always written: a default id merges onto its built-in rule, whose filter would come back.
    applies_to: filterDoc(applies_to),
    measure,
  };
  // Each parameter as its schema's building block writes it (schema-units.ts paramUnit).
  for (const [key, value] of Object.entries(params)) {
    const unit = Object.hasOwn(schemas, key) ? paramUnit(schemas[key]) : undefined;
    if (unit === 'duration') out[key] = formatDuration(value as number);
    else if (unit === 'percent') out[key] = formatPercent(value as number);
    else if (unit === 'filter') out[key] = filterDoc(value as Filter);
    else if (unit === 'hours-of-week') {
      out[key] = (value as { days: number[]; from: number; to: number }[]).map((p) => ({
        days: p.days.map((d) => DAY_NAME_BY_INDEX[d]),
        hours: `${formatTimeOfDay(p.from * 60)}-${formatTimeOfDay(p.to * 60)}`,
      }));
    } else out[key] = value;
  }
  if (!CEILING_MEASURES.has(measure)) out.target = formatPercent(target);
  Object.assign(out, { warn: formatPercent(warn), severity, weight, clock });
  if (schedule !== undefined) out.schedule = schedule;
  if (overrides.length) {
    out.overrides = overrides.map((o) => ({
      when: structuredClone(o.when),
      ...(o.window !== undefined ? { window: formatDuration(o.window) } : {}),
      ...(o.target !== undefined ? { target: formatPercent(o.target) } : {}),
      ...(o.warn !== undefined ? { warn: formatPercent(o.warn) } : {}),
    }));
  }
  return out;
}

/** The effective policy as a document (every default written out). */
export function policyDocument(policy: Policy): Doc {
  return {
    name: policy.name,
    extends: 'none', // everything is written out: nothing more to inherit
    timezone: policy.timezone,
    schedules: Object.fromEntries(Object.entries(policy.schedules).map(([name, s]) => [name, scheduleDoc(s, policy.timezone)])),
    ...(Object.keys(policy.inputs).length ? { inputs: structuredClone(policy.inputs) } : {}),
    exclude_tags: [...policy.exclude_tags],
    rules: policy.rules.map(ruleDoc),
    gate: { ...policy.gate },
  };
}
