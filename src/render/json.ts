// `--format json`: the Report itself, keys in the order of the types in src/report.ts whatever
// order the pipeline built them in, so that the same input gives the same bytes. Keys the types
// do not name (additive extras) follow, alphabetically; map-like records (excluded_reasons,
// problem_counts, counts per channel) keep the pipeline's deterministic order.

import { DIMENSIONS, type Report } from '../report.js';

type Shape = { keys: readonly string[]; children?: Record<string, Shape | { each: Shape }> };

const PROBLEM: Shape = { keys: ['code', 'line', 'column', 'message'] };
const INPUT: Shape = {
  keys: ['path', 'format', 'encoding', 'encoding_source', 'rows', 'used', 'skipped', 'problems', 'problem_counts'],
  children: { problems: { each: PROBLEM } },
};
const BREACH: Shape = { keys: ['id', 'value', 'reason', 'code', 'created_at', 'channel', 'agent'] };
const TREND: Shape = { keys: ['period', 'eligible', 'met', 'compliance'] };
const GROUP: Shape = {
  keys: ['when', 'base', 'window_minutes', 'target', 'warn', 'eligible', 'met', 'breached', 'pending', 'compliance', 'status'],
  children: { when: { keys: ['priority', 'channel'] } },
};
const RULE: Shape = {
  keys: [
    'id',
    'expectation',
    'title',
    'measure',
    'severity',
    'weight',
    'status',
    'eligible',
    'met',
    'breached',
    'pending',
    'excluded',
    'excluded_reasons',
    'compliance',
    'target',
    'warn',
    'unit',
    'p50',
    'p90',
    'p95',
    'mean',
    'clock',
    'window_minutes',
    'ceiling',
    'rate',
    'missing',
    'note',
    'groups',
    'breaches',
    'trend',
    'delta',
  ],
  children: { breaches: { each: BREACH }, trend: { each: TREND }, groups: { each: GROUP } },
};
const BREAKDOWN_ROW: Shape = {
  keys: ['key', 'other', 'rules'],
  children: { rules: { each: { keys: ['id', 'eligible', 'met', 'compliance'] } } },
};
const SUMMARY: Shape = {
  keys: ['score', 'status', 'exit_code', 'counts', 'gate'],
  children: {
    counts: { keys: ['pass', 'warn', 'fail', 'no_data', 'insufficient'] },
    gate: { keys: ['passed', 'min_score', 'fail_on', 'reasons', 'messages'] },
  },
};
const REPORT: Shape = {
  keys: ['schema', 'as_of', 'generated_by', 'policy', 'inputs', 'summary', 'rules', 'breakdowns', 'window', 'distributions', 'baseline'],
  children: {
    generated_by: { keys: ['name', 'version'] },
    policy: { keys: ['name', 'source'] },
    inputs: { each: INPUT },
    summary: SUMMARY,
    rules: { each: RULE },
    breakdowns: { keys: DIMENSIONS, children: Object.fromEntries(DIMENSIONS.map((d) => [d, { each: BREAKDOWN_ROW }])) },
    window: { keys: ['since', 'until'] },
    distributions: { keys: ['first_response'], children: { first_response: { keys: ['edges', 'counts'] } } },
    baseline: { keys: ['path', 'as_of', 'score'] },
  },
};

function arrange(value: unknown, shape: Shape | { each: Shape }): unknown {
  if (value === null || typeof value !== 'object') return value;
  if ('each' in shape) return Array.isArray(value) ? value.map((v) => arrange(v, shape.each)) : value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const extras = Object.keys(source)
    .filter((k) => !shape.keys.includes(k))
    .sort();
  for (const key of [...shape.keys, ...extras]) {
    if (!(key in source)) continue;
    const child = shape.children?.[key];
    out[key] = child ? arrange(source[key], child) : source[key];
  }
  return out;
}

export function renderJson(report: Report): string {
  return `${JSON.stringify(arrange(report, REPORT), null, 2)}\n`;
}
