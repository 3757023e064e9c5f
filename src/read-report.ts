// A saved JSON report read back (`--baseline`, `support-audit diff`): size-capped, and checked
// field by field for what the comparison reads, so a damaged or hand-edited file is a clear
// "damaged report" (exit 2) rather than an internal error halfway through.

import { InputError } from './errors.js';
import { MAX_REPORT_BYTES, megabytes, readLimited, TooLarge } from './read-limited.js';
import { REPORT_SCHEMA, type Report, type RuleStatus } from './report.js';

const STATUSES: ReadonlySet<unknown> = new Set<RuleStatus>(['pass', 'warn', 'fail', 'no_data', 'insufficient']);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const finiteOrNull = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));

/** The first field the comparison reads that is missing or of the wrong type, as a path; undefined when none. */
function damagedField(r: Record<string, unknown>): string | undefined {
  if (typeof r.as_of !== 'string' && r.as_of !== null) return 'as_of';
  if (typeof r.as_of === 'string' && Number.isNaN(Date.parse(r.as_of))) return 'as_of';
  if (!isObject(r.summary)) return 'summary';
  if (!finiteOrNull(r.summary.score)) return 'summary.score';
  if (!Array.isArray(r.rules)) return 'rules';
  for (let i = 0; i < r.rules.length; i++) {
    const rule: unknown = r.rules[i];
    if (!isObject(rule)) return `rules[${i}]`;
    if (typeof rule.id !== 'string') return `rules[${i}].id`;
    if (!STATUSES.has(rule.status)) return `rules[${i}].status`;
    if (!finiteOrNull(rule.compliance)) return `rules[${i}].compliance`;
  }
  return undefined;
}

/** A saved JSON report, checked to be one; a clear InputError otherwise. */
export async function readReport(path: string): Promise<Report> {
  let text: string;
  try {
    text = await readLimited(path, MAX_REPORT_BYTES);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      err instanceof TooLarge
        ? `it is larger than ${megabytes(err.limit)}, far more than any report`
        : code === 'ENOENT'
          ? 'no such file'
          : code === 'EISDIR'
            ? 'it is a directory'
            : code === 'EACCES' || code === 'EPERM'
              ? 'permission denied'
              : `error ${code ?? String(err)}`;
    throw new InputError(`cannot read report ${path}: ${why}.`, path, 'unreadable');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError(`${path} is not a JSON report: expected the output of "--format json", found text that is not JSON.`, path, 'not-a-report');
  }
  const schema = isObject(data) ? data.schema : undefined;
  if (schema !== REPORT_SCHEMA) {
    const found = schema === undefined ? 'no "schema" key' : `schema ${JSON.stringify(schema).slice(0, 80)}`;
    throw new InputError(`${path} is not a support-audit report: expected schema "${REPORT_SCHEMA}", found ${found}.`, path, 'not-a-report');
  }
  const damaged = damagedField(data as Record<string, unknown>);
  if (damaged !== undefined) {
    throw new InputError(`${path} is a damaged support-audit report: "${damaged}" is missing or not what a report holds there.`, path, 'not-a-report');
  }
  return data as Report;
}
