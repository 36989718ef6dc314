import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn, startWebServer } from './testing/browser.ts';

// Readable on a phone: at 390 px no console page is wider than the screen (wide tables scroll in
// their own card), and the navigation wraps instead of hiding pages.

const PAGES = ['/', '/chat', '/approvals', '/invoices', '/invoices/INV-000001', '/usage', '/usage/1', '/quarantine', '/accounts', '/accounts/A1', '/cycles'];

describe('the console on a phone', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startWebServer>>;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fits every page in 390 px and keeps every navigation link visible', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, server.url, server.users.alice.token);
    for (const path of PAGES) {
      const res = await page.goto(`${server.url}${path}`);
      expect([path, res?.status()]).toEqual([path, 200]);
      expect([path, await page.evaluate('document.documentElement.scrollWidth')]).toEqual([path, 390]);
      for (const link of await page.locator('header.top nav a').all()) expect(await link.isVisible()).toBe(true);
    }
    await screenshot(page, 'phone-account');
    await context.close();
  });
});
