// Widths of text on a terminal, for laying out columns: one column per character, two for the
// East Asian wide and fullwidth ones (CJK, Hangul, fullwidth forms, most emoji), none for
// combining marks. Text here has been through terminalSafe: no controls, no escape sequences.

const WIDE: [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

function charWidth(code: number): number {
  if ((code >= 0x300 && code <= 0x36f) || code === 0x200b || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) return 0;
  for (const [lo, hi] of WIDE) if (code >= lo && code <= hi) return 2;
  return 1;
}

/** Columns `text` takes on a terminal. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0)!);
  return width;
}

/** `text` cut to at most `width` columns, with `…` where it was cut. */
export function fitText(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0)!);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out.trimEnd()}…`;
}

/** `text` padded with spaces to `width` columns, on the left or the right. */
export function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - textWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/**
 * Words of `text` in lines of at most `width` columns; the first line keeps the text's leading
 * spaces, the others are indented by `indent` spaces; a word longer than a line is cut with `…`.
 */
export function wrapText(text: string, width: number, indent = 0): string[] {
  const lead = /^ */.exec(text)![0];
  const lines: string[] = [];
  let line = '';
  for (const word of text.slice(lead.length).split(' ')) {
    const room = lines.length === 0 ? width - lead.length : width - indent;
    const next = line === '' ? word : `${line} ${word}`;
    if (textWidth(next) <= room) {
      line = next;
    } else if (line === '') {
      line = fitText(word, room);
    } else {
      lines.push(line);
      line = fitText(word, width - indent);
    }
  }
  lines.push(line);
  return lines.map((l, i) => (i === 0 ? lead + l : ' '.repeat(indent) + l));
}
