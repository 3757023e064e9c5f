// Side counts that repeat: a rule gives the same few reason codes ticket after ticket
// (`na:unrated`, `na:no-due-time`, `breached:late`…). Adding 1 to a string-keyed record costs a
// hashed lookup and store each time (measured: ~50 ns, several per ticket); a tally adds up the
// counts of a few codes for one record and writes them in one go when the record changes, a new
// code finds no free place, or before the state is read (flush). Every report sorts these keys,
// so when a key is written does not show; only the totals do, and they are the same.

import { bump, countKey } from './rule-state.js';

/** Codes counted at once: a rule's outcomes alternate between a handful of codes. */
const PLACES = 4;

export class Tally {
  private counts: Record<string, number> | undefined = undefined;
  private readonly codes: string[] = [];
  private readonly keys: string[] = [];
  private readonly ns: number[] = [];

  /** `prefix` goes before each code in the record's keys ('' for none). */
  constructor(private readonly prefix: string) {}

  add(counts: Record<string, number>, code: string): void {
    if (counts !== this.counts) {
      this.flush();
      this.counts = counts;
    }
    const codes = this.codes;
    for (let i = 0; i < codes.length; i++) {
      if (codes[i] === code) {
        this.ns[i]++;
        return;
      }
    }
    if (codes.length === PLACES) {
      this.flush();
      codes.length = 0;
      this.keys.length = 0;
      this.ns.length = 0;
    }
    codes.push(code);
    this.keys.push(this.prefix === '' ? code : countKey(this.prefix, code));
    this.ns.push(1);
  }

  /** Writes the pending counts into their record (the codes and their keys stay for the next ones). */
  flush(): void {
    for (let i = 0; i < this.codes.length; i++) {
      if (this.ns[i] > 0) bump(this.counts!, this.keys[i], this.ns[i]);
      this.ns[i] = 0;
    }
  }
}
