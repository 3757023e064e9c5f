// Defects in what the rules measure, one small fixture each (test/fixtures/defects/), run through
// the real command line on the built-in policy with min_sample 1. Each failed before its fix.

import { describe, expect, it } from 'vitest';
import { auditFile, counts, ruleOf } from '../golden/golden.js';

const DEFECTS = 'test/fixtures/defects/';
const POLICY = `${DEFECTS}policy.yaml`;
const run = (file: string, asOf: string) => auditFile(DEFECTS + file, asOf, POLICY);

describe('exclude tags take a ticket out of everything a rule computes', () => {
  it('a spam wave does not decide the peak hours (spam-peak.csv)', () => {
    // 42 busy hours (Mon 00–23, Tue 00–17) with 2 good ratings each = 84; Wed 10:00 has one bad
    // rating and 3 spam tickets. Counting the spam, Wed 10:00 had volume 4 and took a peak place
    // from Tue 17:00 (ties go to the earlier hour): peak CSAT 82/83. Without it, the 42 busy
    // hours are the peak: 84 of 84 good; off-peak is the bad rating alone (0 %). Peak is the
    // better side, so the gap check holds: pass.
    const r = ruleOf(run('spam-peak.csv', '2024-03-06T12:00:00Z'), 'peak-friendliness');
    expect(counts(r)).toEqual({ status: 'pass', eligible: 84, met: 84, breached: 0, pending: 0, excluded: 0 });
    expect(r.note).toContain('peak CSAT 100 % vs off-peak 0 %');
  });

  it('excluded counts only tickets the rule would otherwise have judged (refund-spam.csv)', () => {
    // f1: approved, refunded after 2 d: met. s1–s3: spam e-mails, no return at all: refund-speed
    // would never judge them, so they are no exclusion of its. f2: an approved return tagged spam:
    // the one ticket excluded, under its tag.
    const r = ruleOf(run('refund-spam.csv', '2024-03-10T00:00:00Z'), 'refund-speed');
    expect(counts(r)).toEqual({ status: 'pass', eligible: 1, met: 1, breached: 0, pending: 0, excluded: 1 });
    expect(r.excluded_reasons).toEqual({ 'tag:spam': 1 });
  });
});
