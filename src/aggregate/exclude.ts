// The policy's exclude tags found in a ticket's tags: a scan of a few tags for a few exclude tags
// per ticket, no memory (every row has its own tag list, and real tag cells are nearly all
// different).

export class ExcludeTags {
  /** `tags`: the policy's exclude tags, lower case. */
  constructor(private readonly tags: string[]) {}

  /** The first exclude tag (in policy order) among `ticketTags`, or undefined. */
  find(ticketTags: readonly string[]): string | undefined {
    if (ticketTags.length === 0) return undefined;
    for (let x = 0; x < this.tags.length; x++) if (ticketTags.includes(this.tags[x])) return this.tags[x];
    return undefined;
  }
}
