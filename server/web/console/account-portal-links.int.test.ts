import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn, startWebServer } from '../testing/browser.ts';

describe('portal links from the account page, in a real browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startWebServer>>;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an analyst makes a link that opens A1’s portal in another browser, then revokes it: the link and its session stop working', async () => {
    const staff = await browser.newContext();
    const page = await staff.newPage();
    page.on('dialog', (d) => void d.accept());
    await signIn(page, server.url, server.users.alice.token, '/accounts/A1');
    await expect(page.locator('#portal-links-section').textContent()).resolves.toContain('No portal link has been made');
    await page.getByLabel('Open for').selectOption('4');
    await page.getByRole('button', { name: 'Make a portal link' }).click();
    const url = await page.getByLabel('Send this address to the customer (shown once)').inputValue();
    expect(url).toMatch(new RegExp(`^${server.url}/portal/open\\?link=1\\.\\d+\\.[\\w-]+$`));
    await screenshot(page, 'account-portal-link');

    const customer = await browser.newContext();
    const portal = await customer.newPage();
    await portal.goto(url);
    expect(new URL(portal.url()).pathname).toBe('/portal');
    await expect(portal.locator('body').textContent()).resolves.toContain('A1');

    await page.goto(`${server.url}/accounts/A1`);
    const row = page.locator('table.portal-links tbody tr');
    await expect(row.textContent()).resolves.toContain('alice');
    await page.getByRole('button', { name: 'Revoke link 1' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Portal link 1 revoked');
    await expect(row.locator('.badge').textContent()).resolves.toBe('revoked');

    // The customer's open session has ended, and the link no longer opens a new one.
    await portal.goto(`${server.url}/portal`);
    expect(new URL(portal.url()).pathname).not.toBe('/portal');
    const again = await portal.goto(url);
    expect(again?.status()).toBe(401);
    await staff.close();
    await customer.close();
  });

  it('never revokes another account’s link from this account’s page', async () => {
    const staff = await browser.newContext();
    const page = await staff.newPage();
    await signIn(page, server.url, server.users.alice.token, '/accounts/A2');
    await page.getByRole('button', { name: 'Make a portal link' }).click();
    const csrf = await page.locator('meta[name="csrf-token"]').getAttribute('content');
    const status = await page.evaluate(
      `fetch('/accounts/A1/portal-links/2/revoke', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '_csrf=${csrf}' }).then((r) => r.status)`,
    );
    expect(status).toBe(404);
    await page.goto(`${server.url}/accounts/A2`);
    await expect(page.locator('table.portal-links tbody tr .badge').first().textContent()).resolves.toBe('active');
    await staff.close();
  });
});
