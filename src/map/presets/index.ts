// Every built-in preset, in detection priority order: when two presets score the same on a
// header, the earlier one wins. Adding a vendor is adding a file and one line here.

import type { PresetSpec } from '../preset.js';
import { canonicalMessages } from './canonical-messages.js';
import { canonical } from './canonical.js';
import { customerSupportDataset } from './customer-support-dataset.js';
import { freshdesk } from './freshdesk.js';
import { gorgias } from './gorgias.js';
import { helpscout } from './helpscout.js';
import { intercom } from './intercom.js';
import { jira } from './jira.js';
import { livechat } from './livechat.js';
import { messages } from './messages.js';
import { twitter } from './twitter.js';
import { zendeskExplore } from './zendesk-explore.js';
import { zendesk } from './zendesk.js';
import { zohoDesk } from './zoho-desk.js';

export const PRESETS: PresetSpec[] = [
  canonical,
  canonicalMessages,
  zendesk,
  zendeskExplore,
  freshdesk,
  jira,
  helpscout,
  intercom,
  gorgias,
  zohoDesk,
  livechat,
  customerSupportDataset,
  twitter,
  messages,
];

const BY_ID = new Map(PRESETS.map((p) => [p.id, p]));

export function presetById(id: string): PresetSpec | undefined {
  return BY_ID.get(id);
}
