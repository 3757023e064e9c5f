// Breakdown keys (agents, teams, …) come from the data, so how many are counted one by one is
// bounded: at most `cap` per dimension (4 × --max-keys). Which ones must not depend on the order
// the data is read in (byte ranges are merged in any order, and must give the one-pass report),
// so the keys kept are the `cap` with the smallest (hash, key): a fixed 32-bit hash of the key,
// the key itself breaking ties. Once more than `cap` keys are seen, a key outside those is counted
// under OTHER_KEY from its first ticket on (its counts are exact in the "other" row, only not
// its own), and a kept key pushed out by one with a smaller hash has its counts folded there
// too. A key kept at the end was kept from its first ticket on, in every part of the input: its
// counts are exact. See docs/reports.md "Breakdowns".

/** Where the tickets of keys not counted one by one are counted. No real key is empty: an empty cell is absent. */
export const OTHER_KEY = '';

/** Kept keys per dimension for each key a report may list (--max-keys): the rest are candidates by hash. */
export const KEPT_PER_LISTED = 4;

/** FNV-1a over the UTF-16 code units: fixed across runs, machines and Node versions. */
export function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Whether (ha, a) comes after (hb, b): a larger hash, or the same hash and a later key. */
function after(ha: number, a: string, hb: number, b: string): boolean {
  return ha !== hb ? ha > hb : a > b;
}

/**
 * The kept keys of one dimension (key → hash, plain data that crosses a worker boundary), with a
 * max-heap of them by (hash, key) to find the one to push out.
 */
export class KeyTable {
  private readonly heap: string[] = [];

  constructor(
    readonly cap: number,
    readonly keys: Map<string, number> = new Map(),
  ) {
    for (const key of keys.keys()) this.push(key);
  }

  /**
   * The key a ticket counts under: `key` itself while it is kept, else OTHER_KEY. A kept key it
   * pushes out is handed to `fold` (whose counts then go to OTHER_KEY).
   */
  admit(key: string, fold: (key: string) => void): string {
    if (key === OTHER_KEY || this.keys.has(key)) return key;
    const hash = keyHash(key);
    if (this.keys.size < this.cap) {
      this.keys.set(key, hash);
      this.push(key);
      return key;
    }
    const top = this.heap[0];
    if (top === undefined || !after(this.keys.get(top)!, top, hash, key)) return OTHER_KEY;
    this.keys.delete(top);
    this.keys.set(key, hash);
    this.heap[0] = key;
    this.down(0);
    fold(top);
    return key;
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  private push(key: string): void {
    const heap = this.heap;
    heap.push(key);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  private down(i: number): void {
    const heap = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && this.above(heap[l], heap[top])) top = l;
      if (r < heap.length && this.above(heap[r], heap[top])) top = r;
      if (top === i) return;
      [heap[i], heap[top]] = [heap[top], heap[i]];
      i = top;
    }
  }

  /** Whether `a` belongs above `b` in the max-heap. */
  private above(a: string, b: string): boolean {
    return after(this.keys.get(a)!, a, this.keys.get(b)!, b);
  }
}
