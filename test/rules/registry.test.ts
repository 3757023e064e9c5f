// The measures' registry: one definition per measure id, checked by the compiler (the type-level
// tests of test/types/, which `npm run typecheck` also compiles) and at run time.
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { MEASURE_IDS, RULES } from '../../src/rules/index.js';
import { ROOT } from '../cli/run.js';

describe('the measures registry', () => {
  it('holds exactly one definition per measure id, under its own id', () => {
    expect(Object.keys(RULES).sort()).toEqual([...MEASURE_IDS].sort());
    for (const id of MEASURE_IDS) expect(RULES[id].measure).toBe(id);
  });

  it('the type-level tests compile: a missing definition, a missing wording, an unknown code are compile errors', () => {
    // Each `@ts-expect-error` there must meet its error, or the directive is itself an error: a
    // registry that accepted a missing definition would make this list non-empty.
    const configPath = join(ROOT, 'test', 'types', 'tsconfig.json');
    const { config } = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dirname(configPath));
    expect(parsed.fileNames.map((f) => relative(ROOT, f))).toEqual(['test/types/registry.ts']);
    const program = ts.createProgram(parsed.fileNames, parsed.options);
    const errors = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
      return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
    });
    expect(errors).toEqual([]);
  }, 60_000);
});
