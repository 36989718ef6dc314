import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPromises } from '../../../db/promise-store.ts';
import { launchBrowser, screenshot, signIn, startWebServer } from '../testing/browser.ts';
import { XSS } from '../testing/april-ledger.ts';

describe('collections in the console, in a real browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startWebServer>>;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows an account's risk and ladder, records a promise as the signed-in person, and lists it with its note as text", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, server.users.dan.token, '/collections');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('No promise to pay recorded');
    await page.getByLabel('Account id').fill('A1');
    await page.getByRole('button', { name: 'Show risk and ladder' }).click();
    await page.waitForURL('**/collections?account=A1');
    await expect(page.locator('#ladder-h').textContent()).resolves.toMatch(/A1: (low|medium|high) risk score 0\.\d+/);
    await expect(page.getByLabel('Ladder').textContent()).resolves.toContain('Reminders by');

    await page.getByLabel('Amount promised').fill('10.00');
    await page.getByLabel('Paid by').fill('2099-01-31');
    await page.getByLabel('Note (what the customer said)').fill(XSS);
    await page.getByRole('button', { name: 'Record the promise' }).click();
    await page.waitForURL('**/collections?account=A1&recorded=*');
    await expect(page.getByRole('status').first().textContent()).resolves.toMatch(/Promise \d+ recorded/);
    await expect(page.getByLabel('Ladder').textContent()).resolves.toMatch(/Paused.*promise \d+ to pay 10\.00 GBP by 2099-01-31 is open/);
    const row = page.locator('table.promises tbody tr');
    await expect(row.count()).resolves.toBe(1);
    await expect(row.first().textContent()).resolves.toContain(XSS); // the note is shown as text
    await expect(page.evaluate('typeof window.__xss')).resolves.toBe('undefined');
    expect(listPromises(server.store, 't').map((p) => [p.accountId, p.amount, p.recordedBy])).toEqual([['A1', '10.00', 'dan']]);
    await screenshot(page, 'collections');

    // A second open promise for the same account is refused, in words.
    await page.getByLabel('Amount promised').fill('5.00');
    await page.getByLabel('Paid by').fill('2099-02-28');
    await page.getByRole('button', { name: 'Record the promise' }).click();
    await expect(page.locator('#main').textContent()).resolves.toContain('already has an open promise');
    await context.close();
  });
});
