// Opens the HTML report in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core) from disk: no console errors, no request at all beyond the file itself,
// one chart per rule, hostile text shown as text. Saves test-artifacts/report.png.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { HOSTILE_ID, sampleReport } from './fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const present = existsSync(CHROMIUM);
// CI sets REQUIRE_BROWSER=1 so a missing browser fails the run instead of skipping the test.
if (!present && process.env.REQUIRE_BROWSER === '1') throw new Error(`${CHROMIUM} is required (REQUIRE_BROWSER=1) but not installed`);

describe.skipIf(!present)(`HTML report in Chromium${present ? '' : ' (skipped: /usr/bin/chromium is not installed; apt-get install chromium)'}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders offline, without errors, with charts per rule and hostile text as text', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const report = sampleReport();
    const file = join(ARTIFACTS, 'report.html');
    writeFileSync(file, renderHtml(report, { color: false, showBreaches: 5 }));
    const url = pathToFileURL(file).href;

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    const failed: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => failed.push(r.url()));
    // A dialog would mean injected script ran.
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });

    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    expect(requests).toEqual([url]);
    expect(dialogs).toEqual([]);

    // One row per rule; every rule with data has a compliance bar, every rule a trend chart.
    expect(await page.locator('tr.rule').count()).toBe(report.rules.length);
    for (const r of report.rules) {
      const row = page.locator(`tr.rule[id="rule-${r.id}"]`);
      expect(await row.locator('svg.trend').count()).toBe(1);
      expect(await row.locator('svg.bar').count()).toBe(r.status === 'no_data' ? 0 : 1);
    }
    expect(await page.locator('svg.hist').count()).toBe(Object.keys(report.distributions!.first_response!.counts).length);

    // The hostile ticket id is text in a cell; no element was made from it.
    const cells = await page.locator('td.mono').allTextContents();
    expect(cells).toContain(HOSTILE_ID);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(0);
    const agents = await page.locator('#breaches td').allTextContents();
    expect(agents.some((t) => t.startsWith('<script>alert("agent")</script>'))).toBe(true);

    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    await page.close();
  });
});
