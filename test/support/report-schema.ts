// Validates JSON reports against the published schema/report.schema.json (the file itself, with
// ajv, not the zod schema it was generated from). The CLI runners of the suite (test/cli/run.ts,
// test/bad-input/helpers.ts) call checkCliReports after every run, so every JSON report a test
// makes through the command is checked, whatever the test itself looks at.
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

const SCHEMA_FILE = fileURLToPath(new URL('../../schema/report.schema.json', import.meta.url));
const REPORT_ID = 'support-audit/report@1';

let validate: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
  }
  return validate;
}

/** The schema's complaints about a value, as `path: message` lines; [] when it is a valid report. */
export function reportErrors(value: unknown): string[] {
  const v = validator();
  if (v(value)) return [];
  return (v.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}

/** Reports validated so far in this test file's process (for the tests of this check itself). */
export const validated = { count: 0 };

function checkText(text: string, where: string): void {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return; // not JSON: a table, Markdown, an interrupted write… not a report to validate
  }
  if (data === null || typeof data !== 'object' || (data as { schema?: unknown }).schema !== REPORT_ID) return;
  const errors = reportErrors(data);
  validated.count++;
  if (errors.length > 0) throw new Error(`${where} does not match schema/report.schema.json:\n  ${errors.slice(0, 10).join('\n  ')}`);
}

/** Files a command line asks to be written as JSON reports: `--report json:PATH`, `--output`/`-o` with `--format json`. */
function reportFiles(args: string[]): string[] {
  const files: string[] = [];
  let json = false;
  let output: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = args[i + 1];
    if (a === '--report' && next?.startsWith('json:')) files.push(next.slice(5));
    else if (a.startsWith('--report=json:')) files.push(a.slice('--report=json:'.length));
    else if ((a === '--format' || a === '-f') && next === 'json') json = true;
    else if (a === '--format=json') json = true;
    else if ((a === '--output' || a === '-o') && next !== undefined) output = next;
    else if (a.startsWith('--output=')) output = a.slice('--output='.length);
  }
  if (json && output !== undefined && output !== '-') files.push(output);
  return files;
}

/**
 * After a run of `support-audit audit …`: its stdout and the JSON report files it names must be
 * valid reports (when they are reports at all: a failed run writes none).
 */
export function checkCliReports(args: string[], stdout: string, cwd: string): void {
  if (!args.includes('audit')) return;
  checkText(stdout, `stdout of audit ${args.join(' ')}`);
  for (const file of reportFiles(args)) {
    const path = isAbsolute(file) ? file : join(cwd, file);
    let text: string;
    try {
      // Only a regular file: a device (a node made like /dev/zero never ends) or a FIFO (blocks)
      // was written in place and holds nothing to read back.
      if (!statSync(path).isFile()) continue;
      text = readFileSync(path, 'utf8');
    } catch {
      continue; // not there (a failed run writes none), or a file the run was not allowed to write
    }
    checkText(text, `${file} of audit ${args.join(' ')}`);
  }
}
