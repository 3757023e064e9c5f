// `inspect`, `init`, `policy check|print|describe|schema` and `diff`: small commands around the audit.

import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { diffReports, readReport, renderDiff, type ReportDiff } from '../compare.js';
import { entryFigures, parseSpan, runBefore } from '../compare-history.js';
import { readHistory } from '../history.js';
import { UsageError } from '../errors.js';
import { inspectFiles } from '../inspect.js';
import { describePolicy } from '../policy/describe.js';
import { describeText } from '../policy/describe-text.js';
import { policyJsonSchema } from '../policy/json-schema.js';
import { loadPolicy } from '../policy/load.js';
import { printPolicy } from '../policy/print.js';
import { starterPolicyYaml } from '../policy/starter.js';
import { renderInspection } from '../render/inspect.js';
import { resolveOutput, writeOutputs } from '../outputs.js';
import { useColor, type Io } from './io.js';
import { addInputOptions, checkFiles, collectDimensions, inputFlags, intOption } from './options.js';
import { DIMENSIONS, type Dimension } from '../report.js';
import { parseAsOf } from '../selection.js';
import { policySql } from '../sql/print.js';

export function registerInspect(program: Command, io: Io): void {
  addInputOptions(
    program
      .command('inspect')
      .description('show how an export is read: layout, field mapping, missing fields, counts, problems')
      .argument('<files...>', 'CSV exports'),
  )
    .addOption(new Option('-f, --format <format>', 'table or json').choices(['table', 'json']).default('table'))
    .addHelpText('after', '\nExample:\n  $ support-audit inspect fixtures/samples/zendesk-tickets.csv --format json')
    .action(async (files: string[], flags) => {
      checkFiles(files);
      const policy = await loadPolicy({ path: flags.policy, cwd: io.cwd });
      const list = await inspectFiles({ files, policy, ...inputFlags(flags), stdin: process.stdin });
      if (flags.format === 'json') {
        io.stdout(
          `${JSON.stringify(
            list.map((i) => ({ ...i.input, inspection: { ...i, input: undefined } })),
            null,
            2,
          )}\n`,
        );
      } else {
        io.stdout(renderInspection(list, { color: useColor(flags.color, io.stdoutIsTTY, io.env) }));
      }
    });
}

export function registerInit(program: Command, io: Io): void {
  program
    .command('init')
    .description('write a commented starter policy (the built-in default, ready to edit)')
    .argument('[file]', 'where to write it', 'support-audit.policy.yaml')
    .option('--force', 'overwrite an existing file')
    .addHelpText('after', '\nExample:\n  $ support-audit init && support-audit policy check')
    .action(async (file: string, flags: { force?: boolean }) => {
      const path = resolve(io.cwd, file);
      if (existsSync(path) && !flags.force) throw new UsageError(`${file} already exists; use --force to overwrite it.`);
      await writeOutputs([{ target: await resolveOutput(file, io.cwd, 'init'), content: starterPolicyYaml() }], io);
      io.stderr(`wrote ${file}: edit it, then check it with "support-audit policy check ${file}".\n`);
    });
}

export function registerPolicy(program: Command, io: Io): void {
  const policy = program.command('policy').description('check, print or describe policies');
  policy
    .command('check')
    .description('validate a policy file (default: the one found from here, else the built-in)')
    .argument('[file]', 'policy file')
    .action(async (file: string | undefined) => {
      const p = await loadPolicy({ path: file, cwd: io.cwd });
      const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      io.stdout(`${p.source}: valid (${count(p.rules.length, 'rule')}, ${count(Object.keys(p.schedules).length, 'schedule')})\n`);
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
    .command('describe')
    .description('each rule in words: what it measures, which tickets, window, clock, target, severity')
    .argument('[file]', 'policy file')
    .addOption(new Option('-f, --format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExample:\n  $ support-audit policy describe fixtures/policy/minimal.yaml')
    .action(async (file: string | undefined, flags: { format: 'text' | 'json' }) => {
      const description = describePolicy(await loadPolicy({ path: file, cwd: io.cwd }));
      io.stdout(flags.format === 'json' ? `${JSON.stringify(description, null, 2)}\n` : describeText(description));
    });
  policy
    .command('schema')
    .description('print the JSON Schema of policy files (for editor completion)')
    .action(() => io.stdout(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`));
}

export function registerDiff(program: Command, io: Io): void {
  program
    .command('diff')
    .description('show the change between two JSON reports, or against the run a week before in a --history file')
    .argument('[old.json]')
    .argument('[new.json]')
    .option('--history <file>', 'a history file of audit --history: compare with the run --against before (the newest run there, or new.json)')
    .option('--against <span>', 'with --history: how far back the older run is, by as_of, e.g. 7d, 2w, 24h (default 7d)')
    .addOption(new Option('-f, --format <format>', 'table, json or markdown').choices(['table', 'json', 'markdown']).default('table'))
    .option('--no-color', 'no colours')
    .addHelpText(
      'after',
      '\nExamples:\n  $ support-audit diff reports/last-week.json reports/this-week.json\n  $ support-audit diff --history reports/history.jsonl --against 7d',
    )
    .action(
      async (
        first: string | undefined,
        second: string | undefined,
        flags: { format: 'table' | 'json' | 'markdown'; color?: boolean; history?: string; against?: string },
      ) => {
        const diff =
          flags.history === undefined
            ? await twoReports(first, second, flags.against)
            : await againstHistory(io, flags.history, flags.against ?? '7d', first, second);
        io.stdout(renderDiff(diff, flags.format, { color: useColor(flags.color, io.stdoutIsTTY, io.env), showBreaches: 0 }));
      },
    );
}

async function twoReports(before: string | undefined, after: string | undefined, against: string | undefined): Promise<ReportDiff> {
  if (against !== undefined) throw new UsageError('--against needs --history <file>.');
  if (before === undefined || after === undefined) throw new UsageError('diff needs two reports (old.json new.json), or --history <file>.');
  return diffReports(await readReport(before), await readReport(after));
}

/** The newest run of the history (or the report given) against the run `against` before it. */
async function againstHistory(io: Io, history: string, against: string, report: string | undefined, extra: string | undefined): Promise<ReportDiff> {
  if (extra !== undefined) throw new UsageError('with --history, diff takes at most one report (the newer side).');
  const span = parseSpan(against);
  const { entries } = await readHistory(resolve(io.cwd, history), history, 'error');
  const newer = report === undefined ? entries[entries.length - 1] : undefined;
  if (report === undefined && newer === undefined) throw new UsageError(`history file ${history} has no runs yet.`);
  const after = report !== undefined ? await readReport(report) : undefined;
  const afterAsOf = after ? after.as_of : newer!.as_of;
  if (afterAsOf === null)
    throw new UsageError(
      `the ${after ? `report ${report}` : `newest run in ${history}`} has no as_of (no timestamps in its data): nothing to count back from.`,
    );
  const before = runBefore(entries, afterAsOf, span, history, against);
  const diff = diffReports(entryFigures(before), after ?? entryFigures(newer!));
  return { ...diff, runs: { history, before_as_of: before.as_of, after_as_of: afterAsOf } };
}

const SQL_EXAMPLES = `
Examples:
  $ support-audit sql --dialect duckdb > audit.sql
  $ support-audit sql --dialect duckdb --policy fixtures/policy/berlin-office.yaml --from 2024-01-01 --to 2024-12-31
  $ support-audit sql --dialect duckdb --as-of 2024-03-17 | duckdb tickets.duckdb
  $ support-audit sql --dialect clickhouse --as-of 2024-03-17 > audit.sql   # runs on ClickHouse 18.16 and later
  $ support-audit sql --dialect duckdb --by agent,week --max-keys 50

The query reads a table named tickets with the canonical columns (docs/sql.md). Rules the SQL
cannot compute exactly are listed as unsupported in the header and left out of the query.`;

interface SqlFlags {
  dialect: 'duckdb' | 'clickhouse';
  policy?: string;
  from?: string;
  to?: string;
  asOf?: string;
  showBreaches: number;
  by?: Dimension[];
  maxKeys?: number;
}

export function registerSql(program: Command, io: Io): void {
  program
    .command('sql')
    .description('print the SQL the policy compiles to (counts, percentiles and worst breaches per rule)')
    .addOption(new Option('--dialect <dialect>', 'SQL dialect').choices(['duckdb', 'clickhouse']).makeOptionMandatory())
    .option('--policy <file>', 'policy file (default: support-audit.policy.yaml found from here, else the built-in)')
    .option('--from <date>', 'first day the schedule and time-zone tables cover (YYYY-MM-DD, UTC)')
    .option('--to <date>', 'last day they cover (YYYY-MM-DD, UTC)')
    .option('--as-of <when>', 'the audit\'s "now" (default: the latest instant in the table)')
    .option('--show-breaches <n>', 'worst breaches listed per rule (default 10)', intOption('--show-breaches', 0), 10)
    .option('--by <dims>', `breakdown parts: ${DIMENSIONS.join(', ')} (repeat or comma-separate)`, collectDimensions)
    .option('--max-keys <n>', 'breakdown keys a report lists at most; 4 times as many are counted one by one (default 1000)', intOption('--max-keys', 1))
    .addHelpText('after', SQL_EXAMPLES)
    .action(async (flags: SqlFlags) => {
      const policy = await loadPolicy({ path: flags.policy, cwd: io.cwd });
      const day = (flag: string, value: string | undefined, end: boolean) => {
        if (value === undefined) return undefined;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
          throw new UsageError(`${flag} expects a date YYYY-MM-DD, got "${value}".`);
        return Date.parse(`${value}T00:00:00Z`) + (end ? 86_400_000 : 0);
      };
      io.stdout(
        policySql({
          policy,
          dialect: flags.dialect,
          from: day('--from', flags.from, false),
          to: day('--to', flags.to, true),
          asOf: flags.asOf ? parseAsOf(flags.asOf, policy.timezone) : undefined,
          maxBreaches: flags.showBreaches,
          by: flags.by,
          maxKeys: flags.maxKeys,
        }),
      );
    });
}
