import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLineBars, saveFraudDetection } from '../../../db/index.ts';
import { createFraudStage, defaultFraudThresholds } from '../../../tools/fraud/index.ts';
import { irsfBurst } from '../../../tools/fraud/testing/fraud-events.ts';
import { launchBrowser, screenshot, signIn, startWebServer } from '../testing/browser.ts';
import { XSS } from '../testing/april-ledger.ts';

describe('fraud alerts in the console, in a real browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let ids: number[];
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
    const stage = createFraudStage(defaultFraudThresholds(), { timezone: 'UTC' });
    // A critical burst on a line, and a warning on a "line" whose name is markup (text from a switch is data).
    for (const e of [...irsfBurst('447400100001', Date.parse('2025-03-10T01:00:00Z'), 14), ...irsfBurst(XSS, Date.parse('2025-03-12T15:00:00Z'), 6)]) stage.observe({ ...e, cost: '1.00' });
    ids = saveFraudDetection(server.store, 't', { ...stage.finish(() => null), source: 'ingest', batchId: 1 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists alerts, shows one with its evidence, confirms it with a bar proposal that waits for a second person, and dismisses another', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, server.users.alice.token, '/alerts');
    const rows = page.locator('table.alerts tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.first().textContent()).resolves.toContain(XSS); // shown as text
    await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
    await screenshot(page, 'alerts');

    await page.getByRole('link', { name: `IRSF #${ids[0]}` }).click();
    await page.waitForURL(`**/alerts/${ids[0]}`);
    await expect(page.getByRole('definition').filter({ hasText: '447400100001' }).count()).resolves.toBeGreaterThan(0);
    const statistics = page.getByLabel('Statistics');
    await expect(statistics.textContent()).resolves.toContain('peak in window');
    await expect(page.getByLabel('Threshold').textContent()).resolves.toContain('critical calls12');
    await expect(page.locator('ul.alert-events li').count()).resolves.toBe(14);
    await screenshot(page, 'alert');
    await page.getByLabel('Reason (who checked what)').fill('the customer was asleep; calls to a satellite range');
    await page.getByLabel('Propose barring line 447400100001 (another person approves)').check();
    await page.getByRole('button', { name: 'Confirm: it is fraud' }).click();
    await page.waitForURL(`**/alerts/${ids[0]}?decided=1`);
    await expect(page.getByRole('status').first().textContent()).resolves.toMatch(/confirmed; proposal \d+ to bar the line waits for approval/);
    await page.getByRole('link', { name: /^proposal \d+$/ }).click();
    await page.waitForURL('**/approvals/*');
    await expect(page.locator('#main').textContent()).resolves.toContain('records the line as barred');
    expect(listLineBars(server.store, 't')).toEqual([]); // a proposal until another person approves

    await page.goto(`${server.url}/alerts/${ids[1]}`);
    await expect(page.evaluate('typeof window.__xss')).resolves.toBe('undefined'); // the markup in the line's name never ran
    await page.getByLabel('Reason (who checked what)').fill('a test campaign');
    await page.getByRole('button', { name: 'Dismiss: not fraud' }).click();
    await page.waitForURL(`**/alerts/${ids[1]}?decided=1`);
    await expect(page.locator('#main').textContent()).resolves.toContain('dismissed by alice');
    await page.goto(`${server.url}/alerts?status=open`);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('No alert is open');
    await context.close();
  });
});
