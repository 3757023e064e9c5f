// A ticket's address in the help desk, from the policy's `ticket_url` (`…/tickets/{id}`): the id
// URL-encoded into the template, the result parsed as a URL and kept only when it is http(s).
// The policy schema refuses other templates; this checks again, since a report can come from a file.

import type { Report } from '../report.js';

export function ticketUrl(report: Pick<Report, 'policy'>, id: string): string | undefined {
  const template = report.policy.ticket_url;
  if (!template || !/^https?:\/\//i.test(template) || !template.includes('{id}')) return undefined;
  const raw = template.split('{id}').join(encodeURIComponent(id));
  if (!URL.canParse(raw)) return undefined;
  const url = new URL(raw);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

/** For a Markdown link's destination: the characters that would end it or its table cell, encoded. */
export function markdownUrl(url: string): string {
  return url.replace(/[()|<>\s]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
