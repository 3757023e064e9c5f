// Shared by the preset tests: read a preset's fixture, or a real file, as string rows.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export const FIXTURES = new URL('../../fixtures/presets/', import.meta.url);
export const SAMPLES = new URL('../../fixtures/samples/', import.meta.url);
import { REAL_DIR } from '../support/real-data.js';

export { hasRealData } from '../support/real-data.js';
export const REAL = new URL(`file://${REAL_DIR}`);

/** Header and data rows of a CSV file (records end only at `\n`, as the reader does). */
export function readCsv(url: URL): { header: string[]; rows: string[][] } {
  const records: string[][] = parse(readFileSync(url), { bom: true, relax_column_count: true, record_delimiter: '\n' });
  return { header: records[0], rows: records.slice(1) };
}

export function fixture(id: string): { header: string[]; rows: string[][] } {
  return readCsv(new URL(`${id}/sample.csv`, FIXTURES));
}
