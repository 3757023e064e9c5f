// docs/rules/ has a page per measure and per default rule, each with the parts a reader needs,
// and each measure's page names every outcome code its rule file writes (so a new code cannot go
// undocumented).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_IDS } from '../../src/policy/default-document.js';
import { MEASURE_IDS } from '../../src/policy/schema-rule.js';
import { ROOT } from '../cli/run.js';

const page = (name: string) => join(ROOT, 'docs', 'rules', `${name}.md`);
const PARTS = [
  /\*\*What it measures/i,
  /\*\*Eligible/i,
  /\*\*Pending/i,
  /\*\*Excluded/i,
  /\*\*Inputs/i,
  /\*\*A proxy for/i,
  /\*\*It\s+misses/,
  /\*\*Stronger,\s+where\s+the\s+data\s+allows/,
];
const KINDS = new Set(['met', 'breached', 'pending', 'excluded', 'not-applicable', 'deferred']);

/** The reason codes a rule file writes: string literals on its outcome lines. */
function codesOf(measure: string): string[] {
  const source = readFileSync(join(ROOT, 'src', 'rules', `${measure}.ts`), 'utf8');
  const codes = new Set<string>();
  // The arguments of set/defer/judgeDuration, what is assigned to out.code, and a second check's code.
  for (const call of source.matchAll(/\b(?:set|defer|judgeDuration)\(out,([^;]*)|\bout\.code = ([^;]*)|\bsecondCheck: \{[^}]*?\bcode: ('[^']*')/g)) {
    for (const m of (call[1] ?? call[2] ?? call[3]).matchAll(/'([a-z]+(?:-[a-z]+)*)'/g)) if (!KINDS.has(m[1])) codes.add(m[1]);
  }
  return [...codes];
}

describe('docs/rules', () => {
  it.each([...DEFAULT_RULE_IDS, ...MEASURE_IDS].map((id) => [id]))('%s has a page with every part', (id) => {
    expect(existsSync(page(id)), `docs/rules/${id}.md`).toBe(true);
    const text = readFileSync(page(id), 'utf8');
    for (const part of PARTS) expect(text, `${id}: ${part}`).toMatch(part);
  });

  it.each(MEASURE_IDS.map((id) => [id]))('the %s page names every code its rule writes', (measure) => {
    const text = readFileSync(page(measure), 'utf8');
    const missing = codesOf(measure).filter((code) => !text.includes(`\`${code}\``));
    expect(missing, `docs/rules/${measure}.md`).toEqual([]);
  });

  it('the index lists every page', () => {
    const index = readFileSync(join(ROOT, 'docs', 'rules', 'README.md'), 'utf8');
    for (const id of new Set([...DEFAULT_RULE_IDS, ...MEASURE_IDS])) expect(index).toContain(`(${id}.md)`);
  });
});
