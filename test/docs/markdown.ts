// The project's Markdown (README.md and docs/, rule pages included) read for the docs tests:
// fenced blocks told apart from prose, inline code spans, links and headings.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../cli/run.js';

export interface MarkdownFile {
  /** Relative to the repository root: `docs/reports.md`. */
  path: string;
  text: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

export function markdownFiles(): MarkdownFile[] {
  return [join(ROOT, 'README.md'), ...walk(join(ROOT, 'docs')).sort()].map((f) => ({ path: relative(ROOT, f), text: readFileSync(f, 'utf8') }));
}

export interface Line {
  text: string;
  number: number;
  /** Inside a ``` fence. */
  code: boolean;
}

export function lines(md: MarkdownFile): Line[] {
  let fence = false;
  return md.text.split('\n').flatMap((text, i) => {
    if (/^\s*```/.test(text)) {
      fence = !fence;
      return [];
    }
    return [{ text, number: i + 1, code: fence }];
  });
}

/** Inline code spans of a prose line, their text. */
export function codeSpans(text: string): string[] {
  return [...text.matchAll(/(`+)([^`]+?)\1/g)].map((m) => m[2]);
}

/** Prose with its code spans removed (a link written inside one is an example, not a link). */
export function withoutCode(text: string): string {
  return text.replace(/(`+)[^`]+?\1/g, '');
}

/**
 * GitHub's anchor for a heading: lower case, code marks and punctuation dropped (letters, digits,
 * `-`, `_` and spaces kept), spaces as `-`; a repeated heading gets `-1`, `-2` …
 */
export function anchors(md: MarkdownFile): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of lines(md)) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line.text);
    if (!m || line.code) continue;
    const slug = m[1]
      .toLowerCase()
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return out;
}
