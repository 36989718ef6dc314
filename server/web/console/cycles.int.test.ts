import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn, startWebServer } from '../testing/browser.ts';

describe('billing cycles in the console, in a real browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startWebServer>>;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs a cycle from the form and shows its report; running it again creates nothing and counts the run; an open period is refused plainly', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, server.users.alice.token, '/cycles');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('No billing cycle has run yet');
    await page.getByLabel('Period (YYYY-MM)').fill('2025-03');
    await page.getByRole('button', { name: 'Run the cycle' }).click();
    await page.waitForURL('**/cycles/2025-03');
    const steps = page.locator('table.cycle-steps tbody tr');
    await expect(steps.count()).resolves.toBe(7);
    // The ledger's March is already billed: the cycle finds both invoices there, and a clean cycle calls no model.
    await expect(steps.filter({ hasText: 'Bill (shards)' }).textContent()).resolves.toContain('already present 2');
    await expect(page.locator('#main').textContent()).resolves.toContain('0 model calls');
    await screenshot(page, 'cycle');
    await page.goto(`${server.url}/cycles`);
    await page.getByLabel('Period (YYYY-MM)').fill('2025-03');
    await page.getByRole('button', { name: 'Run the cycle' }).click();
    await page.waitForURL('**/cycles/2025-03');
    await expect(page.locator('#main').textContent()).resolves.toContain('2 runs');
    await page.goto(`${server.url}/cycles`);
    await expect(page.locator('table.cycles tbody tr').count()).resolves.toBe(1);
    await screenshot(page, 'cycles');
    // April is still open on the server's day (2025-04-05): refused with the reason, and the attempt is listed as failed.
    await page.getByLabel('Period (YYYY-MM)').fill('2025-04');
    await page.getByRole('button', { name: 'Run the cycle' }).click();
    const refusal = await page.getByRole('alert').textContent();
    expect(refusal).toMatch(/2025-04/);
    await page.goto(`${server.url}/cycles`);
    const april = page.locator('table.cycles tbody tr', { hasText: '2025-04' });
    await expect(april.locator('.badge').textContent()).resolves.toBe('failed');
    await expect(page.locator('table.cycles tbody tr').count()).resolves.toBe(2);
    await context.close();
  });
});
