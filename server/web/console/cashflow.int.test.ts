import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTenantInvoices } from '../../../db/index.ts';
import { writeAllocation, writeCredit } from '../../../db/testing/write-payment-history.ts';
import { dec, ZERO } from '../../../tools/money/index.ts';
import { launchBrowser, screenshot, signIn, startWebServer } from '../testing/browser.ts';

describe('the cash-flow page in a real browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let open = ZERO;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
    const invoices = listTenantInvoices(server.store, 't', {});
    const first = invoices[0]!;
    writeAllocation(server.store, { tenant: 't', invoiceId: first.id, accountId: first.accountId, amount: '2.00', date: '2025-04-03' });
    writeCredit(server.store, { tenant: 't', accountId: invoices[1]!.accountId, amount: '1.50', date: '2025-04-02' });
    open = invoices.reduce((s, i) => s.plus(i.total), ZERO).minus('2.00');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws one SVG bar a week and one for later or doubtful, whose figures add up to what is open less credit, and follows the horizon asked for', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, server.users.alice.token, '/');
    await page.getByRole('link', { name: 'Cash flow' }).click();
    await page.waitForURL('**/cashflow');
    const chart = page.getByRole('img', { name: 'Expected receipts per week in GBP, and what is later or doubtful' });
    await expect(chart.evaluate((el) => el.tagName.toLowerCase())).resolves.toBe('svg');
    const bars = page.locator('svg g.bar');
    await expect(bars.count()).resolves.toBe(14);
    await expect(page.locator('svg g.bar-later').count()).resolves.toBe(1);
    const amounts = await bars.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-amount') ?? ''));
    expect(amounts.reduce((s, a) => s.plus(a), ZERO).toFixed(2)).toBe(open.minus('1.50').toFixed(2));
    // The tallest bar is the largest amount, and each bar's tooltip says its figure.
    const heights = await page.locator('svg g.bar rect').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('height'))));
    const largest = amounts.reduce((m, a, i) => (dec(a).greaterThan(amounts[m]!) ? i : m), 0);
    expect(Math.max(...heights)).toBe(heights[largest]);
    await expect(bars.first().locator('title').textContent()).resolves.toMatch(/^Week 1 \(2025-04-06 to 2025-04-12\): \d+\.\d\d GBP$/);
    await expect(page.locator('table.cashflow-weeks tbody tr').count()).resolves.toBe(14);
    await expect(page.locator('.cashflow-summary').textContent()).resolves.toContain(`${open.toFixed(2)} GBP open on 2025-04-05 (1.50 of it covered by credit balances)`);
    await screenshot(page, 'cashflow');

    await page.getByLabel('Weeks ahead').selectOption('6');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL('**/cashflow?weeks=6');
    await expect(bars.count()).resolves.toBe(7);
    await expect(page.locator('table.cashflow-weeks tbody tr').count()).resolves.toBe(7);
    await context.close();
  });
});
