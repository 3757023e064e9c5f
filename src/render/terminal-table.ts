// cli-table3 set up for plain, borderless columns. Its default header style colours through its
// own colour library, which would ignore `--no-color`: styles are emptied here and every colour
// comes from the caller's Chalk instance.

import Table from 'cli-table3';
import { fitText, pad, textWidth, wrapText } from './text-width.js';

const NO_BORDERS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '  ',
};

export type Align = 'left' | 'right';

export function columns(head: string[], rows: string[][], align: Align[] = [], colWidths?: (number | null)[]): string {
  const table = new Table({
    head,
    chars: NO_BORDERS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
    colAligns: head.map((_, i) => align[i] ?? 'left'),
    ...(colWidths ? { colWidths, wordWrap: false, truncate: '…' } : {}),
  });
  for (const row of rows) table.push(row);
  // cli-table3 pads the last column; trailing blanks only make copy-paste untidy.
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

/**
 * Plain columns in at most `width` columns of text: the last column takes what is left and its
 * words wrap onto lines of their own under it (cut with `…` when less than 16 columns are left).
 * Cells are measured as text (textWidth), so they must not hold colour; `head` is painted by `paintHead`.
 */
const LAST_MIN = 24;
const MIN_CUT = 10;

export function fittedColumns(head: string[], rows: string[][], align: Align[], width: number, paintHead: (s: string) => string): string[] {
  const n = head.length;
  const widths = head.map((h, i) => rows.reduce((w, r) => Math.max(w, textWidth(r[i] ?? '')), textWidth(h)));
  const beforeLast = () => widths.slice(0, -1).reduce((a, b) => a + b + 2, 0);
  // The last column keeps at least LAST_MIN: the widest of the others give way first (cut with …).
  for (let over = beforeLast() + Math.min(LAST_MIN, widths[n - 1]) - width; over > 0; over--) {
    let widest = -1;
    for (let i = 0; i < n - 1; i++) if (widths[i] > MIN_CUT && (widest === -1 || widths[i] > widths[widest])) widest = i;
    if (widest === -1) break;
    widths[widest]--;
  }
  const before = beforeLast();
  widths[n - 1] = Math.min(widths[n - 1], Math.max(LAST_MIN, width - before));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => pad(fitText(cell, widths[i]), widths[i], align[i] ?? 'left'))
      .join('  ')
      .trimEnd();
  const out = [paintHead(line(head.map((h, i) => fitText(h, widths[i]))))];
  for (const r of rows) {
    const [first, ...more] = wrapText(r[n - 1] ?? '', widths[n - 1]);
    out.push(line([...r.slice(0, -1), first]));
    for (const m of more) out.push(`${' '.repeat(before)}${m}`.trimEnd());
  }
  return out;
}
