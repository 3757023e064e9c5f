// Strings that own their memory, for cells kept beyond their row.

/**
 * A copy of `text` that shares no memory with a longer string. Wanted cells of 13 characters or
 * more may be slices of their record's decoded text (record-cells.ts), and such a slice keeps the
 * whole text alive: anything that keeps cells for the rest of the audit, per row (seen ids,
 * messages waiting to be threaded), stores them through this. Shorter strings are always copies.
 */
export function ownString(text: string): string {
  // Joining makes a new string; slicing it flattens it into one of length + 1 and points into that.
  return text.length < 13 ? text : (' ' + text).slice(1);
}
