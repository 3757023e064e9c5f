// "Did you mean …?" for a word that names nothing known (a policy key, a rule, measure, field or
// preset id): the closest known word by edit distance, when it is close enough to be a slip.

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring letters each cost 1 (`fisrt` → `first` is one swap).
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  // Three rows: the current one, the one above and the one above that (for the swap).
  let above2 = new Array<number>(n + 1).fill(0);
  let above = new Array<number>(n + 1);
  let row = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) above[j] = j;
  for (let i = 1; i <= m; i++) {
    row[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(above[j] + 1, row[j - 1] + 1, above[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, above2[j - 2] + 1);
      row[j] = d;
    }
    [above2, above, row] = [above, row, above2];
  }
  return above[n];
}

/**
 * The known word closest to `word` (case and `-`/`_`/space ignored), or undefined when none is
 * close: at most 3 edits and fewer edits than 60 % of the longer word, so `colour` finds nothing
 * among `name, timezone, rules` instead of a wild guess. The first of equally close words wins.
 */
export function closestWord(word: string, known: readonly string[]): string | undefined {
  const key = comparable(word);
  if (key === '') return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const other = comparable(candidate);
    if (other === key) return candidate;
    const d = editDistance(key, other);
    if (d > 3 || d >= 0.6 * Math.max(key.length, other.length)) continue;
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** ` (did you mean "created_at"?)`, or '' when nothing known is close. */
export function didYouMean(word: string, known: readonly string[]): string {
  const found = closestWord(word, known);
  return found === undefined ? '' : ` (did you mean "${found}"?)`;
}

function comparable(word: string): string {
  return word
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-');
}
