// `inspect`, `init`, `policy check|print|schema` and `diff`: small commands around the audit.

import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { diffReports, readReport, renderDiff } from '../compare.js';
import { UsageError } from '../errors.js';
import { inspectFiles } from '../inspect.js';
import { policyJsonSchema } from '../policy/json-schema.js';
import { loadPolicy } from '../policy/load.js';
import { printPolicy } from '../policy/print.js';
import { starterPolicyYaml } from '../policy/starter.js';
import { renderInspection } from '../render/inspect.js';
import { resolveOutput, writeOutputs } from '../outputs.js';
import { useColor, type Io } from './io.js';
import { addInputOptions, checkFiles, inputFlags } from './options.js';

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
        io.stdout(`${JSON.stringify(list.map((i) => ({ ...i.input, inspection: { ...i, input: undefined } })), null, 2)}\n`);
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
    .command('schema')
    .description('print the JSON Schema of policy files (for editor completion)')
    .action(() => io.stdout(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`));
}

export function registerDiff(program: Command, io: Io): void {
  program
    .command('diff')
    .description('show the change between two JSON reports')
    .argument('<old.json>')
    .argument('<new.json>')
    .addOption(new Option('-f, --format <format>', 'table, json or markdown').choices(['table', 'json', 'markdown']).default('table'))
    .option('--no-color', 'no colours')
    .addHelpText('after', '\nExample:\n  $ support-audit diff reports/last-week.json reports/this-week.json')
    .action(async (before: string, after: string, flags: { format: 'table' | 'json' | 'markdown'; color?: boolean }) => {
      const diff = diffReports(await readReport(before), await readReport(after));
      io.stdout(renderDiff(diff, flags.format, { color: useColor(flags.color, io.stdoutIsTTY, io.env), showBreaches: 0 }));
    });
}
