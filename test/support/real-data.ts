// The real public support exports beside the checkout: tests that read them skip where they are
// absent, saying which file is missing, so that a clone elsewhere still passes `npm test`. CI sets
// REQUIRE_REAL_DATA=1 (.ci/run): there a missing file fails the run instead, so the tests are
// known to have run.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REAL_DIR = fileURLToPath(new URL('../../../shared/data/real/', import.meta.url));

export type RealFile = 'customer-support-tickets.csv' | 'twcs-sample.csv';

/** The path of a real export. */
export function realFile(name: RealFile): string {
  return `${REAL_DIR}${name}`;
}

const warned = new Set<string>();

/**
 * Whether the real exports `names` are there. When one is not: an error with REQUIRE_REAL_DATA=1,
 * else a line on stderr (once per file) and false, for `it.skipIf(!hasRealData(…))`.
 */
export function hasRealData(...names: RealFile[]): boolean {
  const missing = names.filter((n) => !existsSync(realFile(n)));
  if (missing.length === 0) return true;
  const what = missing.map((n) => realFile(n)).join(', ');
  if (process.env.REQUIRE_REAL_DATA === '1') throw new Error(`REQUIRE_REAL_DATA=1 but the real exports are missing: ${what}`);
  for (const m of missing) {
    if (warned.has(m)) continue;
    warned.add(m);
    process.stderr.write(`skipping the tests that read the real export ${realFile(m)}: not found (the real exports belong beside the checkout)\n`);
  }
  return false;
}
