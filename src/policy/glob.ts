// Safe text patterns: plain words and globs (`*`, `?`), never user regular expressions, so no
// policy can make the audit hang on a crafted subject. Matching is the classic two-pointer glob
// walk that only ever returns to the last `*`: at most O(pattern × text) steps, no backtracking
// blow-up whatever the input.

/** Why a pattern is refused, or undefined when it is a usable word/glob. */
export function patternProblem(pattern: string): string | undefined {
  const p = pattern.trim();
  if (p === '') return 'expected a word or glob like "refund*", got an empty string';
  const regexLike = /[\\^$|()[\]{}+]/.test(p) || /\.[*+?]/.test(p) || (p.length > 2 && p.startsWith('/') && p.endsWith('/'));
  if (regexLike) return 'regular expressions are not supported; use words or globs like "refund*"';
  if (!/[\p{L}\p{N}]/u.test(p) && !/^\*+$/.test(p)) return `"${p}" has no letters or digits to match`;
  return undefined;
}

/**
 * The form both sides are compared in: lower case, with runs of spaces, `_` and `-` read as one
 * space, so `after-sales`, `After Sales` and `after_sales` are the same words.
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** `*` any run of characters (also none), `?` exactly one; everything else literally. */
export function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    const c = pattern.charCodeAt(p);
    if (p < pattern.length && (c === 63 /* ? */ || c === text.charCodeAt(t)) && c !== 42) {
      p++;
      t++;
    } else if (p < pattern.length && c === 42 /* * */) {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern.charCodeAt(p) === 42) p++;
  return p === pattern.length;
}

/** globMatch against the characters text[from, to) (char codes), for text kept in a buffer. */
export function globChars(pattern: string, text: Uint16Array, from: number, to: number): boolean {
  let p = 0;
  let t = from;
  let star = -1;
  let mark = 0;
  while (t < to) {
    const c = pattern.charCodeAt(p);
    if (p < pattern.length && (c === 63 /* ? */ || c === text[t]) && c !== 42) {
      p++;
      t++;
    } else if (p < pattern.length && c === 42 /* * */) {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern.charCodeAt(p) === 42) p++;
  return p === pattern.length;
}

/** A matcher for a whole value (type, tag, team): equality and prefix checks when no glob is needed. */
export function valueMatcher(pattern: string): (folded: string) => boolean {
  const p = fold(pattern).replace(/\*+/g, '*');
  const wild = p.search(/[*?]/);
  if (wild < 0) return (v) => v === p;
  if (wild === p.length - 1 && p.endsWith('*')) {
    const prefix = p.slice(0, -1);
    return (v) => v.startsWith(prefix);
  }
  return (v) => globMatch(p, v);
}

/** Words of a text (letters and digits), lower case; `*` and `?` stay inside words of a pattern. */
export function wordsOf(text: string, keepWildcards = false): string[] {
  const split = keepWildcards ? /[^\p{L}\p{N}*?]+/u : /[^\p{L}\p{N}]+/u;
  return text
    .toLowerCase()
    .split(split)
    .filter((w) => w !== '');
}

/**
 * A matcher for a phrase inside a text: the pattern's words (each a word glob, `*` staying within
 * one word) must match consecutive words of the text. `refund*` finds "Refunds pending";
 * `payment issue` finds "Payment issue #42".
 */
export function phraseMatcher(pattern: string): (words: string[]) => boolean {
  const parts = wordsOf(pattern, true).map((w) => valueMatcher(w));
  return (words) => {
    const last = words.length - parts.length;
    for (let i = 0; i <= last; i++) {
      let k = 0;
      while (k < parts.length && parts[k](words[i + k])) k++;
      if (k === parts.length) return true;
    }
    return false;
  };
}
