// Counts kept per input (rows replaced by newer copies, tickets after as_of, joins), as arrays by
// input index that grow as inputs turn up: what the report's inputs[] entries say.

export function countInput(counts: number[], file: number, by = 1): void {
  while (counts.length <= file) counts.push(0);
  counts[file] += by;
}
