// Option parsers shared by the commands: each turns a flag's text into a value or a UsageError.

import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import type { Delimiter } from '../read/open-csv.js';
import { RENDERERS, type FormatName } from '../render/index.js';
import { DIMENSIONS, type Dimension } from '../report.js';
import { isValidZone } from '../zone.js';

export const FORMATS = Object.keys(RENDERERS) as FormatName[];

export function intOption(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} takes a whole number of at least ${min} (got "${value}").`);
    return n;
  };
}

export function numberOption(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value.replace(/%$/, ''));
    if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`${name} takes a number from ${min} to ${max} (got "${value}").`);
    return n;
  };
}

export function collectDimensions(value: string, previous: Dimension[] = []): Dimension[] {
  const out = [...previous];
  for (const part of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!DIMENSIONS.includes(part as Dimension)) {
      throw new UsageError(`--by takes ${DIMENSIONS.join(', ')} (got "${part}").`);
    }
    if (!out.includes(part as Dimension)) out.push(part as Dimension);
  }
  return out;
}

export interface ReportTarget { format: FormatName; path: string }

export function collectReports(value: string, previous: ReportTarget[] = []): ReportTarget[] {
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

export function checkFiles(files: string[]): void {
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('stdin (-) can be read only once.');
}

export interface InputFlags {
  policy?: string;
  preset?: string;
  timezone?: string;
  dateOrder?: 'DMY' | 'MDY';
  delimiter?: Delimiter;
  color?: boolean;
}

/** The flags every command that reads exports shares. */
export function addInputOptions(cmd: Command): Command {
  return cmd
    .option('-p, --policy <file>', 'policy file (default: support-audit.policy.yaml found upward, else the built-in policy)')
    .option('--preset <id>', 'force the export layout instead of detecting it (see docs/presets.md)')
    .option('--timezone <zone>', 'IANA zone for timestamps without an offset', zoneOption)
    .addOption(new Option('--date-order <order>', 'order of slash dates like 03/04/2024').choices(['DMY', 'MDY']))
    .option('--delimiter <char>', 'force the CSV delimiter: , ; tab |', delimiterOption)
    .option('--no-color', 'no colours, even on a terminal');
}

export function inputFlags(flags: InputFlags) {
  return { preset: flags.preset, timezone: flags.timezone, dateOrder: flags.dateOrder, delimiter: flags.delimiter };
}
