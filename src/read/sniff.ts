// Delimiter sniffing. Exports from European locales use `;` (the comma is their decimal mark),
// Excel's "Unicode text" uses tab, some BI tools use `|`. We count fields per record with the
// same quote rules as the parser (a quote opens a field only at its start, `""` is an escaped
// quote, records end at `\n` outside quotes), so commas inside quoted text do not vote.

export type Delimiter = ',' | ';' | '\t' | '|';

/** Candidates in order of preference when two fit equally well. */
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

/** Records looked at: enough to see a pattern, few enough to stay instant. */
const MAX_SNIFFED_RECORDS = 200;

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/** Fields per non-empty record of `sample` when split on `delimiter`, quote-aware. */
export function fieldCounts(sample: string, delimiter: Delimiter): number[] {
  const delim = delimiter.charCodeAt(0);
  const counts: number[] = [];
  let fields = 1;
  let fieldStart = true;
  let inQuotes = false;
  let recordEmpty = true;
  for (let i = 0; i < sample.length && counts.length < MAX_SNIFFED_RECORDS; i++) {
    const c = sample.charCodeAt(i);
    if (inQuotes) {
      if (c === QUOTE) {
        if (sample.charCodeAt(i + 1) === QUOTE) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === LF) {
      if (!recordEmpty) counts.push(fields);
      fields = 1;
      fieldStart = true;
      recordEmpty = true;
      continue;
    }
    // A CR before LF is part of the line ending, not content that makes a line non-empty.
    if (c === CR && sample.charCodeAt(i + 1) === LF) continue;
    recordEmpty = false;
    if (c === delim) {
      fields++;
      fieldStart = true;
      continue;
    }
    if (c === QUOTE && fieldStart) inQuotes = true;
    fieldStart = false;
  }
  if (!recordEmpty && counts.length < MAX_SNIFFED_RECORDS) counts.push(fields);
  return counts;
}

/**
 * The delimiter that splits the sample's records into a consistent number of fields, more than
 * one. Score = share of records with as many fields as the header; ties go to the wider split,
 * then to the order of `DELIMITERS`. A sample no candidate splits (one column) gives `,`.
 * The sample should hold whole records: cut a partial last line before calling.
 */
export function sniffDelimiter(sample: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -1;
  let bestWidth = 0;
  for (const d of DELIMITERS) {
    const counts = fieldCounts(sample, d);
    if (counts.length === 0 || counts[0] < 2) continue;
    const width = counts[0];
    let same = 0;
    for (let i = 0; i < counts.length; i++) if (counts[i] === width) same++;
    const score = same / counts.length;
    if (score > bestScore || (score === bestScore && width > bestWidth)) {
      best = d;
      bestScore = score;
      bestWidth = width;
    }
  }
  return best;
}
