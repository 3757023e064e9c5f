// The policy's exclude tags found in a ticket's tags. Checked on every ticket, and a scan of the
// tags per exclude tag was a measured cost; the mapper shares one frozen list between rows with
// the same tags cell, so the answer is remembered per list.

/** Lists remembered; past it the memory starts afresh (bounded: a new combination on every row is possible). */
const LISTS_KEPT = 4096;

export class ExcludeTags {
  private readonly byList = new Map<readonly string[], string | null>();
  // The last list asked about (a frozen one): the next ticket often has the same.
  private lastList: readonly string[] | undefined = undefined;
  private lastFound: string | null = null;

  /** `tags`: the policy's exclude tags, lower case. */
  constructor(private readonly tags: string[]) {}

  /** The first exclude tag (in policy order) among `ticketTags`, or undefined. */
  find(ticketTags: readonly string[]): string | undefined {
    if (ticketTags.length === 0 || this.tags.length === 0) return undefined;
    if (ticketTags === this.lastList) return this.lastFound ?? undefined;
    // A list that is not frozen may change later (built by hand): scan it every time.
    if (!Object.isFrozen(ticketTags)) return this.scan(ticketTags) ?? undefined;
    let found = this.byList.get(ticketTags);
    if (found === undefined) {
      found = this.scan(ticketTags);
      if (this.byList.size >= LISTS_KEPT) this.byList.clear();
      this.byList.set(ticketTags, found);
    }
    this.lastList = ticketTags;
    this.lastFound = found;
    return found ?? undefined;
  }

  private scan(ticketTags: readonly string[]): string | null {
    for (let x = 0; x < this.tags.length; x++) if (ticketTags.includes(this.tags[x])) return this.tags[x];
    return null;
  }
}
