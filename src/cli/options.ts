// Option parsers shared by the commands: each turns a flag's text into a value or a UsageError.

import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { ENCODINGS, type Delimiter, type Encoding } from '../read/open-csv.js';
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
  for (const part of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!DIMENSIONS.includes(part as Dimension)) {
      throw new UsageError(`--by takes ${DIMENSIONS.join(', ')} (got "${part}").`);
    }
    if (!out.includes(part as Dimension)) out.push(part as Dimension);
  }
  return out;
}

export interface ReportTarget {
  format: FormatName;
  path: string;
}

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

/** The names people write for the encodings (Python's and iconv's among them). */
const ENCODING_ALIASES: Record<string, Encoding> = {
  utf8: 'utf-8',
  cp1252: 'windows-1252',
  windows1252: 'windows-1252',
  'win-1252': 'windows-1252',
  latin1: 'iso-8859-1',
  'latin-1': 'iso-8859-1',
  iso88591: 'iso-8859-1',
  'iso8859-1': 'iso-8859-1',
  latin9: 'iso-8859-15',
  'latin-9': 'iso-8859-15',
  iso885915: 'iso-8859-15',
  'iso8859-15': 'iso-8859-15',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
};

function encodingOption(value: string): Encoding {
  const name = value.toLowerCase();
  if ((ENCODINGS as readonly string[]).includes(name)) return name as Encoding;
  const alias = ENCODING_ALIASES[name];
  if (!alias) throw new UsageError(`--encoding takes ${ENCODINGS.join(', ')} (got "${value}").`);
  return alias;
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
  encoding?: Encoding;
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
    .option('--encoding <name>', `text encoding of files without a byte-order mark: ${ENCODINGS.join(', ')} (default: detected)`, encodingOption)
    .option('--no-color', 'no colours, even on a terminal');
}

export function inputFlags(flags: InputFlags) {
  return { preset: flags.preset, timezone: flags.timezone, dateOrder: flags.dateOrder, delimiter: flags.delimiter, encoding: flags.encoding };
}
