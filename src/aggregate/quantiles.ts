// Percentiles of durations without keeping every row. Up to EXACT_LIMIT values are kept and the
// percentiles are exact; past that, every value goes into logarithmic buckets (a DDSketch-style
// sketch) whose representative is within RELATIVE_ERROR of any value in the bucket. Whether a
// state is exact depends only on its total count, and a value's bucket only on the value, so
// merging partial states in any order gives the very same result as one pass over all values.

export const EXACT_LIMIT = 2000;
export const RELATIVE_ERROR = 0.01;
const GAMMA = (1 + RELATIVE_ERROR) / (1 - RELATIVE_ERROR);
const LOG_GAMMA = Math.log(GAMMA);

/** Plain, structured-cloneable. Values are non-negative milliseconds. */
export interface QuantileState {
  n: number;
  /** The values, while n ≤ EXACT_LIMIT (unsorted); null once bucketed. */
  exact: number[] | null;
  /** Values ≤ 0 once bucketed. */
  zero: number;
  /** Bucket index → count, once bucketed: bucket i holds (γ^(i−1), γ^i]. */
  buckets: Record<string, number> | null;
}

export function newQuantiles(): QuantileState {
  return { n: 0, exact: [], zero: 0, buckets: null };
}

function bucketValue(s: QuantileState, v: number): void {
  if (v <= 0) {
    s.zero++;
    return;
  }
  const i = Math.ceil(Math.log(v) / LOG_GAMMA);
  const b = s.buckets!;
  b[i] = (b[i] ?? 0) + 1;
}

function toBuckets(s: QuantileState): void {
  if (!s.exact) return;
  const values = s.exact;
  s.exact = null;
  s.buckets = {};
  for (let i = 0; i < values.length; i++) bucketValue(s, values[i]);
}

export function addValue(s: QuantileState, v: number): void {
  s.n++;
  if (s.exact && s.n <= EXACT_LIMIT) {
    s.exact.push(v);
    return;
  }
  toBuckets(s);
  bucketValue(s, v);
}

/** Merges `from` into `into` (`from` is not changed). */
export function mergeQuantiles(into: QuantileState, from: QuantileState): void {
  const n = into.n + from.n;
  if (n <= EXACT_LIMIT) {
    // Both are exact: each holds at most n values.
    for (const v of from.exact!) into.exact!.push(v);
    into.n = n;
    return;
  }
  toBuckets(into);
  into.n = n;
  if (from.exact) {
    for (const v of from.exact) bucketValue(into, v);
    return;
  }
  into.zero += from.zero;
  for (const [k, c] of Object.entries(from.buckets!)) into.buckets![k] = (into.buckets![k] ?? 0) + c;
}

/**
 * The q-quantile (0–1), or null without values. Exact: linear interpolation between the two
 * nearest ranks (the median of an even count is the mean of the middle two). Bucketed: the
 * representative of the bucket holding rank round(q·(n−1)), within RELATIVE_ERROR of that value.
 */
export function quantile(s: QuantileState, q: number): number | null {
  if (s.n === 0) return null;
  if (s.exact) {
    const sorted = [...s.exact].sort((a, b) => a - b);
    const pos = q * (sorted.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }
  const rank = Math.round(q * (s.n - 1));
  if (rank < s.zero) return 0;
  let seen = s.zero;
  const keys = Object.keys(s.buckets!)
    .map(Number)
    .sort((a, b) => a - b);
  for (const k of keys) {
    seen += s.buckets![k];
    if (rank < seen) return (2 * Math.pow(GAMMA, k)) / (GAMMA + 1);
  }
  return null;
}
