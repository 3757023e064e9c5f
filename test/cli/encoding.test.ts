import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from './run.js';

// The encodings on the command line: which one a file was read in, and why, is said by inspect,
// the scorecard's line for the input and the JSON report; `--encoding` and the policy's
// `inputs.encoding` choose one for files without a byte-order mark.

const dir = mkdtempSync(join(tmpdir(), 'sa-encoding-cli-'));
const HEADER = 'id,channel,created_at,first_response_at,agent,subject\r\n';

/** Excel on Windows: "Søren Weiß", "Rückfrage – €40", one byte per character. */
const cp1252 = join(dir, 'cp1252.csv');
writeFileSync(
  cp1252,
  Buffer.from(
    `${HEADER}T-1,email,2024-03-04T08:00:00Z,2024-03-04T09:00:00Z,S\xf8ren Wei\xdf,R\xfcckfrage \x96 \x8040\r\n` +
      'T-2,email,2024-03-04T10:00:00Z,2024-03-04T10:30:00Z,Zo\xeb,Preis \xa45\r\n',
    'latin1',
  ),
);

/** Plain ASCII: UTF-8 by default, and the same bytes in any of the single-byte code pages. */
const priced = join(dir, 'priced.csv');
writeFileSync(priced, Buffer.from(`${HEADER}T-1,email,2024-03-04T08:00:00Z,2024-03-04T09:00:00Z,Ann,Preis \xa45\r\n`, 'latin1'));

const json = (args: string[], cwd?: string) => {
  const r = runCli([...args, '--format', 'json'], { cwd });
  expect(hasStackTrace(r.stderr), r.stderr).toBe(false);
  return { ...r, report: JSON.parse(r.stdout) };
};

/** The scorecard's line for the (only) input: after the header and the policy's note. */
// The scorecard wraps its lines at 100 columns without a terminal; temporary paths are long.
const inputLine = (stdout: string) => {
  const lines = stdout.split('\n');
  const at = lines.findIndex((l) => / \(canonical[,)]/.test(l));
  if (at === -1) return '';
  let line = lines[at];
  for (let i = at + 1; i < lines.length && lines[i].startsWith('    '); i++) line += ` ${lines[i].trim()}`;
  return line;
};

describe('--encoding and the encoding in reports', () => {
  it('a Windows-1252 export is detected: inspect says so and why, names come out right', () => {
    const r = runCli(['inspect', cp1252, '--no-color']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('  file       windows-1252 (detected: invalid UTF-8), delimiter ","\n');
    expect(r.stdout).toContain('problems   none');
    const j = runCli(['inspect', cp1252, '--format', 'json']);
    const [item] = JSON.parse(j.stdout);
    expect([item.encoding, item.encoding_source, item.inspection.dialect.encoding]).toEqual(['windows-1252', 'detected', 'windows-1252']);
  });

  it("the scorecard names the encoding on the input's line; JSON inputs[] has encoding and encoding_source", () => {
    const table = runCli(['audit', cp1252, '--no-color', '--by', 'agent']);
    expect(inputLine(table.stdout)).toBe(`  ${cp1252} (canonical, windows-1252 detected): 2 rows, 2 used, 0 skipped`);
    expect(table.stdout).toContain('Søren Weiß');
    const { report } = json(['audit', cp1252, '--by', 'agent']);
    expect(report.inputs[0]).toMatchObject({ encoding: 'windows-1252', encoding_source: 'detected', problem_counts: {} });
    expect(report.breakdowns.agent.map((row: { key: string }) => row.key).sort()).toEqual(['Søren Weiß', 'Zoë']);
  });

  it('a plain UTF-8 file keeps its scorecard line as it was; JSON says utf-8 (default)', () => {
    const utf8 = join(dir, 'utf8.csv');
    writeFileSync(utf8, `${HEADER}T-1,email,2024-03-04T08:00:00Z,2024-03-04T09:00:00Z,Søren,Café\r\n`);
    const table = runCli(['audit', utf8, '--no-color']);
    expect(inputLine(table.stdout)).toBe(`  ${utf8} (canonical): 1 rows, 1 used, 0 skipped`);
    expect(json(['audit', utf8]).report.inputs[0]).toMatchObject({ encoding: 'utf-8', encoding_source: 'default' });
  });

  it('--encoding chooses on audit, inspect and explain; names and aliases alike', () => {
    for (const [name, encoding] of [
      ['iso-8859-15', 'iso-8859-15'],
      ['latin9', 'iso-8859-15'],
      ['latin1', 'iso-8859-1'],
      ['cp1252', 'windows-1252'],
      ['UTF8', 'utf-8'],
    ]) {
      const { report, code } = json(['audit', priced, '--encoding', name]);
      expect(code).toBeLessThan(2);
      expect([report.inputs[0].encoding, report.inputs[0].encoding_source]).toEqual([encoding, 'flag']);
      const r = runCli(['inspect', priced, '--encoding', name, '--format', 'json']);
      expect(JSON.parse(r.stdout)[0].inspection.dialect).toMatchObject({ encoding, encoding_source: 'flag' });
      const explain = runCli(['explain', 'email-first-response', priced, '--encoding', name, '--format', 'json']);
      expect(explain.code, explain.stderr).toBeLessThan(2);
    }
    const table = runCli(['audit', priced, '--encoding', 'iso-8859-15', '--no-color']);
    expect(inputLine(table.stdout)).toContain('(canonical, iso-8859-15)');
  });

  it("the policy's inputs.encoding applies, and --encoding wins over it", () => {
    const policy = join(dir, 'latin9.yaml');
    writeFileSync(policy, 'inputs:\n  encoding: iso-8859-15\n');
    const fromPolicy = runCli(['inspect', priced, '--policy', policy, '--no-color']);
    expect(fromPolicy.stdout).toContain('  file       iso-8859-15 (policy inputs.encoding),');
    const fromFlag = runCli(['inspect', priced, '--policy', policy, '--encoding', 'windows-1252', '--no-color']);
    expect(fromFlag.stdout).toContain('  file       windows-1252 (--encoding), delimiter');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'inputs:\n  encoding: ebcdic\n');
    const r = runCli(['policy', 'check', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/inputs\.encoding/);
  });

  it('an unknown --encoding is a usage error (exit 2) naming the choices', () => {
    const r = runCli(['audit', cp1252, '--encoding', 'ebcdic']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--encoding takes utf-8, windows-1252, iso-8859-1, iso-8859-15, utf-16le, utf-16be (got "ebcdic")');
    expect(r.stdout).toBe('');
  });

  it('forced UTF-8 on a Windows-1252 file: every damaged line is a problem, never a silent U+FFFD', () => {
    const { report } = json(['audit', cp1252, '--encoding', 'utf-8']);
    expect(report.inputs[0].problem_counts).toEqual({ 'undecodable-bytes': 2 });
    expect(report.inputs[0].problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([
      [2, 'undecodable-bytes'],
      [3, 'undecodable-bytes'],
    ]);
    expect(report.inputs[0].problems[0].message).toMatch(/not valid UTF-8: read as U\+FFFD/);
    const strict = runCli(['audit', cp1252, '--encoding', 'utf-8', '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/line 2: bytes that are not valid UTF-8/);
  });

  it('the HTML report names the encoding with the format', () => {
    const r = runCli(['audit', cp1252, '--format', 'html']);
    expect(r.stdout).toContain('<td>canonical, windows-1252 detected</td>');
  });
});
