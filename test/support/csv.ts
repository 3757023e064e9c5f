// Tests that need CSV records without the project's reader (which is the stage under test
// elsewhere) parse them with csv-parse's synchronous API: records end at \n (a bare \r inside a
// field, as in the Twitter sample, stays in the field; a \r before \n is dropped).
import { parse } from 'csv-parse/sync';

export function parseCsv(text: string): string[][] {
  return parse(text, { record_delimiter: ['\r\n', '\n'], relax_column_count: true, bom: true }) as string[][];
}
