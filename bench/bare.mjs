// The baseline: one csv-parse pass over the file with the plumbing a careful user would write
// (a file stream piped into csv-parse, records consumed with for await), nothing done per record
// but counting. Usage: node bench/bare.mjs FILE
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

let records = 0;
for await (const record of createReadStream(process.argv[2]).pipe(parse({ relax_quotes: true }))) if (record) records++;
process.stdout.write(`${records - 1}\n`);
