// Every relative link in README.md and docs/ leads to a file that exists, and every #anchor to a
// heading of that file (GitHub's anchors).
import { existsSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run.js';
import { anchors, lines, markdownFiles, withoutCode, type MarkdownFile } from './markdown.js';

interface Link {
  file: string;
  line: number;
  target: string;
}

function links(md: MarkdownFile): Link[] {
  const out: Link[] = [];
  for (const line of lines(md)) {
    if (line.code) continue;
    const prose = withoutCode(line.text);
    // [text](target "title") and ![alt](target); a reference definition `[x]: target`.
    for (const m of prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ file: md.path, line: line.number, target: m[1] });
    const ref = /^\s*\[[^\]]+\]:\s*(\S+)/.exec(prose);
    if (ref) out.push({ file: md.path, line: line.number, target: ref[1] });
  }
  return out.filter((l) => !/^[a-z][a-z0-9+.-]*:/i.test(l.target));
}

/** A link's problem, or undefined when it resolves. */
function brokenLink(link: Link, files: Map<string, MarkdownFile>): string | undefined {
  const [path, anchor] = link.target.split('#', 2) as [string, string | undefined];
  const target = path === '' ? link.file : normalize(join(dirname(link.file), decodeURIComponent(path)));
  if (target.startsWith('..')) return 'leads outside the repository';
  if (!existsSync(join(ROOT, target))) return `${target} does not exist`;
  if (anchor === undefined) return undefined;
  if (statSync(join(ROOT, target)).isDirectory() || !target.endsWith('.md')) return `#${anchor} on ${target}, which has no headings`;
  const md = files.get(target);
  if (!md) return `${target} is not one of the Markdown files read`;
  return anchors(md).has(anchor) ? undefined : `${target} has no heading #${anchor}`;
}

describe('links in README.md and docs/', () => {
  const files = new Map(markdownFiles().map((f) => [f.path, f]));
  const all = [...files.values()].flatMap(links);

  it('there are links to check', () => {
    expect(all.length).toBeGreaterThan(5);
  });

  it('every relative link resolves, and its #anchor names a heading', () => {
    const broken = all.flatMap((l) => {
      const why = brokenLink(l, files);
      return why ? [`${l.file}:${l.line} (${l.target}): ${why}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('the check itself finds a missing file, a missing heading and an anchor on a non-Markdown file', () => {
    const at = (target: string) => brokenLink({ file: 'docs/reports.md', line: 1, target }, files);
    expect(at('policy.md')).toBeUndefined();
    expect(at('nowhere.md')).toBe('docs/nowhere.md does not exist');
    expect(at('policy.md#no-such-heading')).toBe('docs/policy.md has no heading #no-such-heading');
    expect(at('../package.json#name')).toBe('#name on package.json, which has no headings');
    expect(at('../../etc/passwd')).toBe('leads outside the repository');
  });

  it('anchors follow GitHub: punctuation and code marks dropped, repeats numbered', () => {
    const md = { path: 'x.md', text: '# `support-audit diff old.json new.json`\n## Writing a policy: step 1\n## Same\n## Same\n```\n# not a heading\n```\n' };
    expect([...anchors(md)]).toEqual(['support-audit-diff-oldjson-newjson', 'writing-a-policy-step-1', 'same', 'same-1']);
  });
});
