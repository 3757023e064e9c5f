// `policy describe` as text: one block per rule, labels in a column, for reading in a terminal.

import type { PolicyDescription, RuleDescription } from './describe.js';

const LABEL = 12;

function row(label: string, text: string): string {
  return `  ${label.padEnd(LABEL)}${text}\n`;
}

function parameterText(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? Object.values(v).flat().join(' ') : String(v))).join('; ') || 'none';
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function ruleText(r: RuleDescription): string {
  let out = `${r.id} — ${r.title}${r.severity === 'off' ? ' (off: not run)' : ''}\n`;
  out += row('measures', `${r.measures} [${r.measure}]`);
  out += row('applies to', r.applies_to);
  if (r.window) out += row('window', `${r.window.value} (${r.window.words})`);
  out += row('clock', r.schedule ? `business hours of "${r.schedule.name}": ${r.schedule.hours}` : 'calendar time (every hour counts)');
  const params = Object.entries(r.parameters);
  if (params.length) out += row('parameters', params.map(([k, v]) => `${k} ${parameterText(v)}`).join('; '));
  out += row(r.ceiling ? 'ceiling' : 'target', `${r.ceiling ?? r.target}: ${r.judged}`);
  for (const [i, o] of r.overrides.entries()) out += row(i === 0 ? 'overrides' : '', o);
  out += row('severity', `${r.severity}, weight ${r.weight}; judged with at least ${r.min_sample} eligible tickets`);
  return out;
}

export function describeText(d: PolicyDescription): string {
  let out = `${d.name} (${d.source === 'built-in' ? 'built-in policy' : d.source}), time zone ${d.timezone}\n`;
  if (d.note) out += `${d.note}\n`;
  out += `gate: ${d.gate}\n`;
  if (d.exclude_tags.length) out += `excluded from every rule: tickets tagged ${d.exclude_tags.join(', ')}\n`;
  for (const r of d.rules) out += `\n${ruleText(r)}`;
  return out;
}
