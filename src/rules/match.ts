// A rule's secondary filters (share `match`, after-sales `repair`) compiled once per filter
// object: rules live as long as the audit, and compiling per ticket would dominate the loop.

import { compileFilter } from '../policy/filter.js';
import type { Filter } from '../policy/types.js';
import type { Ticket } from '../types.js';

const compiled = new WeakMap<Filter, (t: Ticket) => boolean>();

export function matches(filter: Filter, t: Ticket): boolean {
  const cached = compiled.get(filter);
  if (cached) return cached(t);
  const test: (t: Ticket) => boolean = compileFilter(filter);
  compiled.set(filter, test);
  return test(t);
}

/** A filter with no criteria (it would match every ticket). */
export function isEmptyFilter(f: Filter): boolean {
  return !(
    f.channel?.length ||
    f.priority?.length ||
    f.status?.length ||
    f.type?.length ||
    f.team?.length ||
    f.subject?.length ||
    f.tags?.any?.length ||
    f.tags?.all?.length ||
    f.tags?.none?.length
  );
}
