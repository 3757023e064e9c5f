// `audit` and `explain`: flags → AuditRequest → runAudit → renderers → process.exitCode.

import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { runAudit, type AuditRequest } from '../audit.js';
import { readReport } from '../compare.js';
import { appendHistory, historyEntry } from '../history.js';
import { EXIT, UsageError } from '../errors.js';
import { loadPolicy } from '../policy/load.js';
import { RENDERERS, type FormatName } from '../render/index.js';
import { renderBreachesCsv } from '../render/breaches-csv.js';
import { terminalSafe } from '../render/sanitize.js';
import { zoneWarning } from '../render/words.js';
import { redactReport } from '../redact.js';
import { DIMENSIONS, type Report } from '../report.js';
import { parseAsOf, parseWhen, resolveWhen } from '../selection.js';
import { connectClickHouse, runClickHouseAudit } from '../sql/clickhouse-audit.js';
import { refuseInputsAsOutputs, resolveOutput, writeOutputs, type OutputTarget } from '../outputs.js';
import { historyFile } from './history-option.js';
import { progressReporter, type Progress } from './progress.js';
import { memoryLimitOption } from '../sql/memory.js';
import { signalPoint, terminalWidth, textWidthSetting, useColor, type Io } from './io.js';
import { addInputOptions, checkFiles, collectDimensions, collectReports, FORMATS, inputFlags, intOption, numberOption, type ReportTarget } from './options.js';

const AUDIT_EXAMPLES = `
Examples:
  $ support-audit audit fixtures/samples/zendesk-tickets.csv
  $ support-audit audit tickets.csv.gz --by channel,agent --show-breaches 5
  $ support-audit audit export.csv --format json --output out/report.json
  $ support-audit audit export.csv --report html:out/report.html --report junit:out/junit.xml
  $ support-audit audit export.csv --since 30d --baseline last.json --max-regression 5
  $ support-audit audit export.csv --engine duckdb --format json   # rules computed in DuckDB
  $ cat export.csv | support-audit audit - --quiet   # cron: silent unless the gate fails

Exit codes: 0 gate holds (warnings allowed), 1 gate failed, 2 usage, policy or input error.`;

function addSelectionOptions(cmd: Command): Command {
  return cmd
    .option('--as-of <when>', 'the audit\'s "now": a timestamp, or a date meaning the end of that day (default: the latest timestamp in the data)')
    .option('--since <when>', 'only tickets created on/after: a date (2024-03-01) or a span before as_of (7d, 4w)')
    .option('--until <when>', 'only tickets created before the end of this date, or a span before as_of')
    .option('--jobs <n>', 'threads reading a plain file of 64 MB or more in byte ranges (default: the number of cores)', intOption('--jobs', 1));
}

export function registerAudit(program: Command, io: Io): void {
  addSelectionOptions(
    addInputOptions(
      program
        .command('audit')
        .description('check exports against the policy, print a scorecard, exit 1 when the gate fails')
        .argument('[files...]', 'CSV exports (- for stdin, .gz read transparently); none with --engine clickhouse'),
    ),
  )
    .option('--by <dims>', `breakdowns: ${DIMENSIONS.join(', ')} (repeat or comma-separate)`, collectDimensions)
    .addOption(new Option('-f, --format <format>', 'what stdout carries').choices(FORMATS).default('table'))
    .option('-o, --output <file>', 'write what stdout would carry to this file instead (atomically; - is stdout)')
    .option('--report <format:path>', 'also write a report file, e.g. html:out/report.html (repeatable)', collectReports)
    .option('--show-breaches <n>', 'list the worst N breaches per rule', intOption('--show-breaches', 0), 0)
    .option(
      '--max-keys <n>',
      'breakdown keys listed in JSON and HTML at most, the rest summed in one "other" row; bounds memory too (default 1000)',
      intOption('--max-keys', 1),
    )
    .option('--min-score <n>', 'fail the gate below this overall score (0-100)', numberOption('--min-score', 0, 100))
    .addOption(new Option('--fail-on <severity>', 'lowest rule severity whose failure fails the gate').choices(['warn', 'error']))
    .option('--baseline <report.json>', 'a previous JSON report: show deltas per rule')
    .option(
      '--max-regression <points>',
      'fail the gate when a rule drops more than this many points below the baseline',
      numberOption('--max-regression', 0, 100),
    )
    .addOption(
      new Option(
        '--engine <engine>',
        'compute the rules in SQL: duckdb in process (needs the optional package @duckdb/node-api), or clickhouse on a server (docs/sql.md)',
      ).choices(['duckdb', 'clickhouse']),
    )
    .option(
      '--memory-limit <size>',
      'with --engine duckdb: what DuckDB may hold before it spills to the temporary folder (default 1GB; e.g. 4GB)',
      memoryLimitOption,
    )
    .option('--url <url>', 'with --engine clickhouse: the server, http://host:8123 (the password comes from SUPPORT_AUDIT_CLICKHOUSE_PASSWORD, never a flag)')
    .option('--table <name>', 'with --engine clickhouse: the table of canonical tickets (e.g. a Distributed table)')
    .option('--strict', 'treat any input problem as an error (exit 2)')
    .option('--redact', 'replace agent names, e-mail addresses and quoted cells with stable hashes (docs/reports.md)')
    .option('-q, --quiet', 'print nothing on stdout when the gate holds')
    .option('--history <file>', "append this run's summary as a JSON line to FILE; Markdown and HTML then show each rule's trend over the runs there")
    .addHelpText('after', AUDIT_EXAMPLES)
    .action(async (files: string[], flags) => {
      checkEngineInputs(files, flags);
      checkFiles(files);
      await runAuditCommand(io, files, flags);
    });

  addSelectionOptions(
    addInputOptions(
      program
        .command('explain')
        .description('list every breaching ticket of one rule, with reasons')
        .argument('<rule-id>', 'a rule id, e.g. email-first-response')
        .argument('<files...>', 'CSV exports'),
    ),
  )
    .addOption(
      new Option('-f, --format <format>', 'table, json, or csv (ticket, created_at, channel, agent, value, unit, reason; formula-safe)')
        .choices(['table', 'json', 'csv'])
        .default('table'),
    )
    .option('--redact', 'replace agent names, e-mail addresses and quoted cells with stable hashes (docs/reports.md)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ support-audit explain email-first-response fixtures/samples/zendesk-tickets.csv\n' +
        '  $ support-audit explain chat-first-response export.csv --format csv > late-chats.csv',
    )
    .action(async (ruleId: string, files: string[], flags) => {
      checkFiles(files);
      await runExplainCommand(io, ruleId, files, flags);
    });
}

/** Files, or a ClickHouse table: which one the engine reads. */
function checkEngineInputs(files: string[], flags: Record<string, any>): void {
  if (flags.memoryLimit !== undefined && flags.engine !== 'duckdb') throw new UsageError('--memory-limit goes with --engine duckdb.');
  if (flags.engine === 'clickhouse') {
    if (!flags.url || !flags.table) throw new UsageError('--engine clickhouse needs --url <url> and --table <name>.');
    if (files.length > 0) throw new UsageError('--engine clickhouse audits the --table on the server: give no files.');
    return;
  }
  if (flags.url || flags.table) throw new UsageError('--url and --table go with --engine clickhouse.');
  if (files.length === 0) throw new UsageError("missing required argument 'files'.");
}

async function buildRequest(io: Io, files: string[], flags: Record<string, any>, progress?: Progress): Promise<AuditRequest> {
  const policy = await loadPolicy({ path: flags.policy, cwd: io.cwd });
  // Command-line dates are the policy's (the team's) local days, like every time shown to people.
  const zone = policy.timezone;
  let baseline: AuditRequest['baseline'];
  if (flags.baseline) baseline = { report: await readReport(flags.baseline), path: flags.baseline, maxRegression: flags.maxRegression };
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
    maxKeys: flags.maxKeys,
    strict: Boolean(flags.strict),
    minScore: flags.minScore,
    failOn: flags.failOn,
    baseline,
    stdin: process.stdin,
    onRows: progress?.onRows,
    jobs: flags.jobs ?? availableParallelism(),
    ...(flags.engine === 'duckdb' ? { engine: 'duckdb' as const, memoryLimit: flags.memoryLimit } : {}),
  };
}

/** The audit, with its progress line erased before anything else is written (the scorecard, an error). */
async function reading(progress: Progress | undefined, audit: () => Promise<Report>): Promise<Report> {
  try {
    return await audit();
  } finally {
    progress?.done();
  }
}

/** Warnings about how the data was read, on stderr (never in the way of the report on stdout). */
function warn(io: Io, report: Report): void {
  const zone = zoneWarning(report);
  if (zone) io.stderr(`warning: ${terminalSafe(zone)}\n`);
}

/** Where the reports go, checked before any data is read (a wrong path must not cost a whole audit). */
async function reportTargets(io: Io, files: string[], flags: Record<string, any>, policyPath: string | undefined) {
  const reports: { format: FormatName; target: OutputTarget }[] = [];
  for (const r of (flags.report ?? []) as ReportTarget[]) reports.push({ format: r.format, target: await resolveOutput(r.path, io.cwd, '--report') });
  const toStdout = flags.output === undefined || flags.output === '-';
  const output = toStdout ? undefined : await resolveOutput(flags.output, io.cwd, '--output');
  const targets = [...reports.map((r) => r.target), ...(output ? [output] : [])];
  const readFrom = policyPath ? [...files, policyPath] : files;
  await refuseInputsAsOutputs(targets, readFrom, io.cwd);
  const history =
    flags.history === undefined ? undefined : await historyFile(flags.history, io.cwd, [...readFrom, ...(flags.baseline ? [flags.baseline] : [])], targets);
  return { reports, output, history };
}

async function runAuditCommand(io: Io, files: string[], flags: Record<string, any>): Promise<void> {
  const progress = progressReporter(io, files);
  const request = await buildRequest(io, files, flags, progress);
  const { reports, output, history } = await reportTargets(io, files, flags, request.policy.source === 'built-in' ? undefined : request.policy.source);
  const audited = flags.engine === 'clickhouse' ? await clickhouseReport(request, flags) : await reading(progress, () => runAudit(request));
  warn(io, audited);
  // Rendering and writing take a while on a large report: a signal that came meanwhile ends the run here.
  await signalPoint();
  const report = flags.redact ? redactReport(audited) : audited;
  const color = useColor(flags.color, io.stdoutIsTTY && !output, io.env);
  const entry = history ? historyEntry(audited) : undefined;
  const runs = history && entry ? [...history.past, entry] : undefined;
  const render = (format: FormatName, toTerminal: boolean) =>
    RENDERERS[format](report, {
      color: toTerminal && color,
      showBreaches: flags.showBreaches ?? 0,
      width: toTerminal ? terminalWidth(io) : textWidthSetting(io.env),
      legend: !flags.quiet,
      ...(runs ? { history: runs } : {}),
    });
  const outputs: { target: OutputTarget; content: string }[] = [];
  for (const r of reports) {
    outputs.push({ target: r.target, content: render(r.format, false) });
    await signalPoint();
  }
  const quiet = flags.quiet && report.summary.exit_code === 0;
  if (output) outputs.push({ target: output, content: render(flags.format, false) });
  else if (!quiet) outputs.push({ target: { kind: 'stdout', shown: 'stdout' }, content: render(flags.format, true) });
  await writeOutputs(outputs, io);
  // After the reports: a run whose reports could not be written is not recorded.
  if (history && entry) appendHistory(history.path, history.shown, entry, history.endsWithNewline);
  process.exitCode = report.summary.exit_code;
}

async function clickhouseReport(request: AuditRequest, flags: Record<string, any>): Promise<Report> {
  if (request.since?.kind === 'relative' || request.until?.kind === 'relative') {
    throw new UsageError('--since/--until with --engine clickhouse take dates, not spans before as_of.');
  }
  const db = await connectClickHouse(flags.url, flags.table);
  try {
    return await runClickHouseAudit(
      {
        policy: request.policy,
        asOf: request.asOf,
        since: resolveWhen(request.since, 0),
        until: resolveWhen(request.until, 0),
        maxBreaches: request.maxBreaches,
        by: request.by,
        maxKeys: request.maxKeys,
        minScore: request.minScore,
        failOn: request.failOn,
      },
      db,
    );
  } finally {
    await db.close();
  }
}

async function runExplainCommand(io: Io, ruleId: string, files: string[], flags: Record<string, any>): Promise<void> {
  const progress = progressReporter(io, files);
  const req = await buildRequest(io, files, flags, progress);
  const audited = await reading(progress, () => runAudit({ ...req, explain: ruleId }));
  warn(io, audited);
  const report = flags.redact ? redactReport(audited) : audited;
  const rule = report.rules.find((r) => r.id === ruleId);
  if (!rule) throw new UsageError(`rule "${ruleId}" is switched off (severity: off) in this policy.`);
  if (flags.format === 'csv') {
    io.stdout(renderBreachesCsv(rule));
  } else if (flags.format === 'json') {
    io.stdout(`${JSON.stringify({ schema: report.schema, as_of: report.as_of, rule }, null, 2)}\n`);
  } else {
    const single: Report = { ...report, rules: [rule], breakdowns: {} };
    io.stdout(
      RENDERERS.table(single, { color: useColor(flags.color, io.stdoutIsTTY, io.env), showBreaches: Number.MAX_SAFE_INTEGER, width: terminalWidth(io) }),
    );
  }
  process.exitCode = EXIT.ok;
}
