import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestAndRate } from '../../../cli/commands/testing/billing-setup.ts';
import { proposeTalkFeeWaiver } from '../../../db/testing/ledger-fixture.ts';
import { call } from '../../testing/api-setup.ts';
import { renameCustomer } from '../testing/april-ledger.ts';
import { launchBrowser, screenshot, signIn, startWebServer } from '../testing/browser.ts';

const XSS_NAME = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';
const XSS_DEST = '<script>window.__xss=3</script>';

describe('console pages in a real browser: overview, usage, accounts', { timeout: 360_000 }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let page: Page;
  let xssEventId: number;
  const xssSeen = () => page.evaluate('typeof window.__xss');

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
    // Hostile text where customers and switches write it: a customer's name, a CDR's number and free text.
    renameCustomer(server.store, 'C2', XSS_NAME);
    await ingestAndRate(server.store, [
      'record_id,service,direction,subscriber,imsi,serving_network,visited_country,other_party,start,duration,disposition,volume,notes',
      `x1,voice,outbound,447700900456,,,,${XSS_DEST.replace(/,/g, ' ')},2025-03-21T10:00:00Z,30,answered,,"<script>window.__xss=4</script>"`,
    ]);
    xssEventId = (server.store.sqlite.prepare("SELECT id FROM usage_events WHERE source_id = 'x1'").get() as { id: number }).id;
    server.store.sqlite.prepare('UPDATE usage_events SET destination = ? WHERE id = ?').run(XSS_DEST, xssEventId);
    // One proposal waiting for a decision: the pending approvals tile must say 1.
    proposeTalkFeeWaiver(server.store, server.users.alice.user);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await signIn(page, server.url, server.users.alice.token, '/');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('overview: the tiles match the data and both charts are drawn, for the latest month with usage', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForSelector('canvas[data-drawn="true"]#revenue-by-day');
    // A chart per service in its own unit (the ledger's March has calls and a text), and the revenue line.
    expect(await page.locator('canvas[data-drawn="true"]').count()).toBe(3);
    expect(await page.locator('canvas#usage-voice[data-drawn="true"]').count()).toBe(1);
    expect(await page.locator('canvas#usage-sms[data-drawn="true"]').count()).toBe(1);
    const held = (await call({ request: (p, i) => fetch(`${server.url}${p}`, i) }, 'GET', '/api/v1/invoices?status=held', { as: server.users.alice })).body.invoices.length;
    const tile = (label: string) => page.locator('.stat', { hasText: label }).locator('.stat-value').textContent();
    expect(await tile('held invoices')).toBe(String(held));
    expect(await tile('pending approvals')).toBe('1');
    expect(await tile('open quarantine')).toBe('0');
    expect(await tile('last bill run')).toBe('2025-03');
    expect(await page.getByRole('status').first().textContent()).toContain('No usage in 2025-04 yet; showing 2025-03');
    // 0.53 + 0.35 + 0.11 + 0.10 + 0.11 of the ledger and the 30 s call added above.
    const chart = JSON.parse((await page.locator('#revenue-by-day').getAttribute('data-chart'))!);
    expect(chart.labels).toHaveLength(31);
    expect(chart.datasets[0].data[2]).toBe('0.53');
    await screenshot(page, 'overview');
    await page.getByLabel('Month').fill('2025-04');
    await page.getByRole('button', { name: 'Show month' }).click();
    await page.waitForSelector('canvas[data-drawn="true"]#revenue-by-day');
    expect(new URL(page.url()).search).toBe('?period=2025-04');
    expect(await page.locator('#main').textContent()).toContain('No usage to chart in 2025-04');
    expect(await page.getByRole('heading', { name: 'Usage, 2025-04' }).isVisible()).toBe(true);
  });

  it('usage: the filter narrows the list, and a script in a CDR is shown as text', async () => {
    await page.goto(`${server.url}/usage`);
    const rows = () => page.locator('table.usage-events tbody tr').count();
    expect(await rows()).toBe(6);
    expect(await page.locator('table.usage-events').textContent()).toContain(XSS_DEST);
    await screenshot(page, 'usage');
    await page.getByLabel('Line (number)').fill('447700900123');
    await page.getByRole('button', { name: 'Filter' }).click();
    expect(await rows()).toBe(3);
    await page.getByLabel('From (UTC day)').fill('2025-03-04');
    await page.getByRole('button', { name: 'Filter' }).click();
    expect(await rows()).toBe(2);
    await page.goto(`${server.url}/usage?accountId=A2`);
    expect(await rows()).toBe(2);
    expect(await xssSeen()).toBe('undefined');
  });

  it('usage event: the breakdown in words, the spans, links to its account and invoice', async () => {
    await page.goto(`${server.url}/usage`);
    await page.locator('table.usage-events tbody tr').last().getByRole('link').click();
    expect(new URL(page.url()).pathname).toBe('/usage/1');
    expect(await page.locator('.rating-steps').textContent()).toContain('Priced with tariff test-uk');
    expect(await page.locator('table.spans tbody tr').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'INV-000001' }).getAttribute('href')).toBe('/invoices/INV-000001');
    expect(await page.getByRole('link', { name: 'A1', exact: true }).getAttribute('href')).toBe('/accounts/A1');
    await screenshot(page, 'usage-event');
    await page.goto(`${server.url}/usage/${xssEventId}`);
    expect(await page.locator('dl.facts').textContent()).toContain(XSS_DEST);
    expect(await page.locator('table.attributes').textContent()).toContain('<script>window.__xss=4</script>');
    expect(await xssSeen()).toBe('undefined');
  });

  it("accounts: search, a customer's hostile name as text, the standing, and adding a note shows it", async () => {
    await page.goto(`${server.url}/accounts`);
    expect(await page.locator('table.accounts tbody tr').count()).toBe(2);
    expect(await page.locator('table.accounts').textContent()).toContain(XSS_NAME);
    expect(await xssSeen()).toBe('undefined');
    await screenshot(page, 'accounts');
    await page.getByLabel('Search (account, customer id or name)').fill('ada');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await page.locator('table.accounts tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'A1' }).click();
    expect(new URL(page.url()).pathname).toBe('/accounts/A1');
    expect(await page.locator('.standing-summary').textContent()).toMatch(/\S/);
    expect(await page.locator('table.standing').textContent()).toContain('Open');
    expect(await page.locator('table.account-invoices').textContent()).toContain('INV-000001');
    const note = `Called about March <b>bold</b> ${XSS_DEST}`;
    await page.getByLabel('Add a note').fill(note);
    await page.getByRole('button', { name: 'Add note' }).click();
    expect(new URL(page.url()).pathname).toBe('/accounts/A1');
    expect(await page.getByRole('status').filter({ hasText: 'Note added.' }).count()).toBe(1);
    expect(await page.locator('.note-body').textContent()).toBe(note);
    expect(await page.locator('.note .hint').textContent()).toContain('alice');
    expect(await xssSeen()).toBe('undefined');
    await screenshot(page, 'account');
    await page.goto(`${server.url}/accounts/A2`);
    expect(await page.locator('.customer-name').textContent()).toBe(XSS_NAME);
    expect(await xssSeen()).toBe('undefined');
  });

  it('refuses a note without the CSRF token, and an approver reads notes but cannot add one', async () => {
    const post = (csrf: string) =>
      `fetch('/accounts/A1/notes', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'body=forged&_csrf=' + encodeURIComponent(${csrf}) }).then((r) => r.status)`;
    await page.goto(`${server.url}/accounts/A1`);
    expect(await page.evaluate(post("'wrong'"))).toBe(403);
    const bob = await browser.newContext();
    const bobPage = await bob.newPage();
    await signIn(bobPage, server.url, server.users.bob.token, '/accounts/A1');
    expect(new URL(bobPage.url()).pathname).toBe('/accounts/A1');
    expect(await bobPage.locator('.note-body').count()).toBe(1);
    expect(await bobPage.getByLabel('Add a note').count()).toBe(0);
    expect(await bobPage.evaluate(post("document.querySelector('meta[name=csrf-token]').content"))).toBe(403);
    await bob.close();
    expect(server.store.sqlite.prepare('SELECT author, body FROM account_notes').all()).toEqual([{ author: 'alice', body: expect.stringContaining('Called about March') }]);
  });
});
