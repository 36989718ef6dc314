import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanPaymentFraud } from '../../../app/payments-fraud/index.ts';
import { proposeRefund } from '../../../app/payments-fraud/propose-refund.ts';
import { insertPayments } from '../../../db/testing/insert-payments.ts';
import { TODAY } from '../../testing/api-setup.ts';
import { launchBrowser, screenshot, signIn, startWebServer } from '../testing/browser.ts';
import { XSS } from '../testing/april-ledger.ts';

const ADA_IBAN = 'GB29NWBK60161331926819';
const MULE = 'DE89370400440532013000';

describe('payment-fraud alerts and a flagged refund in the console, in a real browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let proposalId: number;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
    // Ada (A1) overpaid from her IBAN; someone whose name and remittance are markup paid A1 from another IBAN.
    insertPayments(server.store, 't', [
      { accountId: 'A1', payerName: 'Ada Lovelace', payerIban: ADA_IBAN, amount: '70.00', unallocated: '40.00', bookingDate: '2025-03-20' },
      { accountId: 'A1', payerName: XSS, payerIban: 'GB82WEST12345698765432', remittance: XSS, bookingDate: '2025-03-25' },
    ]);
    scanPaymentFraud(server.store, 't', { today: TODAY });
    proposalId = proposeRefund(server.store, { tenant: 't', userId: 'dan', kind: 'analyst' }, { accountId: 'A1', iban: MULE, holderName: 'Max Payne', reason: 'new bank details', today: TODAY })
      .proposal.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the payment detectors, shows the evidence with markup as text, and shows the approver why a refund is flagged', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, server.users.alice.token, '/alerts');
    const rows = page.locator('table.alerts tbody tr');
    await expect(rows.count(), (await page.locator('#main').textContent()) ?? '').resolves.toBe(2);
    await expect(page.locator('#main').textContent()).resolves.toContain('Payer name mismatch');
    await expect(page.locator('#main').textContent()).resolves.toContain('Refund destination');
    await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
    await page.getByRole('link', { name: /^Payer name mismatch #\d+$/ }).click();
    await page.waitForURL('**/alerts/*');
    await expect(page.getByLabel('Statistics').textContent()).resolves.toContain(XSS); // the remittance and the name, as text
    await expect(page.locator('#main').textContent()).resolves.toContain('by the payment-fraud scan');
    await expect(page.evaluate(() => (globalThis as { __xss?: number }).__xss)).resolves.toBeUndefined();
    await screenshot(page, 'payment-alert');

    await page.goto(`${server.url}/approvals/${proposalId}`);
    const main = page.locator('#main');
    await expect(main.textContent()).resolves.toContain('FLAGGED (critical): this IBAN never paid the account');
    await expect(page.getByLabel('Why the destination is flagged').textContent()).resolves.toMatch(/overpayment of 40.00 GBP on 2025-03-20/);
    await screenshot(page, 'refund-flagged');
    await context.close();
  });
});
