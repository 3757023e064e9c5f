// The renderers of the audit result: one format, one file, each a pure function of the Report.

import type { HistoryEntry } from '../history.js';
import type { Report } from '../report.js';
import { renderGithub } from './github.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';

export type FormatName = 'table' | 'json' | 'markdown' | 'junit' | 'github' | 'html';

export interface RenderOptions {
  /** ANSI colours (table only); the CLI decides from TTY, NO_COLOR, FORCE_COLOR and --no-color. */
  color: boolean;
  /** Worst breaches to list per failing or warning rule; 0 lists none in the table. */
  showBreaches: number;
  /** Columns the table scorecard fits in (default 100). */
  width?: number;
  /** `--history`: the runs recorded there, oldest first, this one last (Markdown and HTML show each rule's trend). */
  history?: HistoryEntry[];
  /** The key to the table scorecard's marks, columns and trend (default: shown). */
  legend?: boolean;
}

export const RENDERERS: Record<FormatName, (report: Report, opts: RenderOptions) => string> = {
  table: renderTable,
  json: renderJson,
  markdown: renderMarkdown,
  junit: renderJunit,
  github: renderGithub,
  html: renderHtml,
};
