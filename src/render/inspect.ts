// Text view of `support-audit inspect`: one block per file, made for reading in a terminal.

import { Chalk } from 'chalk';
import type { Inspection } from '../inspect.js';
import { terminalSafe } from './sanitize.js';
import { encodingText, ZONE_SOURCE } from './words.js';

const PROBLEMS_SHOWN = 10;

function counts(values: Record<string, number>): string {
  const entries = Object.entries(values);
  return entries.length === 0 ? '-' : entries.map(([k, n]) => `${terminalSafe(k)} ${n.toLocaleString('en-US')}`).join(', ');
}

/** The zone of timestamps without an offset and what set it; when assumed, which keys would set it. */
function timesLine(item: Inspection): string {
  const local = item.input.local_times;
  const why = ZONE_SOURCE[item.timezone_source];
  const hint = item.timezone_source === 'assumed' ? "; set the policy's timezone (or inputs.timezone, or --timezone) to the help desk's zone" : '';
  if (local === 0) return `every timestamp carries its offset (one without would be read in ${item.timezone}, ${why}${hint})`;
  return `${local.toLocaleString('en-US')} timestamps without an offset, read in ${item.timezone} (${why}${hint})`;
}

export function renderInspection(list: Inspection[], opts: { color: boolean }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const lines: string[] = [];
  for (const item of list) {
    const { input, preset } = item;
    lines.push(c.bold(terminalSafe(input.path)));
    lines.push(`  layout     ${preset.label} (${preset.id}, ${preset.kind}); header match ${Math.round(preset.score * 100)}%, preset ${preset.confidence}`);
    const others = item.candidates.filter((k) => k.id !== preset.id && k.score > 0);
    if (others.length) lines.push(`  also fits  ${others.map((k) => `${k.id} ${Math.round(k.score * 100)}%`).join(', ')}`);
    const delim = item.dialect.delimiter === '\t' ? 'tab' : `"${item.dialect.delimiter}"`;
    lines.push(`  file       ${encodingText(item.dialect.encoding, item.dialect.encoding_source)}, delimiter ${delim}`);
    lines.push(`  times      ${timesLine(item)}`);
    lines.push(
      `  records    ${input.rows.toLocaleString('en-US')} read, ${input.used.toLocaleString('en-US')} used, ${input.skipped.toLocaleString('en-US')} skipped` +
        (preset.kind === 'messages' ? `; ${item.tickets.toLocaleString('en-US')} conversations` : ''),
    );
    lines.push(`  created    ${item.created ? `${item.created.from} … ${item.created.to}` : '-'}`);
    lines.push('  fields');
    const width = Math.max(...item.fields.map((f) => f.field.length), 10);
    for (const f of item.fields) lines.push(`    ${f.field.padEnd(width)}  ← ${terminalSafe(f.column)}`);
    lines.push(`  missing    ${item.missing.length ? item.missing.join(', ') : '-'}`);
    if (item.rules_without_data.length) {
      lines.push(c.yellow('  rules that will have no data'));
      for (const r of item.rules_without_data) {
        lines.push(`    ${r.id}${r.missing.length ? `: needs ${r.missing.join(', ')}` : r.note ? `: ${terminalSafe(r.note)}` : ''}`);
      }
    }
    lines.push(`  channel    ${counts(item.values.channel)}`);
    lines.push(`  status     ${counts(item.values.status)}`);
    lines.push(`  priority   ${counts(item.values.priority)}`);
    for (const note of item.notes) lines.push(c.dim(`  note       ${terminalSafe(note)}`));
    const total = Object.values(input.problem_counts).reduce((a, b) => a + (b ?? 0), 0);
    if (total === 0) {
      lines.push(c.green('  problems   none'));
    } else {
      const byCode = Object.entries(input.problem_counts)
        .map(([code, n]) => `${code} ${n}`)
        .join(', ');
      lines.push(c.yellow(`  problems   ${total.toLocaleString('en-US')} (${byCode})`));
      for (const p of input.problems.slice(0, PROBLEMS_SHOWN)) {
        lines.push(`    line ${p.line}${p.column ? `, ${terminalSafe(p.column)}` : ''}: ${terminalSafe(p.message)}`);
      }
      if (total > PROBLEMS_SHOWN) lines.push(c.dim(`    … ${total - PROBLEMS_SHOWN} more (--format json lists up to 1000)`));
    }
    lines.push('');
  }
  return lines.join('\n');
}
