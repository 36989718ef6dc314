import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPayments } from '../../../app/payments/index.ts';
import { rf, statementOf, tx } from '../../../app/payments/testing/billed-ledger.ts';
import { getInvoice } from '../../../db/invoice-store.ts';
import { paidByInvoice } from '../../../db/payment-store.ts';
import { launchBrowser, screenshot, signIn, startWebServer } from '../testing/browser.ts';

const HOSTILE = '<script>window.__xss=1</script><img src="x" onerror="window.__xss=2">';

describe('unmatched payments in the console, in a real browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startWebServer>>;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
    // One entry matched by its reference, two that no rule places (one with markup in its remittance text).
    const r = importPayments(server.store, 't', {
      content: statementOf('S1', [
        [tx('R1', '5.00', { creditorReference: rf('INV-000002'), payerName: 'Babbage Engines Ltd' })],
        [tx('R2', '12.35', { payerName: 'A. Lovelace (mother)', payerIban: 'GB33BUKB20201555555555', remittance: 'for my daughter' })],
        [tx('R3', '3.00', { payerName: 'Mallory', remittance: HOSTILE })],
      ]),
      by: 'alice',
      today: '2025-04-11',
    });
    expect(r).toMatchObject({ read: 3, matched: 0, partlyMatched: 1, unmatched: 2 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the unmatched entries as text, matches one by hand through the form, and it leaves the list with the invoice paid', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, server.users.alice.token, '/payments');
    const rows = page.locator('table.unmatched-payments tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    const first = await rows.first().textContent();
    expect(first).toContain('2025-04-10');
    expect(first).toContain('A. Lovelace (mother)');
    expect(first).toContain('GB33BUKB20201555555555');
    expect(first).toContain('for my daughter');
    expect(first).toContain('12.35');
    await expect(rows.nth(1).locator('td.remittance').textContent()).resolves.toBe(HOSTILE); // shown as text
    await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
    await expect(page.evaluate('typeof window.__xss')).resolves.toBe('undefined');
    await screenshot(page, 'payments');

    const ada = rows.first();
    const id = await ada.getAttribute('data-payment');
    // A wrong invoice comes back as the outcome, and the entry stays unmatched.
    await ada.getByLabel('Account').fill('A1');
    await ada.getByLabel('Invoices (optional)').fill('INV-000002');
    await ada.getByRole('button', { name: `Match payment ${id}` }).click();
    await page.waitForURL('**/payments?error=*');
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain("INV-000002 is not A1's");
    await expect(rows.count()).resolves.toBe(2);

    await rows.first().getByLabel('Account').fill('A1');
    await rows.first().getByLabel('Invoices (optional)').fill('INV-000001');
    await rows
      .first()
      .getByRole('button', { name: `Match payment ${id}` })
      .click();
    await page.waitForURL('**/payments?matched=*');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(`Payment ${id} matched to A1: matched.`);
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('Mallory');
    expect(getInvoice(server.store, 'INV-000001').status).toBe('paid');
    expect(paidByInvoice(server.store, [1]).get(1)).toBe('12.35');

    // Posting without the session's CSRF token is refused and matches nothing.
    const other = await rows.first().getAttribute('data-payment');
    const res = await page.request.post(`${server.url}/payments/${other}/match`, { form: { accountId: 'A2' }, maxRedirects: 0 });
    expect(res.status()).toBe(403);
    await page.reload();
    await expect(rows.count()).resolves.toBe(1);
    await context.close();
  });
});
