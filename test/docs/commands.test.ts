// Every support-audit command line in README.md and docs/ parses: its command exists, its flags
// are flags of that command with values they accept, and its arguments are as many as the
// command takes. Parsed by the real program with each command's action replaced by one that
// only records the call, so nothing is read or written (the README test runs its commands).
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { collectReports } from '../../src/cli/options.js';
import { codeSpans, lines, markdownFiles } from './markdown.js';

interface DocCommand {
  where: string;
  text: string;
  words: string[];
}

/** Shell words up to the first pipe, redirection, `&&`, `;` or comment; quotes removed. */
function shellWords(text: string): string[] {
  const words: string[] = [];
  for (const m of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    const bare = m[3];
    if (bare !== undefined && (/^(\||\|\||&&|;|#)/.test(bare) || /^\d?[<>]/.test(bare))) break;
    words.push(m[1] ?? m[2] ?? bare);
  }
  return words;
}

function docCommands(): DocCommand[] {
  const out: DocCommand[] = [];
  for (const md of markdownFiles()) {
    for (const line of lines(md)) {
      const texts = line.code ? [line.text.trim().replace(/^\$ /, '')] : codeSpans(line.text);
      for (const text of texts) {
        // In prose, `support-audit` alone names the program, not a command line.
        if (!(line.code ? /^(npx )?support-audit(\s|$)/ : /^(npx )?support-audit\s+\S/).test(text)) continue;
        // `npx support-audit …`: any command, written as an ellipsis.
        if (/^(npx )?support-audit …/.test(text)) continue;
        out.push({ where: `${md.path}:${line.number}`, text, words: shellWords(text).slice(text.startsWith('npx ') ? 2 : 1) });
      }
    }
  }
  return out;
}

function leaves(cmd: Command): Command[] {
  return cmd.commands.length === 0 ? [cmd] : cmd.commands.flatMap(leaves);
}

/** Why `words` do not parse as a support-audit command line; undefined when they do. */
async function parseProblem(words: string[]): Promise<string | undefined> {
  let said = '';
  const program = buildProgram({
    stdout: () => {},
    stderr: (t) => void (said += t),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: {},
    cwd: process.cwd(),
  });
  let ran = false;
  for (const leaf of leaves(program)) leaf.action(() => void (ran = true));
  // A command named in prose (`support-audit diff`, `support-audit policy check`): the name must exist.
  const names = words.filter((w) => !w.startsWith('-'));
  let cmd: Command | undefined = program;
  for (const name of names) cmd = cmd?.commands.find((c) => c.name() === name);
  if (cmd && cmd !== program && names.length === words.length && cmd.registeredArguments.some((a) => a.required)) return undefined;
  try {
    await program.parseAsync(words, { from: 'user' });
  } catch (err) {
    const code = (err as { exitCode?: number }).exitCode;
    if (code === 0) return undefined; // --help, --version
    return said.trim().split('\n')[0] || (err as Error).message;
  }
  return ran ? undefined : 'no command ran';
}

describe('command lines in README.md and docs/', () => {
  const commands = docCommands();

  it('there are command lines to check, from the README and the docs', () => {
    expect(commands.length).toBeGreaterThan(20);
    expect(commands.some((c) => c.where.startsWith('docs/'))).toBe(true);
  });

  it('every one parses', async () => {
    const problems: string[] = [];
    for (const c of commands) {
      const why = await parseProblem(c.words);
      if (why) problems.push(`${c.where} \`${c.text}\`: ${why}`);
    }
    expect(problems).toEqual([]);
  });

  it('the check refuses what the command refuses: flags, values, argument counts', async () => {
    expect(await parseProblem(['audit', 'a.csv', '--report', 'html=out/r.html'])).toMatch(/--report takes FORMAT:PATH/);
    expect(await parseProblem(['audit', 'a.csv', '--report', 'html:out/r.html'])).toBeUndefined();
    expect(await parseProblem(['audit', 'a.csv', '--bogus'])).toMatch(/unknown option '--bogus'/);
    expect(await parseProblem(['audit', 'a.csv', '--jobs', 'zero'])).toMatch(/--jobs takes a whole number/);
    expect(await parseProblem(['audit', 'a.csv', '--format', 'pdf'])).toMatch(/argument 'pdf' is invalid/);
    expect(await parseProblem(['explain', 'chat-first-response'])).toMatch(/missing required argument 'files'/);
    expect(await parseProblem(['init', 'a.yaml', 'b.yaml'])).toMatch(/too many arguments/);
    expect(await parseProblem(['polcy', 'check'])).toMatch(/unknown command 'polcy'/);
    expect(await parseProblem(['audit'])).toBeUndefined(); // the command named in prose
    expect(await parseProblem(['audit', '--help'])).toBeUndefined();
  });

  it('every --report value written anywhere in them has the FORMAT:PATH form the command takes', () => {
    const values = markdownFiles().flatMap((md) => [...md.text.matchAll(/--report[ =]([^\s`)]+)/g)].map((m) => ({ where: md.path, value: m[1] })));
    expect(values.length).toBeGreaterThan(5);
    for (const { where, value } of values) {
      // A placeholder (`FORMAT:PATH`, `<format>:<path>`), else a real value the option parser accepts.
      if (/^(FORMAT:PATH|<format>:<path>)$/.test(value)) continue;
      expect(() => collectReports(value), `${where}: --report ${value}`).not.toThrow();
    }
  });

  it('shell words stop at pipes, redirections and comments', () => {
    expect(shellWords('support-audit audit a.csv --redact  # for a spreadsheet')).toEqual(['support-audit', 'audit', 'a.csv', '--redact']);
    expect(shellWords('support-audit policy schema > policy.schema.json')).toEqual(['support-audit', 'policy', 'schema']);
    expect(shellWords(`support-audit audit "my file.csv" | head`)).toEqual(['support-audit', 'audit', 'my file.csv']);
  });
});
