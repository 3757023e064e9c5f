// Field text comes from exports and policies that anyone could have written: a ticket subject or
// an agent name must not move the cursor, recolour a terminal, inject markup or start a formula.
// Each output medium gets one function here, and every renderer passes data through it.

// Escape sequences go first, whole, so that their parameters do not survive as stray text:
// OSC (ESC ] … BEL/ST, e.g. hyperlinks ESC ]8;;url BEL), DCS/SOS/PM/APC (… ST), CSI (ESC [ … final),
// their 8-bit C1 forms, and any other ESC + intermediates + final byte. An unterminated string
// sequence runs to the end of the text, as it would on a terminal.
const STRING_SEQUENCE = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[\s\S]*?(?:\x07|\x1b\\|\x9c|$)/g;
const CSI_SEQUENCE = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?/g;
const OTHER_ESCAPE = /\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
// Line breaks and tabs become spaces (a field is one cell, one line); other controls go.
const LINE_BREAKS = /[\t\n\v\f\r\x85\u2028\u2029]+/g;
const CONTROLS = /[\x00-\x1f\x7f-\x9f]/g;
// Bidi embeddings, overrides, isolates and marks can make text read differently from its bytes.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Printable text only: no control characters, escape sequences or bidi controls; one line. */
export function terminalSafe(text: string): string {
  return String(text)
    .replace(STRING_SEQUENCE, '')
    .replace(CSI_SEQUENCE, '')
    .replace(OTHER_ESCAPE, '')
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI, '');
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and quoted attribute values (also strips controls). */
export function escapeHtml(text: string): string {
  return terminalSafe(text).replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]);
}

// GitHub-flavoured Markdown: `|` ends a cell; emphasis, code, links and raw HTML are markup.
// `<`, `>` and `&` become entities (raw HTML such as <img> renders in job summaries), the rest
// take a backslash. Autolinks stay: a URL in a reason is text worth clicking, not markup.
const MARKDOWN_SPECIAL = /[\\`*_[\]|~#!]/g;

// An `@name` (or `@org/team`) at the start of a word mentions and notifies that person wherever
// GitHub renders the Markdown (a job summary, a comment): a zero-width space after the `@` keeps
// the text and sends no notification. An e-mail address (`@` inside a word) is not a mention.
const MENTION = /(^|[^A-Za-z0-9_])@(?=[A-Za-z0-9])/g;

/** Text for one GitHub-flavoured Markdown table cell. */
export function markdownCell(text: string): string {
  return terminalSafe(text)
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`)
    .replace(MENTION, '$1@&#8203;');
}

/**
 * A spreadsheet reads a cell starting with = + - @ (or tab/CR, which some strip first) as a
 * formula; a leading apostrophe makes it text (OWASP "CSV injection").
 */
export function csvSafe(text: string): string {
  const s = String(text);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

// XML 1.0 allows #x9 #xA #xD, #x20–#xD7FF, #xE000–#xFFFD and the astral planes; anything else
// (other controls, lone surrogates, U+FFFE/U+FFFF) makes the document ill-formed.
const XML_INVALID = /[^\t\n\r\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text content of an XML element (escape sequences and invalid characters removed). */
export function xmlText(text: string): string {
  return String(text)
    .replace(STRING_SEQUENCE, '')
    .replace(CSI_SEQUENCE, '')
    .replace(OTHER_ESCAPE, '')
    .replace(/\r\n?/g, '\n')
    .replace(XML_INVALID, '')
    .replace(/[\x7f-\x9f]/g, '') // valid but discouraged in XML 1.0, and meaningless in a report
    .replace(BIDI, '')
    .replace(/[&<>]/g, (ch) => HTML_ENTITIES[ch]);
}

/** A double- or single-quoted XML attribute value; line breaks kept as character references. */
export function xmlAttr(text: string): string {
  return xmlText(text)
    .replace(/["']/g, (ch) => HTML_ENTITIES[ch])
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
