// `policy describe`: each rule of the effective policy in words (what it measures, which tickets,
// window, clock with its schedule, target, severity, minimum sample), as data that the text and
// JSON outputs share.

import { z } from 'zod';
import { ruleDefinition } from '../rules/index.js';
import { durationWords } from '../rules/title-words.js';
import { MEASURE_WORDS } from './describe-words.js';
import { policyDocument } from './human.js';
import { DAY_INDEX, DAY_NAMES } from './schema-schedule.js';
import { CEILING_MEASURES } from './schema-rule.js';
import { paramUnit } from './schema-units.js';
import type { DayInterval, Filter, Policy, RuleConfig, Schedule, ScheduleVersion } from './types.js';
import { formatDuration, formatPercent, formatTimeRange } from './units.js';

export interface RuleDescription {
  id: string;
  title: string;
  measure: string;
  /** What the measure measures, in words. */
  measures: string;
  /** Which tickets, in words (`channel chat`, `every ticket`). */
  applies_to: string;
  /** The window (`3m`) and in words (`3 minutes`), for a measure that has one. */
  window?: { value: string; words: string };
  clock: 'calendar' | 'business';
  /** The business clock's schedule: its name and opening hours in words. */
  schedule?: { name: string; hours: string };
  target: string;
  warn: string;
  /** Ceiling rules: the share they allow (target = 1 − ceiling). */
  ceiling?: string;
  /** How the compliance is judged, in words. */
  judged: string;
  severity: 'error' | 'warn' | 'off';
  weight: number;
  /** Fewer eligible tickets: the rule is reported as insufficient (the gate's min_sample). */
  min_sample: number;
  /** The measure's other parameters, as `policy print` writes them. */
  parameters: Record<string, unknown>;
  /** Overrides, in words (`priority urgent: window 1m`), first match wins. */
  overrides: string[];
}

export interface PolicyDescription {
  name: string;
  source: string;
  note?: string;
  timezone: string;
  gate: string;
  exclude_tags: string[];
  rules: RuleDescription[];
}

const COMMON_KEYS = new Set([
  'id',
  'expectation',
  'title',
  'applies_to',
  'measure',
  'target',
  'warn',
  'severity',
  'weight',
  'clock',
  'schedule',
  'overrides',
  'window',
  'ceiling',
]);

const or = (values: readonly string[]) => (values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`);
const and = (values: readonly string[]) => (values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`);

/** A filter in words: `channel email or web; tags any of vip`. `match: any` joins type, tags and subject with "or". */
export function filterWords(f: Filter): string {
  const fixed: string[] = [];
  if (f.channel?.length) fixed.push(`channel ${or(f.channel)}`);
  if (f.priority?.length) fixed.push(`priority ${or(f.priority)}`);
  if (f.status?.length) fixed.push(`status ${or(f.status)}`);
  if (f.team?.length) fixed.push(`team ${or(f.team)}`);
  const text: string[] = [];
  if (f.type?.length) text.push(`type ${or(f.type)}`);
  if (f.tags?.any?.length) text.push(`a tag ${or(f.tags.any)}`);
  if (f.subject?.length) text.push(`subject with ${or(f.subject)}`);
  const tagsAll = f.tags?.all?.length ? [`every tag of ${and(f.tags.all)}`] : [];
  const tagsNone = f.tags?.none?.length ? [`no tag ${or(f.tags.none)}`] : [];
  const textPart = f.match === 'any' && text.length > 1 ? [`(${text.join(' or ')})`] : text;
  const parts = [...fixed, ...textPart, ...tagsAll, ...tagsNone];
  return parts.length ? parts.join('; ') : 'every ticket';
}

function dayWords(week: DayInterval[][]): string {
  // Days with the same hours are grouped: `mon–fri 09:00-17:00`.
  const groups: { days: string[]; hours: string }[] = [];
  for (const name of DAY_NAMES) {
    const day = week[DAY_INDEX[name]];
    if (day.length === 0) continue;
    const hours = day.map((iv) => formatTimeRange(iv)).join(', ');
    const last = groups[groups.length - 1];
    const previous = DAY_NAMES[DAY_NAMES.indexOf(name) - 1];
    if (last && last.hours === hours && last.days[last.days.length - 1] === previous) last.days.push(name);
    else groups.push({ days: [name], hours });
  }
  if (groups.length === 0) return 'never open';
  return groups.map((g) => `${g.days.length > 2 ? `${g.days[0]}–${g.days[g.days.length - 1]}` : g.days.join(', ')} ${g.hours}`).join('; ');
}

function versionWords(v: ScheduleVersion): string {
  const closed: string[] = [];
  // A holiday closed only some hours says which.
  const dates = v.holidays.map((h) => (h.intervals ? `${h.date} ${h.intervals.map((iv) => formatTimeRange(iv)).join(', ')}` : h.date));
  if (v.holidays.length) closed.push(`${v.holidays.length} holiday${v.holidays.length === 1 ? '' : 's'} (${dates.join('; ')})`);
  if (v.public_holidays)
    closed.push(`public holidays of ${[v.public_holidays.country, v.public_holidays.state, v.public_holidays.region].filter(Boolean).join('-')}`);
  return `${dayWords(v.week)} (${v.timezone})${closed.length ? `, closed on ${closed.join(' and ')}` : ''}`;
}

export function scheduleWords(s: Schedule): string {
  return s.versions.map((v, i) => (i === 0 && v.valid_from === null ? versionWords(v) : `from ${v.valid_from}: ${versionWords(v)}`)).join('; ');
}

const share = (fraction: number) => formatPercent(Number(fraction.toPrecision(12)));

function judgedWords(r: RuleConfig, window: string | undefined, timed: boolean): string {
  if (CEILING_MEASURES.has(r.measure)) {
    return `passes while the share is at most ${share(1 - r.target)}, warns up to ${share(1 - r.warn)}, fails above`;
  }
  const warns = `warns from ${formatPercent(r.warn)}, fails below`;
  if (window && timed) return `passes when ${formatPercent(r.target)} or more of the eligible tickets are within ${window}; ${warns}`;
  return `passes at ${formatPercent(r.target)} or more; ${warns}`;
}

function overrideWords(o: RuleConfig['overrides'][number]): string {
  const when = [o.when.priority?.length ? `priority ${or(o.when.priority)}` : '', o.when.channel?.length ? `channel ${or(o.when.channel)}` : '']
    .filter(Boolean)
    .join(' and ');
  const what = [
    o.window !== undefined ? `window ${formatDuration(o.window)}` : '',
    o.target !== undefined ? `target ${formatPercent(o.target)}` : '',
    o.warn !== undefined ? `warn ${formatPercent(o.warn)}` : '',
  ].filter(Boolean);
  return `${when}: ${what.join(', ')}`;
}

function gateWords(policy: Policy): string {
  const g = policy.gate;
  const parts = [g.fail_on === 'warn' ? 'a failing rule of severity error or warn fails the audit' : 'a failing rule of severity error fails the audit'];
  if (g.min_score > 0) parts.push(`so does an overall score below ${g.min_score}`);
  parts.push(g.require_data ? 'so does an audit that measured nothing' : 'an audit that measured nothing passes');
  parts.push(`a rule with fewer than ${g.min_sample} eligible tickets is not judged (insufficient)`);
  return parts.join('; ');
}

/** A filter parameter, also behind a transform (`repair`: an absent filter read as none). */
function isFilter(schema: z.ZodType): boolean {
  return paramUnit(schema) === 'filter' || (schema instanceof z.ZodPipe && schema.in instanceof z.ZodType && paramUnit(schema.in) === 'filter');
}

export function describePolicy(policy: Policy): PolicyDescription {
  const printed = policyDocument(policy).rules as Record<string, unknown>[];
  return {
    name: policy.name,
    source: policy.source,
    ...(policy.note ? { note: policy.note } : {}),
    timezone: policy.timezone,
    gate: gateWords(policy),
    exclude_tags: [...policy.exclude_tags],
    rules: policy.rules.map((r, i) => {
      const def = ruleDefinition(r.measure);
      // The rule's own `window` (a measure like after-sales times its repairs by another key, shown with the parameters).
      const windowMs = 'window' in r && typeof r.window === 'number' ? r.window : undefined;
      const window = windowMs === undefined ? undefined : { value: formatDuration(windowMs), words: durationWords(windowMs) };
      const schedule =
        r.clock === 'business' && r.schedule !== undefined ? { name: r.schedule, hours: scheduleWords(policy.schedules[r.schedule]) } : undefined;
      const schemas = def.params();
      // As `policy print` writes them; a filter (`match`, `repair`) in words.
      const parameters = Object.fromEntries(
        Object.entries(printed[i])
          .filter(([k]) => !COMMON_KEYS.has(k))
          .map(([k, v]) => [k, Object.hasOwn(schemas, k) && isFilter(schemas[k]) ? filterWords((r as unknown as Record<string, Filter>)[k]) : v]),
      );
      return {
        id: r.id,
        title: r.title,
        measure: r.measure,
        measures: MEASURE_WORDS[r.measure],
        applies_to: filterWords(r.applies_to),
        ...(window ? { window } : {}),
        clock: r.clock,
        ...(schedule ? { schedule } : {}),
        target: formatPercent(r.target),
        warn: formatPercent(r.warn),
        ...(CEILING_MEASURES.has(r.measure) ? { ceiling: share(1 - r.target) } : {}),
        judged: judgedWords(r, window?.value, def.unit === 'minutes'),
        severity: r.severity,
        weight: r.weight,
        min_sample: policy.gate.min_sample,
        parameters,
        overrides: r.overrides.map(overrideWords),
      };
    }),
  };
}
