// Header names are matched case-insensitively with whitespace collapsed (vendors and Excel
// disagree on both), so every comparison goes through this one normaliser.

/** `"  First Reply  time in MINUTES "` → `"first reply time in minutes"`. */
export function normalizeHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}
