// Where a policy problem is written: its path (`rules[2].target`) followed through the YAML
// document's nodes to the line and column of the key (or list item) it names.

import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { Locate, Path } from './issues.js';

function keyOf(key: unknown): unknown {
  return isScalar(key) ? key.value : key;
}

/**
 * A path found in the text down to its last key, or to the mapping that lacks it (a required key
 * left out is shown where its mapping starts). Anything else (a built-in rule or schedule the
 * file does not write) has no place in the text: undefined.
 */
export function locator(doc: Document, lines: LineCounter): Locate {
  return (path: Path) => {
    let node: unknown = doc.contents;
    let offset: number | undefined;
    for (let i = 0; i < path.length; i++) {
      const key = path[i];
      if (isAlias(node)) node = node.resolve(doc);
      let start: number | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => String(keyOf(p.key)) === String(key));
        if (pair) {
          start = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? (pair.value as { range?: number[] } | null)?.range?.[0];
          node = pair.value;
        }
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as { range?: number[] } | undefined;
        if (item) {
          start = item.range?.[0];
          node = item;
        }
      }
      if (start === undefined) {
        if (i < path.length - 1) return undefined;
        break;
      }
      offset = start;
    }
    if (offset === undefined) return undefined;
    const { line, col } = lines.linePos(offset);
    return `line ${line}, column ${col}`;
  };
}
