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
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
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

  it('draws charts on labelled axes with units', async () => {
    const report = sampleReport();
    const file = join(ARTIFACTS, 'report-axes.html');
    writeFileSync(file, renderHtml(report, { color: false, showBreaches: 5 }));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const texts = async (selector: string) => (await page.locator(selector).allTextContents()).map((t) => t.trim());
    // Every trend with data: compliance in % up the left, ending at 100 %, the first and last ISO week along the bottom.
    for (const r of report.rules.filter((x) => x.status !== 'no_data' && x.trend.some((p) => p.compliance !== null))) {
      const labels = await texts(`tr.rule[id="rule-${r.id}"] svg.trend text.axis-label`);
      expect(labels, r.id).toContain('100%');
      expect(labels.filter((t) => /^\d+%$/.test(t)).length, r.id).toBe(2);
      expect(labels.filter((t) => /^\d{4}-W\d\d$/.test(t)).length, r.id).toBeGreaterThanOrEqual(1);
      // Drawn, and inside the chart (not clipped away).
      const svg = (await page.locator(`tr.rule[id="rule-${r.id}"] svg.trend`).boundingBox())!;
      const label = (await page.locator(`tr.rule[id="rule-${r.id}"] svg.trend text.axis-label`).first().boundingBox())!;
      expect(label.width).toBeGreaterThan(0);
      expect(label.x).toBeGreaterThanOrEqual(svg.x - 0.5);
    }
    // The compliance bars: a 0–100 % axis.
    const bar = await texts('tr.rule svg.bar >> nth=0 >> text.axis-label');
    expect(bar).toEqual(['0%', '50%', '100%']);
    // The histograms: tickets up, time to first response along, each bin labelled with its duration.
    for (const title of await texts('svg.hist text.axis-title')) expect(['tickets', 'time to first response (upper edge of each bin)']).toContain(title);
    expect((await texts('svg.hist >> nth=0 >> text.hist-label'))[0]).toMatch(/^≤\d/);
    await page.close();
  });

  it('keeps a wide breakdown of 40 agents usable: sticky header and key column, the rest folded', async () => {
    const report = sampleReport();
    const ids = report.rules.map((r) => r.id);
    // 40 agents, every rule a column; agent i has i breaches of each rule among 100 eligible.
    const agents = Array.from({ length: 40 }, (_, i) => ({
      key: `Agent ${String(i).padStart(2, '0')}`,
      rules: ids.map((id) => ({ id, eligible: 100, met: 100 - i, compliance: (100 - i) / 100 })),
    }));
    report.breakdowns = { agent: agents };
    const rulesWide = Array.from({ length: 12 }, (_, k) => ({ ...report.rules[0], id: `wide-rule-number-${k}` }));
    report.rules.push(...rulesWide);
    for (const a of agents) a.rules.push(...rulesWide.map((r, k) => ({ id: r.id, eligible: 50, met: 40 + (k % 10), compliance: (40 + (k % 10)) / 50 })));
    const file = join(ARTIFACTS, 'report-wide.html');
    writeFileSync(file, renderHtml(report, { color: false, showBreaches: 5 }));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

    const wrap = page.locator('#breakdowns .table-wrap').first();
    // The top 20 agents (most breaches: 20–39) and one row for the other 20, then the 20 folded.
    const shown = await wrap.locator('td.key').allTextContents();
    expect(shown).toEqual([...Array.from({ length: 20 }, (_, i) => `Agent ${20 + i}`), '(all other agents)']);
    const details = page.locator('#breakdowns details.more-keys');
    expect(await details.count()).toBe(1);
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await details.locator('td.key').first().isVisible()).toBe(false);
    await details.locator('summary').click();
    expect(await details.locator('td.key').first().isVisible()).toBe(true);
    expect(await details.locator('td.key').allTextContents()).toEqual(Array.from({ length: 20 }, (_, i) => `Agent ${String(i).padStart(2, '0')}`));

    // Scrolled down and to the right inside its box, the header row and the key column stay in view.
    const box = (await wrap.boundingBox())!;
    expect(await wrap.evaluate((el) => el.scrollHeight > el.clientHeight && el.scrollWidth > el.clientWidth)).toBe(true);
    await wrap.evaluate((el) => {
      el.scrollTop = 300;
      el.scrollLeft = 400;
    });
    const head = (await wrap.locator('th').nth(3).boundingBox())!;
    expect(Math.abs(head.y - box.y)).toBeLessThanOrEqual(2);
    const key = (await wrap.locator('td.key').nth(10).boundingBox())!;
    expect(Math.abs(key.x - box.x)).toBeLessThanOrEqual(2);
    await page.screenshot({ path: join(ARTIFACTS, 'report-wide.png'), fullPage: true });
    await page.close();
  });
});
