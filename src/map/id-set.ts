// The ids seen so far in an audit, for duplicate-id, in memory that does not grow like the file.
// Help-desk ids are almost always a number, often after a fixed prefix (`12345`, `PROJ-123`), and
// near-sequential: such an id is split into its prefix and number (leading zeros stay with the
// prefix, so `007` and `7` remain different ids) and kept as one bit in a page of 65,536. A
// million sequential ids then take about 125 kB instead of ~60 MB of strings in a Set. Sparse
// numbers live in small sets until a page fills up; any other id is kept as its string. Exact:
// no hashing, no false duplicates.

import { ownString } from '../read/own-string.js';

/** What the mapper needs of the seen-id store (a Set<string> will do in tests). */
export interface SeenIds {
  has(id: string): boolean;
  add(id: string): unknown;
}

const PAGE_BITS = 16;
const PAGE_SIZE = 1 << PAGE_BITS;
/** A sparse page becomes a bitmap (8 kB) once it holds this many ids (about what a Set of them costs). */
const DENSE_AT = 512;
/** Up to 15 digits: every such number is an exact double. */
const MAX_DIGITS = 15;

type Page = Set<number> | Uint32Array;

/** Plain data for crossing a worker boundary. */
export interface IdSetState {
  pages: [prefix: string, page: number, bits: Uint32Array | number[]][];
  strings: string[];
}

export class IdSet implements SeenIds {
  private readonly prefixes = new Map<string, Map<number, Page>>();
  private readonly strings = new Set<string>();
  // The last decomposition, so `has` then `add` of one id splits it once.
  private lastId = '';
  private lastPrefix = '';
  private lastNumber = -1;

  /** Splits `id` into the scratch fields; false when it does not end in a number we keep as bits. */
  private split(id: string): boolean {
    if (id === this.lastId) return this.lastNumber >= 0;
    this.lastId = id;
    this.lastNumber = -1;
    const n = id.length;
    let start = n;
    while (start > 0) {
      const c = id.charCodeAt(start - 1);
      if (c < 48 || c > 57) break;
      start--;
    }
    if (start === n) return false;
    // Leading zeros belong to the prefix (keep one digit for an all-zero run).
    while (start < n - 1 && id.charCodeAt(start) === 48) start++;
    if (n - start > MAX_DIGITS) return false;
    let value = 0;
    for (let p = start; p < n; p++) value = value * 10 + (id.charCodeAt(p) - 48);
    this.lastPrefix = start === 0 ? '' : id.slice(0, start);
    this.lastNumber = value;
    return true;
  }

  has(id: string): boolean {
    if (!this.split(id)) return this.strings.has(id);
    const pages = this.prefixes.get(this.lastPrefix);
    if (!pages) return false;
    const page = pages.get(Math.floor(this.lastNumber / PAGE_SIZE));
    return page !== undefined && pageHas(page, this.lastNumber % PAGE_SIZE);
  }

  add(id: string): this {
    if (!this.split(id)) {
      this.strings.add(ownString(id));
      return this;
    }
    let pages = this.prefixes.get(this.lastPrefix);
    if (!pages) this.prefixes.set(ownString(this.lastPrefix), (pages = new Map()));
    const index = Math.floor(this.lastNumber / PAGE_SIZE);
    const bit = this.lastNumber % PAGE_SIZE;
    const page = pages.get(index);
    if (page === undefined) pages.set(index, new Set([bit]));
    else if (page instanceof Uint32Array) page[bit >>> 5] |= 1 << (bit & 31);
    else {
      page.add(bit);
      if (page.size >= DENSE_AT) pages.set(index, toBitmap(page));
    }
    return this;
  }

  toState(): IdSetState {
    const pages: IdSetState['pages'] = [];
    for (const [prefix, byIndex] of this.prefixes) {
      for (const [index, page] of byIndex) pages.push([prefix, index, page instanceof Uint32Array ? page : [...page]]);
    }
    return { pages, strings: [...this.strings] };
  }

  /** Whether any id of `other` is in this set. */
  overlaps(other: IdSetState): boolean {
    for (const s of other.strings) if (this.strings.has(s)) return true;
    for (const [prefix, index, bits] of other.pages) {
      const page = this.prefixes.get(prefix)?.get(index);
      if (page === undefined) continue;
      if (Array.isArray(bits)) {
        for (const b of bits) if (pageHas(page, b)) return true;
      } else if (page instanceof Uint32Array) {
        for (let w = 0; w < bits.length; w++) if ((bits[w] & page[w]) !== 0) return true;
      } else {
        for (const b of page) if ((bits[b >>> 5] & (1 << (b & 31))) !== 0) return true;
      }
    }
    return false;
  }

  /** The ids of `other` that are also in this set. */
  common(other: IdSetState): string[] {
    const out: string[] = [];
    for (const s of other.strings) if (this.strings.has(s)) out.push(s);
    for (const [prefix, index, bits] of other.pages) {
      const page = this.prefixes.get(prefix)?.get(index);
      if (page === undefined) continue;
      const base = index * PAGE_SIZE;
      const both = (b: number) => pageHas(page, b) && out.push(prefix + String(base + b));
      if (Array.isArray(bits)) for (const b of bits) both(b);
      else {
        for (let w = 0; w < bits.length; w++) {
          const word = bits[w] & (page instanceof Uint32Array ? page[w] : 0xffffffff);
          if (word === 0) continue;
          for (let k = 0; k < 32; k++) if ((word & (1 << k)) !== 0) both(w * 32 + k);
        }
      }
    }
    return out;
  }

  /** Adds every id of `other`. */
  addAll(other: IdSetState): void {
    for (const s of other.strings) this.strings.add(s);
    for (const [prefix, index, bits] of other.pages) {
      let pages = this.prefixes.get(prefix);
      if (!pages) this.prefixes.set(prefix, (pages = new Map()));
      const into = pages.get(index);
      const bitmap = into instanceof Uint32Array ? into : toBitmap(into ?? new Set());
      if (Array.isArray(bits)) for (const b of bits) bitmap[b >>> 5] |= 1 << (b & 31);
      else for (let w = 0; w < bits.length; w++) bitmap[w] |= bits[w];
      pages.set(index, bitmap);
    }
  }
}

function pageHas(page: Page, bit: number): boolean {
  return page instanceof Uint32Array ? (page[bit >>> 5] & (1 << (bit & 31))) !== 0 : page.has(bit);
}

function toBitmap(page: Set<number>): Uint32Array {
  const bits = new Uint32Array(PAGE_SIZE / 32);
  for (const b of page) bits[b >>> 5] |= 1 << (b & 31);
  return bits;
}
