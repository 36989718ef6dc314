import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn, startWebServer } from '../testing/browser.ts';
import { XSS } from '../testing/april-ledger.ts';

describe('revenue assurance in the console, in a real browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startWebServer>>;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
    // The ledger's call from a number nobody has, its number now markup (text from a switch is data).
    server.store.sqlite.prepare("UPDATE usage_events SET subscriber = ? WHERE subscriber = '447700900999'").run(XSS);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the stages, that the gaps add up, and each gap with items that lead to the event or invoice', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, server.users.alice.token, '/assurance?period=2025-03');
    await expect(page.locator('table.assurance-stages tbody tr').count()).resolves.toBe(7);
    await expect(page.getByRole('status').filter({ hasText: 'gaps add up' }).textContent()).resolves.toBe('gaps add up: yes');
    const noLine = page.getByLabel('Gap no_subscription');
    await expect(noLine.textContent()).resolves.toContain('0.11 GBP');
    await expect(noLine.textContent()).resolves.toContain(XSS); // shown as text
    await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
    await expect(page.evaluate('typeof window.__xss')).resolves.toBe('undefined');
    await screenshot(page, 'assurance');

    await page.getByLabel('Gap unpaid').getByRole('link', { name: 'INV-000001' }).click();
    await page.waitForURL('**/invoices/INV-000001');
    await page.goBack();
    await noLine.getByRole('link', { name: /^event \d+$/ }).click();
    await page.waitForURL('**/usage/*');

    await page.goto(`${server.url}/assurance`);
    await expect(page.getByLabel('Billing month').inputValue()).resolves.toBe('2025-03'); // the month before the server's today, 2025-04-05
    await context.close();
  });
});
