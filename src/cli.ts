// The thin entry: argv → options → one call returning data → renderers → process.exitCode.
// Nothing below this file prints or exits.

import { Command, CommanderError, Option } from 'commander';
import { runAudit, type AuditRequest } from './audit.js';
import { describeError, EXIT, UsageError } from './errors.js';
import { readReport, diffReports, renderDiff } from './compare.js';
import { inspectFiles } from './inspect.js';
import { loadPolicy } from './policy/load.js';
import { printPolicy } from './policy/print.js';
import { policyJsonSchema } from './policy/json-schema.js';
import { starterPolicyYaml } from './policy/starter.js';
import type { Delimiter } from './read/open-csv.js';
import { RENDERERS, type FormatName } from './render/index.js';
import { renderInspection } from './render/inspect.js';
import { DIMENSIONS, type Dimension, type Report } from './report.js';
import { parseAsOf, parseWhen } from './selection.js';
import { VERSION } from './version.js';
import { removePendingTemps, writeFileAtomic } from './write-atomic.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isValidZone } from './zone.js';

const FORMATS = Object.keys(RENDERERS) as FormatName[];

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Colour only on a TTY; `NO_COLOR`, `FORCE_COLOR` and `--no-color` honoured (DESIGN §7). */
export function useColor(flag: boolean | undefined, isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (flag === false) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' ) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}

function intOption(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} takes a whole number of at least ${min} (got "${value}").`);
    return n;
  };
}

function numberOption(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value.replace(/%$/, ''));
    if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`${name} takes a number from ${min} to ${max} (got "${value}").`);
    return n;
  };
}

function collectDimensions(value: string, previous: Dimension[] = []): Dimension[] {
  const out = [...previous];
  for (const part of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!DIMENSIONS.includes(part as Dimension)) {
      throw new UsageError(`--by takes ${DIMENSIONS.join(', ')} (got "${part}").`);
    }
    if (!out.includes(part as Dimension)) out.push(part as Dimension);
  }
  return out;
}

interface ReportTarget { format: FormatName; path: string }

function collectReports(value: string, previous: ReportTarget[] = []): ReportTarget[] {
  const at = value.indexOf(':');
  const format = value.slice(0, at) as FormatName;
  if (at < 1 || !FORMATS.includes(format) || at === value.length - 1) {
    throw new UsageError(`--report takes FORMAT:PATH with FORMAT one of ${FORMATS.join(', ')} (got "${value}").`);
  }
  return [...previous, { format, path: value.slice(at + 1) }];
}

const DELIMITERS: Record<string, Delimiter> = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t', '\\t': '\t', '|': '|', pipe: '|' };

function delimiterOption(value: string): Delimiter {
  const d = DELIMITERS[value.toLowerCase()];
  if (!d) throw new UsageError(`--delimiter takes , ; tab or | (got "${value}").`);
  return d;
}

function zoneOption(value: string): string {
  if (!isValidZone(value)) throw new UsageError(`--timezone: "${value}" is not an IANA time zone (e.g. Europe/Berlin, America/New_York, UTC).`);
  return value;
}

function checkFiles(files: string[]): void {
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('stdin (-) can be read only once.');
}

interface InputFlags {
  policy?: string;
  preset?: string;
  timezone?: string;
  dateOrder?: 'DMY' | 'MDY';
  delimiter?: Delimiter;
  color?: boolean;
}

function addInputOptions(cmd: Command): Command {
  return cmd
    .option('-p, --policy <file>', 'policy file (default: support-audit.policy.yaml found upward, else the built-in policy)')
    .option('--preset <id>', 'force the export layout instead of detecting it (see docs/presets.md)')
    .option('--timezone <zone>', 'IANA zone for timestamps without an offset', zoneOption)
    .addOption(new Option('--date-order <order>', 'order of slash dates like 03/04/2024').choices(['DMY', 'MDY']))
    .option('--delimiter <char>', 'force the CSV delimiter: , ; tab |', delimiterOption)
    .option('--no-color', 'no colours, even on a terminal');
}

export function buildProgram(io: Io): Command {
  const program = new Command('support-audit')
    .description('Audit customer-support exports against a service-standards policy.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  const audit = addInputOptions(
    program
      .command('audit')
      .description('check exports against the policy, print a scorecard, exit 1 when the gate fails')
      .argument('<files...>', 'CSV exports (- for stdin, .gz read transparently)'),
  )
    .option('--as-of <when>', "the audit's \"now\" (default: the latest timestamp in the data)")
    .option('--since <when>', 'only tickets created on/after: a date (2024-03-01) or a span before as_of (7d, 4w)')
    .option('--until <when>', 'only tickets created before the end of this date, or a span before as_of')
    .option('--by <dims>', `breakdowns: ${DIMENSIONS.join(', ')} (repeat or comma-separate)`, collectDimensions)
    .addOption(new Option('-f, --format <format>', 'what stdout carries').choices(FORMATS).default('table'))
    .option('-o, --output <file>', 'write what stdout would carry to this file instead (atomically)')
    .option('--report <format:path>', 'also write a report file, e.g. html:out/report.html (repeatable)', collectReports)
    .option('--show-breaches <n>', 'list the worst N breaches per rule', intOption('--show-breaches', 0), 0)
    .option('--min-score <n>', 'fail the gate below this overall score (0-100)', numberOption('--min-score', 0, 100))
    .addOption(new Option('--fail-on <severity>', 'lowest rule severity whose failure fails the gate').choices(['warn', 'error']))
    .option('--baseline <report.json>', 'a previous JSON report: show deltas per rule')
    .option('--max-regression <points>', 'fail the gate when a rule drops more than this many points below the baseline', numberOption('--max-regression', 0, 100))
    .option('--strict', 'treat any input problem as an error (exit 2)')
    .option('-q, --quiet', 'print nothing on stdout when the gate holds')
    .addHelpText(
      'after',
      `
Examples:
  $ support-audit audit fixtures/samples/zendesk-tickets.csv
  $ support-audit audit tickets.csv.gz --by channel,agent --show-breaches 5
  $ support-audit audit export.csv --format json --output out/report.json
  $ support-audit audit export.csv --report html:out/report.html --report junit:out/junit.xml
  $ support-audit audit export.csv --since 30d --baseline last.json --max-regression 5
  $ cat export.csv | support-audit audit - --quiet   # cron: silent unless the gate fails

Exit codes: 0 gate holds (warnings allowed), 1 gate failed, 2 usage, policy or input error.`,
    )
    .action(async (files: string[], flags) => {
      checkFiles(files);
      await runAuditCommand(io, files, flags);
    });

  addInputOptions(
    program
      .command('explain')
      .description('list every breaching ticket of one rule, with reasons')
      .argument('<rule-id>', 'a rule id, e.g. email-first-response')
      .argument('<files...>', 'CSV exports'),
  )
    .option('--as-of <when>', "the audit's \"now\" (default: the latest timestamp in the data)")
    .option('--since <when>', 'only tickets created on/after this date or span')
    .option('--until <when>', 'only tickets created before the end of this date or span')
    .addOption(new Option('-f, --format <format>', 'table or json').choices(['table', 'json']).default('table'))
    .addHelpText('after', '\nExample:\n  $ support-audit explain email-first-response fixtures/samples/zendesk-tickets.csv')
    .action(async (ruleId: string, files: string[], flags) => {
      checkFiles(files);
      await runExplainCommand(io, ruleId, files, flags);
    });

  addInputOptions(
    program
      .command('inspect')
      .description('show how an export is read: layout, field mapping, missing fields, counts, problems')
      .argument('<files...>', 'CSV exports'),
  )
    .addOption(new Option('-f, --format <format>', 'table or json').choices(['table', 'json']).default('table'))
    .addHelpText('after', '\nExample:\n  $ support-audit inspect ../exports/freshdesk.csv --format json')
    .action(async (files: string[], flags) => {
      checkFiles(files);
      const policy = await loadPolicy({ path: flags.policy, cwd: io.cwd });
      const list = await inspectFiles({ files, policy, ...inputFlags(flags), stdin: process.stdin });
      if (flags.format === 'json') {
        io.stdout(`${JSON.stringify(list.map((i) => ({ ...i.input, inspection: { ...i, input: undefined } })), null, 2)}\n`);
      } else {
        io.stdout(renderInspection(list, { color: useColor(flags.color, io.stdoutIsTTY, io.env) }));
      }
    });

  program
    .command('init')
    .description('write a commented starter policy (the built-in default, ready to edit)')
    .argument('[file]', 'where to write it', 'support-audit.policy.yaml')
    .option('--force', 'overwrite an existing file')
    .action((file: string, flags: { force?: boolean }) => {
      const path = resolve(io.cwd, file);
      if (existsSync(path) && !flags.force) throw new UsageError(`${file} already exists; use --force to overwrite it.`);
      writeFileAtomic(path, starterPolicyYaml());
      io.stderr(`wrote ${file}: edit it, then check it with "support-audit policy check ${file}".\n`);
    });

  const policy = program.command('policy').description('check, print or describe policies');
  policy
    .command('check')
    .description('validate a policy file (default: the one found from here, else the built-in)')
    .argument('[file]', 'policy file')
    .action(async (file: string | undefined) => {
      const p = await loadPolicy({ path: file, cwd: io.cwd });
      io.stdout(`${p.source}: valid (${p.rules.length} rules, ${Object.keys(p.schedules).length} schedules)\n`);
    });
  policy
    .command('print')
    .description('print the effective policy with every default filled in')
    .argument('[file]', 'policy file')
    .addOption(new Option('-f, --format <format>', 'yaml or json').choices(['yaml', 'json']).default('yaml'))
    .action(async (file: string | undefined, flags: { format: 'yaml' | 'json' }) => {
      io.stdout(printPolicy(await loadPolicy({ path: file, cwd: io.cwd }), flags.format));
    });
  policy
    .command('schema')
    .description('print the JSON Schema of policy files (for editor completion)')
    .action(() => io.stdout(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`));

  program
    .command('diff')
    .description('show the change between two JSON reports')
    .argument('<old.json>')
    .argument('<new.json>')
    .addOption(new Option('-f, --format <format>', 'table, json or markdown').choices(['table', 'json', 'markdown']).default('table'))
    .option('--no-color', 'no colours')
    .action((before: string, after: string, flags: { format: 'table' | 'json' | 'markdown'; color?: boolean }) => {
      const diff = diffReports(readReport(before), readReport(after));
      io.stdout(renderDiff(diff, flags.format, { color: useColor(flags.color, io.stdoutIsTTY, io.env), showBreaches: 0 }));
    });

  return program;
}

function inputFlags(flags: InputFlags) {
  return { preset: flags.preset, timezone: flags.timezone, dateOrder: flags.dateOrder, delimiter: flags.delimiter };
}

function progressReporter(io: Io): AuditRequest['onRows'] {
  if (!io.stderrIsTTY) return undefined;
  let last = 0;
  let shown = false;
  const onRows = (path: string, rows: number) => {
    const now = Date.now();
    if (rows < 50_000 || now - last < 250) return;
    last = now;
    shown = true;
    io.stderr(`\rreading ${path}: ${rows.toLocaleString('en-US')} rows…`);
  };
  process.once('beforeExit', () => shown && io.stderr('\r\x1b[K'));
  return onRows;
}

async function buildRequest(io: Io, files: string[], flags: Record<string, any>): Promise<AuditRequest> {
  const policy = await loadPolicy({ path: flags.policy, cwd: io.cwd });
  const zone = flags.timezone ?? policy.timezone;
  let baseline: AuditRequest['baseline'];
  if (flags.baseline) baseline = { report: readReport(flags.baseline), path: flags.baseline, maxRegression: flags.maxRegression };
  else if (flags.maxRegression !== undefined) throw new UsageError('--max-regression needs --baseline <report.json>.');
  return {
    files,
    policy,
    ...inputFlags(flags),
    asOf: flags.asOf ? parseAsOf(flags.asOf, zone) : undefined,
    since: flags.since ? parseWhen(flags.since, zone, '--since', 'start') : undefined,
    until: flags.until ? parseWhen(flags.until, zone, '--until', 'end') : undefined,
    by: flags.by ?? [],
    maxBreaches: Math.max(flags.showBreaches ?? 0, 10),
    strict: Boolean(flags.strict),
    minScore: flags.minScore,
    failOn: flags.failOn,
    baseline,
    stdin: process.stdin,
    onRows: progressReporter(io),
  };
}

async function runAuditCommand(io: Io, files: string[], flags: Record<string, any>): Promise<void> {
  const report = await runAudit(await buildRequest(io, files, flags));
  const color = useColor(flags.color, io.stdoutIsTTY && !flags.output, io.env);
  const render = (format: FormatName, toTerminal: boolean) =>
    RENDERERS[format](report, { color: toTerminal && color, showBreaches: flags.showBreaches ?? 0, width: process.stdout.columns });
  for (const target of (flags.report ?? []) as ReportTarget[]) writeFileAtomic(target.path, render(target.format, false));
  const quiet = flags.quiet && report.summary.exit_code === 0;
  if (flags.output) writeFileAtomic(flags.output, render(flags.format, false));
  else if (!quiet) io.stdout(render(flags.format, true));
  process.exitCode = report.summary.exit_code;
}

async function runExplainCommand(io: Io, ruleId: string, files: string[], flags: Record<string, any>): Promise<void> {
  const req = await buildRequest(io, files, flags);
  const report = await runAudit({ ...req, explain: ruleId });
  const rule = report.rules.find((r) => r.id === ruleId);
  if (!rule) throw new UsageError(`rule "${ruleId}" is switched off (severity: off) in this policy.`);
  if (flags.format === 'json') {
    io.stdout(`${JSON.stringify({ schema: report.schema, as_of: report.as_of, rule }, null, 2)}\n`);
  } else {
    const single: Report = { ...report, rules: [rule], breakdowns: {} };
    io.stdout(RENDERERS.table(single, { color: useColor(flags.color, io.stdoutIsTTY, io.env), showBreaches: Number.MAX_SAFE_INTEGER, width: process.stdout.columns }));
  }
  process.exitCode = EXIT.ok;
}

export async function main(argv: string[]): Promise<void> {
  const io: Io = {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
  // A reader that goes away (`| head`) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      removePendingTemps();
      process.stderr.write(`\ninterrupted: no report written.\n`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
  try {
    await buildProgram(io).parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successes; everything else commander rejects is a usage error.
      process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.userError;
      return;
    }
    const { exitCode, lines } = describeError(err);
    io.stderr(`${lines.join('\n')}\n`);
    process.exitCode = exitCode;
  }
}
