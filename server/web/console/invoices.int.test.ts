import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn, startWebServer } from '../testing/browser.ts';
import { billAprilWithHeld, XSS } from '../testing/april-ledger.ts';

/** The invoice numbers (or held ids) the list shows, top to bottom. */
function listed(page: Page): Promise<string[]> {
  return page.locator('table.invoices tbody tr').evaluateAll((rows) => rows.map((r) => (r as unknown as { dataset: { invoice: string } }).dataset.invoice));
}

describe('console invoices in a real browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
    await billAprilWithHeld(server.store);
    context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    await signIn(page, server.url, server.users.alice.token, '/invoices');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('lists invoices with status badges and right-aligned totals, filtered by status, account and total', async () => {
    expect(new URL(page.url()).pathname).toBe('/invoices');
    expect(await listed(page)).toEqual(['INV-000003', '3', 'INV-000002', 'INV-000001']);
    await expect(page.locator('tr[data-invoice="INV-000001"] td.num').textContent()).resolves.toBe('£12.35');
    await expect(page.locator('tr[data-invoice="INV-000001"] .badge').textContent()).resolves.toBe('issued');
    await screenshot(page, 'invoices');

    await page.getByLabel('Status').selectOption('held');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/status=held/);
    expect(await listed(page)).toEqual(['3']);
    const held = page.locator('tr[data-invoice="3"]');
    await expect(held.locator('.badge').textContent()).resolves.toBe('held');
    await expect(held.locator('.hold-reasons').textContent()).resolves.toContain('UNRATED_USAGE');
    await screenshot(page, 'invoices-held');

    await page.goto(`${server.url}/invoices`);
    await page.getByLabel('Account').fill('A2');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/accountId=A2/);
    expect(await listed(page)).toEqual(['INV-000003', 'INV-000002']);

    // Totals: 37.20, 12.00 (held), 18.12, 12.35. Exact bounds; "9" is a number, not text ("12.00" < "9" as text).
    await page.goto(`${server.url}/invoices`);
    await page.getByLabel('Total at least').fill('12.35');
    await page.getByLabel('Total at most').fill('12.35');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/minTotal=12.35/);
    expect(await listed(page)).toEqual(['INV-000001']);
    await page.goto(`${server.url}/invoices?minTotal=12.01&maxTotal=18.11`);
    expect(await listed(page)).toEqual(['INV-000001']);
    await page.goto(`${server.url}/invoices?minTotal=9&period=2025-04`);
    expect(await listed(page)).toEqual(['INV-000003', '3']);
    // A mistyped bound is said next to the form, which keeps it.
    await page.goto(`${server.url}/invoices?minTotal=12%2C5`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('minTotal');
    await expect(page.getByLabel('Total at least').inputValue()).resolves.toBe('12,5');
  });

  it('drills down from an invoice line to its usage events and from an event to its tariff row and spans', async () => {
    await page.goto(`${server.url}/invoices/INV-000001`);
    await expect(page.getByRole('heading', { name: 'Invoice INV-000001' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.customer').textContent()).resolves.toBe('Ada Lovelace');
    await expect(page.locator('td[data-total]').textContent()).resolves.toBe('£12.35');
    // The plan line: 10.00 net, 2.00 VAT share, 12.00 in all.
    await expect(page.locator('tr[data-line="rec:L1:2025-03-01"] td.num').allTextContents()).resolves.toEqual(['1 month', '£10.00', '£10.00', '£2.00', '£12.00']);
    await screenshot(page, 'invoice');

    await page.getByRole('link', { name: /Calls to mobiles/ }).click();
    await page.waitForURL(/\/lines\//);
    await expect(page.locator('table.events tbody tr').count()).resolves.toBe(3);
    await expect(page.getByRole('link', { name: 'Event 2', exact: true }).getAttribute('href')).resolves.toBe('/usage/2');
    await page.getByRole('link', { name: 'Show tariff rows of event 2' }).click();
    await page.waitForURL(/event=2/);
    await expect(page.locator('.tariff-rows').textContent()).resolves.toContain('tariff 1: RP_CALLS/DR_CALLS/RT_MOBILE#0');
    await expect(page.locator('.tariff-rows').textContent()).resolves.toContain('a tariff row of this line');
    await expect(page.locator('table.spans tbody tr').first().textContent()).resolves.toContain('RT_MOBILE#0');
    await expect(page.locator('.rating-steps').textContent()).resolves.toContain('300 x 0.001 = 0.3');
    await screenshot(page, 'invoice-line');
  });

  it('shows the PDF in a frame, downloads it as a PDF and the UBL as XML', async () => {
    await page.goto(`${server.url}/invoices/INV-000001`);
    const frame = page.locator('iframe.pdf-view');
    await expect(frame.getAttribute('src')).resolves.toBe('/invoices/INV-000001/pdf');
    const inline = (await page.evaluate(
      `fetch('/invoices/INV-000001/pdf').then(async (r) => ({ status: r.status, type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition') }))`,
    )) as Record<string, unknown>;
    expect(inline).toEqual({ status: 200, type: 'application/pdf', disposition: 'inline; filename="INV-000001.pdf"' });
    await frame.scrollIntoViewIfNeeded();
    // Chromium's PDF viewer draws after the frame loads; the wait is for the screenshot only.
    await page.waitForTimeout(1500);
    await screenshot(page, 'invoice-pdf');

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
    expect(pdf.suggestedFilename()).toBe('INV-000001.pdf');
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    const attachment = (await page.evaluate(
      `fetch('/invoices/INV-000001/pdf?download=1').then(async (r) => ({ disposition: r.headers.get('content-disposition'), head: new TextDecoder('latin1').decode((await r.arrayBuffer()).slice(0, 5)) }))`,
    )) as Record<string, unknown>;
    expect(attachment).toEqual({ disposition: 'attachment; filename="INV-000001.pdf"', head: '%PDF-' });

    const [ubl] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download UBL' }).click()]);
    expect(ubl.suggestedFilename()).toBe('INV-000001.xml');
    const xml = readFileSync(await ubl.path(), 'utf8');
    expect(xml.startsWith('<?xml')).toBe(true);
    expect(xml).toContain('<cbc:ID>INV-000001</cbc:ID>');
    const type = await page.evaluate(`fetch('/invoices/INV-000001/ubl').then((r) => r.headers.get('content-type'))`);
    expect(type).toBe('application/xml; charset=utf-8');
  });

  it('shows a held invoice with its reasons and a customer name holding a script as plain text', async () => {
    await page.goto(`${server.url}/invoices/3`);
    await expect(page.locator('.customer').textContent()).resolves.toBe(`Ada ${XSS}`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('UNRATED_USAGE');
    // A held invoice has no number yet: no e-invoice to download.
    await expect(page.getByRole('link', { name: 'Download UBL' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: /monthly fee/ }).click();
    await page.waitForURL(/\/lines\//);
    await expect(page.locator('.customer').textContent()).resolves.toBe(`Ada ${XSS}`);
    await expect(page.evaluate('window.__xss')).resolves.toBeUndefined();
    await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
  });

  it('is not found for another tenant and sends a visitor to sign in', async () => {
    const other = await browser.newContext();
    const p = await other.newPage();
    await p.goto(`${server.url}/invoices/INV-000001`);
    expect(new URL(p.url()).pathname).toBe('/sign-in');
    await signIn(p, server.url, server.users.uma.token, '/invoices/INV-000001');
    await expect(p.getByRole('heading', { name: 'Not found' }).isVisible()).resolves.toBe(true);
    const status = await p.evaluate(`fetch('/invoices/INV-000001/pdf').then((r) => r.status)`);
    expect(status).toBe(404);
    await other.close();
  });
});
