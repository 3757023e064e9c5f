// Reply-link threading (docs/mapping.md "Conversations from messages"), as in social-media exports: every message names the one it
// answers; a message whose parent is not in the input starts a conversation. Threads can be long
// and out of file order, so roots are found by walking parent links iteratively with path
// compression (no recursion), and a cycle of links is cut where the walk meets itself.

/**
 * For each message i (ids[i], parents[i]) the index of its conversation's root message.
 * Duplicate ids are expected to be removed beforehand (the mapper drops them).
 */
export function threadRoots(ids: string[], parents: (string | undefined)[]): Int32Array {
  const n = ids.length;
  const byId = new Map<string, number>();
  for (let i = 0; i < n; i++) if (!byId.has(ids[i])) byId.set(ids[i], i);
  const root = new Int32Array(n).fill(-1);
  // Walk stamp per message: a message met twice in the same walk closes a cycle.
  const walk = new Int32Array(n).fill(-1);
  const path: number[] = [];
  for (let start = 0; start < n; start++) {
    if (root[start] >= 0) continue;
    path.length = 0;
    let i = start;
    let found = -1;
    for (;;) {
      if (root[i] >= 0) {
        found = root[i];
        break;
      }
      if (walk[i] === start) {
        found = i; // a cycle: the message where the walk came back round is taken as the root
        break;
      }
      walk[i] = start;
      path.push(i);
      const parent = parents[i];
      const p = parent === undefined ? undefined : byId.get(parent);
      if (p === undefined || p === i) {
        found = i;
        break;
      }
      i = p;
    }
    for (const j of path) root[j] = found;
  }
  return root;
}
