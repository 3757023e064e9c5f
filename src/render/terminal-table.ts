// cli-table3 set up for plain, borderless columns. Its default header style colours through its
// own colour library, which would ignore `--no-color`: styles are emptied here and every colour
// comes from the caller's Chalk instance.

import Table from 'cli-table3';

const NO_BORDERS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '',
  right: '', 'right-mid': '', middle: '  ',
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
  return table.toString().split('\n').map((line) => line.trimEnd()).join('\n');
}
