// Text from the data is printed safely in every format (docs/reports.md "Escaping guarantees"),
// and message bodies never reach a report. Checked through the real command on a hostile export.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace } from '../cli/run.js';
import { checkXml } from '../render/xml-check.js';
import type { Report } from '../../src/report.js';
import { cli, tempDir, type Run } from './helpers.js';
import { BODY, HOSTILE, HOSTILE_FILE, LINK, writeHostile } from './hostile.js';

const FORMATS = ['table', 'markdown', 'html', 'junit', 'github', 'json'] as const;
type Format = (typeof FORMATS)[number];

let dir = '';
const out = {} as Record<Format, string>;
let coloured: Run;
let messages: Record<Format, string>;

async function allFormats(file: string): Promise<Record<Format, string>> {
  const reports = ['markdown:out.md', 'html:out.html', 'junit:out.xml', 'github:out.txt', 'json:out.json'].flatMap((r) => ['--report', r]);
  const run = await cli(['audit', file, '--policy', 'policy.yaml', '--by', 'agent,team', '--show-breaches', '5', ...reports], { cwd: dir });
  expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
  expect(run.code, run.stderr).toBe(1);
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return { table: run.stdout, markdown: read('out.md'), html: read('out.html'), junit: read('out.xml'), github: read('out.txt'), json: read('out.json') };
}

beforeAll(async () => {
  dir = tempDir('hostile');
  writeHostile(dir);
  Object.assign(out, await allFormats(HOSTILE_FILE));
  coloured = await cli(['audit', HOSTILE_FILE, '--policy', 'policy.yaml', '--by', 'agent,team', '--show-breaches', '5'], {
    cwd: dir,
    env: { NO_COLOR: '', FORCE_COLOR: '1' },
  });
  messages = await allFormats('messages.csv');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Controls other than line feed (and tab in tables of text), C1 controls, bidi overrides.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('hostile field text', () => {
  it('reaches the reports (the JSON report carries it as data, JSON-escaped)', () => {
    const report = JSON.parse(out.json) as Report;
    const ids = report.rules.flatMap((r) => r.breaches.map((b) => b.id));
    expect(ids).toEqual(expect.arrayContaining([HOSTILE.clearId, HOSTILE.linkId, HOSTILE.atId, HOSTILE.colourId]));
    expect(report.breakdowns.agent!.map((k) => k.key)).toEqual(expect.arrayContaining([HOSTILE.formulaAgent, HOSTILE.markupAgent]));
    expect(report.inputs[0].path).toBe(HOSTILE_FILE);
  });

  it.each(FORMATS.filter((f) => f !== 'json'))('%s: no escape sequence, control character or hyperlink target', (format) => {
    expect(CONTROL.test(out[format]), JSON.stringify(out[format].match(CONTROL))).toBe(false);
    expect(out[format]).not.toContain(LINK);
    expect(out[format]).not.toContain(']8;;');
  });

  it("table with colour: the only escape sequences are the tool's own colours", () => {
    expect(coloured.stdout).toMatch(/\x1b\[\d+m/);
    const withoutSgr = coloured.stdout.replace(/\x1b\[[0-9;]*m/g, '');
    expect(CONTROL.test(withoutSgr)).toBe(false);
    expect(coloured.stdout).not.toMatch(/\x1b\[[0-9;]*[ABCDHJK]/); // no cursor move, no clear
  });

  it('table: ids keep their visible text, each breach and breakdown key stays on one line', () => {
    const lines = out.table.split('\n');
    expect(lines.some((l) => /^T-1\s+2024-03-04 08:00 UTC\s+email\s+=cmd\|'\/c calc'!A1/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('T-2click '))).toBe(true);
    expect(lines.some((l) => l.startsWith('-2+3RED '))).toBe(true);
    expect(lines.some((l) => l.startsWith('Team|pipe new line '))).toBe(true);
    expect(lines.some((l) => /^(new line|::error::pwned)/.test(l))).toBe(false);
  });

  it('markdown: | and line breaks cannot add cells or rows, markup is inert', () => {
    const unescapedPipes = (l: string) => (l.match(/(?<!\\)\|/g) ?? []).length;
    const tables = out.markdown.split('\n\n').filter((block) => block.startsWith('|'));
    expect(tables.length).toBeGreaterThan(2);
    for (const table of tables) {
      const rows = table.split('\n').filter((l) => l !== '');
      for (const row of rows) expect(unescapedPipes(row), row).toBe(unescapedPipes(rows[0]));
    }
    expect(out.markdown).toContain('=cmd\\|');
    expect(out.markdown).toContain('Team\\|pipe new line');
    expect(out.markdown).toContain('&lt;b&gt;Agent&lt;/b&gt;&lt;script&gt;');
    expect(out.markdown).not.toMatch(/<(script|b|i)>/);
    expect(out.markdown).toContain('<code>export&lt;i&gt;\\|.csv</code>');
  });

  it('html: data is escaped text, the page runs nothing and fetches nothing', () => {
    expect(out.html).not.toMatch(/<script/i);
    expect(out.html).not.toContain('<b>Agent');
    expect(out.html).toContain('&lt;b&gt;Agent&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out.html).toContain('=cmd|&#39;/c calc&#39;!A1');
    expect(out.html).toMatch(/Content-Security-Policy" content="default-src 'none'/);
  });

  it('junit: well-formed XML with the ids in the failure messages', () => {
    const root = checkXml(out.junit);
    const failures = root.children[0].children.flatMap((c) => c.children).filter((c) => c.name === 'failure');
    expect(failures.map((f) => f.attrs.message).join(' ')).toContain('T-2click');
  });

  it('github: one annotation per line, data cannot start a command of its own', () => {
    const lines = out.github.trimEnd().split('\n');
    for (const line of lines) expect(line, line).toMatch(/^::(error|warning|notice) /);
    expect(lines.filter((l) => l.startsWith('::error::pwned'))).toEqual([]);
  });

  it('problem messages quoting a cell are escaped like the rest', () => {
    expect(out.table).toMatch(/bad-timestamp \[updated_at\]: unreadable timestamp '2024-03-04'/);
  });
});

describe('error messages quoting the data', () => {
  it('stderr carries no escape sequence from a header cell, a file name or a flag value', async () => {
    writeFileSync(join(dir, 'evil-header.csv'), `x\x1b[2J\x1b]8;;${LINK}\x07link\x1b]8;;\x07,y\nz,w\n`);
    const runs = await Promise.all([
      cli(['audit', 'evil-header.csv'], { cwd: dir }),
      cli(['audit', 'missing\x1b[31m.csv'], { cwd: dir }),
      cli(['audit', 'evil-header.csv', '--by', 'ag\x1b[2Jent'], { cwd: dir }),
    ]);
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(2);
      expect(CONTROL.test(run.stderr.replace(/\n/g, '')), JSON.stringify(run.stderr)).toBe(false);
      expect(run.stderr).not.toContain(LINK);
    }
    expect(runs[0].stderr).toContain("found columns 'xlink, y'");
    expect(runs[1].stderr).toContain('error: missing.csv: expected a CSV file');
  });
});

describe('message bodies never reach a report', () => {
  it.each(FORMATS)('%s: no description column text, no message body', (format) => {
    expect(out[format]).not.toContain(BODY);
    expect(messages[format]).not.toContain(BODY);
  });

  it('the message export was audited (bodies were there to leak)', () => {
    const report = JSON.parse(messages.json) as Report;
    expect(report.inputs[0]).toMatchObject({ format: 'canonical-messages', rows: 4, used: 4 });
    expect(report.rules.find((r) => r.id === 'email-first-response')!.breached).toBe(1);
  });
});

describe('Markdown mentions', () => {
  // A job summary or comment that shows `@octocat` notifies that person; `@org/team` a whole team.
  it('names starting with @ notify nobody in the Markdown summary; e-mail addresses stay as they are', async () => {
    const csv = [
      'id,channel,created_at,first_response_at,agent,team,subject',
      '@admin,email,2024-03-04T08:00:00Z,2024-03-06T09:00:00Z,@octocat,@acme/support,ping @everyone',
      'T-2,email,2024-03-04T09:00:00Z,2024-03-06T09:00:00Z,(@hubot),ann@example.com,fine',
    ].join('\n');
    writeFileSync(join(dir, 'mentions.csv'), `${csv}\n`);
    const run = await cli(['audit', 'mentions.csv', '--policy', 'policy.yaml', '--by', 'agent,team', '--show-breaches', '5', '--format', 'markdown'], {
      cwd: dir,
    });
    expect(run.code, run.stderr).toBe(1);
    // GitHub links an @ that starts a word; a zero-width space after it keeps the text, links no one.
    expect(run.stdout).not.toMatch(/(^|[^A-Za-z0-9_])@[A-Za-z0-9]/m);
    for (const name of ['admin', 'octocat', 'acme/support', 'hubot']) expect(run.stdout).toContain(`@&#8203;${name}`);
    expect(run.stdout).toContain('ann@example.com');
  });
});
