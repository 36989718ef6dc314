import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, runOperation, systemClock, userActor } from '../../../app/index.ts';
import { createPortalLink, showCurrentPeriod } from '../../../app/portal/index.ts';
import { BILLING_CDRS, ingestAndRate } from '../../../cli/commands/testing/billing-setup.ts';
import { createPortalLink as saveLinkRow, portalSigningKey } from '../../../db/index.ts';
import { signPortalLink } from '../../../tools/portal/index.ts';
import { importPayments } from '../../../app/payments/index.ts';
import { rf, statementOf, tx } from '../../../app/payments/testing/billed-ledger.ts';
import { TODAY } from '../../testing/api-setup.ts';
import { renameCustomer } from '../testing/april-ledger.ts';
import { launchBrowser, screenshot, startWebServer } from '../testing/browser.ts';

const XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';

describe('the customer portal in a real browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startWebServer>>;
  /** A signed link for an account, made by alice through the operation, as the customer receives it. */
  const linkFor = (accountId = 'A1') => runOperation(createPortalLink, createContext({ store: server.store, actor: userActor(server.users.alice.user), clock: systemClock(TODAY) }), { accountId });
  /** A browser (phone-sized) that opened A1's link: on /portal, signed in by the link. */
  async function openedPortal(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 414, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${(await linkFor()).path}`);
    return { context, page };
  }
  const xssValue = (page: Page) => page.evaluate('typeof window.__xss');

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
    // The account holder's name is the attacker's: it must show as text everywhere.
    const { customer_id } = server.store.sqlite.prepare("SELECT customer_id FROM accounts WHERE id = 'A1'").get() as { customer_id: string };
    renameCustomer(server.store, customer_id, `Ada ${XSS}`);
    // April so far: 14 minutes of calls against 10 included, and two texts.
    await ingestAndRate(server.store, [
      BILLING_CDRS[0]!,
      'p1,voice,outbound,447700900123,,,,+447812345678,2025-04-02T10:00:00Z,480,answered,,',
      'p2,voice,outbound,447700900123,,,,+447812345678,2025-04-03T10:00:00Z,360,answered,,',
      'p3,sms,outbound,447700900123,,,,+447812345678,2025-04-03T11:00:00Z,,,1,',
      'p4,sms,outbound,447700900123,,,,+447812345678,2025-04-04T11:00:00Z,,,1,',
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens with a link into its one account: the token leaves the address bar, the cookie is HttpOnly on /portal', async () => {
    const { context, page } = await openedPortal();
    expect(new URL(page.url()).pathname).toBe('/portal');
    expect(new URL(page.url()).search).toBe('');
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'sb_portal', path: '/portal', httpOnly: true, sameSite: 'Strict' });
    await expect(page.evaluate('document.cookie')).resolves.toBe('');
    // The name with markup is shown as its characters, and nothing of it ran.
    await expect(page.locator('h1').textContent()).resolves.toBe(`Hello, Ada ${XSS}`);
    await expect(xssValue(page)).resolves.toBe('undefined');
    // The period so far as portal.current-period gives it: minutes used up, the rest charged, the forecast to the period end.
    const period = await runOperation(showCurrentPeriod, createContext({ store: server.store, actor: userActor(server.users.cora.user), clock: systemClock(TODAY) }), {});
    expect(period.usageCharges).not.toBe('0.00');
    await expect(page.locator('meter').count()).resolves.toBe(3);
    await expect(page.locator('meter').first().getAttribute('value')).resolves.toBe('10.00');
    await expect(page.locator('[data-live="L1-UK_MIN-left"]').textContent()).resolves.toBe('0.00 min left');
    await expect(page.locator('[data-live="L1-SMS_100-used"]').textContent()).resolves.toBe('2.00 SMS');
    await expect(page.locator('[data-live="usage-charges"]').textContent()).resolves.toBe(`£${period.usageCharges}`);
    await expect(page.locator('[data-live="projected-charges"]').textContent()).resolves.toBe(`£${period.projectedUsageCharges}`);
    await expect(page.getByText('forecast to 2025-04-30').isVisible()).resolves.toBe(true);
    // 14 of 10 minutes by the 5th: the forecast warns of the minutes going over, with their expected extra charge.
    await expect(page.locator('[data-forecast="L1-UK_MIN"]').textContent()).resolves.toMatch(
      /^Minutes on 447700900123: heading for about \d+\.\d\d min of 10\.00 by 2025-04-30, an expected £\d+\.\d\d extra/,
    );
    // The refresh asks the server again and sets the same figures as text.
    const live = (await page.evaluate("fetch('/portal/live', { headers: { accept: 'application/json' } }).then((r) => r.json())")) as { fields: Record<string, string> };
    expect(live.fields['usage-charges']).toBe(`£${period.usageCharges}`);
    await expect(page.locator('#bill').locator('..').textContent()).resolves.toContain('INV-000001');
    // No console navigation, and nothing of A2.
    await expect(page.locator('nav a').allTextContents()).resolves.toEqual(['Home', 'Usage', 'Invoices', 'Payments', 'Plans', 'Help']);
    await screenshot(page, 'portal-home');
    await page.getByRole('link', { name: 'Invoices' }).click();
    const rows = await page.locator('tbody tr').allTextContents();
    expect(rows.length).toBe(1);
    expect(rows[0]).toContain('INV-000001');
    expect(await page.content()).not.toContain('INV-000002');
    await screenshot(page, 'portal-invoices');
    await page.getByRole('link', { name: 'INV-000001', exact: true }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Bill INV-000001');
    await expect(page.locator('.explain').textContent()).resolves.toContain('This bill covers 2025-03-01 to 2025-03-31: £10.29 before tax, plus £2.06 tax, makes £12.35.');
    await screenshot(page, 'portal-invoice');
    // The PDF downloads, and is one.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('INV-000001.pdf');
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-8).toString('latin1')).toContain('%%EOF');
    await context.close();
  });

  it("refuses another account's invoice, its PDF and the console", async () => {
    const { context, page } = await openedPortal();
    for (const path of ['/portal/invoices/INV-000002', '/portal/invoices/INV-000002/pdf']) {
      const res = await page.goto(`${server.url}${path}`);
      expect(res?.status(), path).toBe(404);
      await expect(page.locator('h1').textContent()).resolves.toBe('Not found');
    }
    // The portal's cookie is not the console's: the console asks to sign in.
    await page.goto(`${server.url}/`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await context.close();
  });

  it('refuses a forged and an expired link with a plain page and no session', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const link = await linkFor();
    // One character of the signature changed (not the last: its 2 low bits are padding).
    const at = link.token.length - 20;
    const forged = `${link.token.slice(0, at)}${link.token[at] === 'A' ? 'B' : 'A'}${link.token.slice(at + 1)}`;
    const res = await page.goto(`${server.url}/portal/open?link=${encodeURIComponent(forged)}`);
    expect(res?.status()).toBe(401);
    await expect(page.locator('h1').textContent()).resolves.toBe('This link does not open the portal');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('signature');
    await screenshot(page, 'portal-refused');
    // A link whose time is up (stored with an expiry an hour ago, signed with the tenant's key).
    const past = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
    const row = saveLinkRow(server.store, { tenant: 't', accountId: 'A1', createdBy: 'alice', expiresAt: past, now: new Date(past.getTime() - 3_600_000) });
    const expired = await page.goto(`${server.url}/portal/open?link=${encodeURIComponent(signPortalLink(portalSigningKey(server.store, 't'), { id: row.id, expiresAt: past }))}`);
    expect(expired?.status()).toBe(401);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('expired');
    expect(await context.cookies()).toEqual([]);
    await page.goto(`${server.url}/portal`);
    expect(new URL(page.url()).pathname).toBe('/portal/sign-in');
    await context.close();
  });

  it('shows plan advice from the exact what-if', async () => {
    const { context, page } = await openedPortal();
    await page.getByRole('link', { name: 'Plans' }).click();
    const advice = await page.locator('.plan-advice li').allTextContents();
    expect(advice).toEqual(['On Unlimited 20 you would have paid £20.99 in 2025-03: £10.70 more', 'On Business 31 you would have paid £31.99 in 2025-03: £21.70 more']);
    await screenshot(page, 'portal-plans');
    await context.close();
  });

  it('answers a chat question about their own bill, streamed, opens a case for a dispute, and keeps a hostile message as text', async () => {
    const { context, page } = await openedPortal();
    await page.getByRole('link', { name: 'Help' }).click();
    const ask = async (text: string) => {
      const before = await page.locator('.chat-assistant').count();
      await page.getByLabel('Your question').fill(text);
      await page.getByRole('button', { name: 'Send' }).click();
      await page.locator('#chat-form[data-done]').waitFor();
      // Waited for with locators: a string predicate that must be polled is eval'd, which the page's CSP refuses.
      await page.locator('.chat-assistant').nth(before).waitFor();
      await page.locator('#chat-form button:enabled').waitFor();
      return (await page.locator('.chat-assistant .chat-text').last().textContent()) ?? '';
    };
    expect(await ask('Why is my bill INV-000001 what it is?')).toContain('12.35');
    expect(await ask(`I dispute the calls to mobiles on INV-000001 ${XSS}`)).toContain('case');
    await expect(page.getByRole('status').last().textContent()).resolves.toMatch(/^An analyst will look at it \(case \d+\)\.$/);
    await expect(xssValue(page)).resolves.toBe('undefined');
    // Reloaded, the thread comes back from the server the same way: text, and the case confirmed.
    await page.reload();
    await expect(page.locator('.chat-user .chat-text').last().textContent()).resolves.toBe(`I dispute the calls to mobiles on INV-000001 ${XSS}`);
    await expect(page.locator('.notice-ok').last().textContent()).resolves.toMatch(/case \d+/);
    await expect(page.locator('.chat-text img, .chat-text script').count()).resolves.toBe(0);
    await expect(xssValue(page)).resolves.toBe('undefined');
    await screenshot(page, 'portal-chat');
    await context.close();
  });

  it('signs a customer in with her token and out again; a staff token is told to use a portal link', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/portal/sign-in`);
    await page.getByLabel('API token').fill(server.users.alice.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('portal link');
    expect(await context.cookies()).toEqual([]);
    await page.getByLabel('API token').fill(server.users.cora.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(new URL(page.url()).pathname).toBe('/portal');
    await expect(page.locator('.who .user').textContent()).resolves.toBe(`Ada ${XSS}`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Signed out');
    await page.goto(`${server.url}/portal/invoices`);
    expect(new URL(page.url()).pathname).toBe('/portal/sign-in');
    await context.close();
  });

  it('shows her payments and balance: before the bank statement nothing paid, after it what the payment settled and the credit left over', async () => {
    const { context, page } = await openedPortal();
    await page.getByRole('link', { name: 'Payments' }).click();
    await page.waitForURL('**/portal/payments');
    await expect(page.locator('#main').textContent()).resolves.toContain('No payment received yet.');
    await expect(page.locator('[data-figure="open"]').textContent()).resolves.toBe('£12.35');
    await expect(page.locator('[data-figure="credit"]').textContent()).resolves.toBe('£0.00');
    // A1 pays 20.00 for INV-000001 (12.35): 7.65 becomes credit; A2's payment is not hers to see.
    const r = importPayments(server.store, 't', {
      content: statementOf('S9', [[tx('P1', '20.00', { creditorReference: rf('INV-000001'), payerName: 'Ada Lovelace' })], [tx('P2', '5.00', { creditorReference: rf('INV-000002') })]]),
      by: 'alice',
      today: '2025-04-11',
    });
    expect(r).toMatchObject({ read: 2, matched: 1, partlyMatched: 1 });
    await page.reload();
    const rows = page.locator('table.portal-payments tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toBe('2025-04-10£20.00INV-000001 (£12.35); £7.65 to credit');
    await expect(page.locator('[data-figure="open"]').textContent()).resolves.toBe('£0.00');
    await expect(page.locator('[data-figure="overdue"]').textContent()).resolves.toBe('£0.00');
    await expect(page.locator('[data-figure="credit"]').textContent()).resolves.toBe('£7.65');
    await expect(page.locator('#main').textContent()).resolves.not.toContain('INV-000002');
    await screenshot(page, 'portal-payments');
    await rows.first().getByRole('link', { name: 'INV-000001' }).click();
    await page.waitForURL('**/portal/invoices/INV-000001');
    await context.close();
  });
});
