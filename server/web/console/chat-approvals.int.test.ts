import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProposal } from '../../../db/index.ts';
import { launchBrowser, screenshot, signIn, startWebServer } from '../testing/browser.ts';

const WAIVE = 'waive the monthly fee on invoice INV-000001, outage on 3 March';
const XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';

/** Types a message into the chat box, sends it with Enter and waits until its answer is done. */
async function ask(page: Page, message: string): Promise<void> {
  const answers = await page.locator('#transcript .msg-assistant').count();
  await page.getByLabel('Message').fill(message);
  await page.getByLabel('Message').press('Enter');
  await page.locator('#transcript .msg-assistant').nth(answers).and(page.locator('[data-state="done"]')).waitFor({ timeout: 30_000 });
}

/** Errors the page logged (a CSP violation would show here). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    // The browser's own ask for /favicon.ico is not the page's.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`${m.text()} ${m.location().url}`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

describe('chat and approvals in a real browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startWebServer>>;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('streams alice’s answer token by token and links the proposal it created; the reopened thread continues', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = consoleErrors(page);
    await signIn(page, server.url, server.users.alice.token, '/chat');
    expect(new URL(page.url()).pathname).toBe('/chat');
    await ask(page, WAIVE);
    const answer = page.locator('#transcript .msg-assistant').last();
    // chat.js counts the token frames it appended before `done` arrived.
    expect(Number(await answer.getAttribute('data-tokens'))).toBeGreaterThan(5);
    await expect(answer.locator('.msg-text').textContent()).resolves.toContain('credit note of 10.00 net + 2.00 tax = 12.00 GBP');
    await expect(answer.locator('.turn-steps').textContent()).resolves.toContain('Tools: propose_fee_waiver');
    const link = answer.getByRole('link', { name: 'Proposal 1' });
    await expect(link.getAttribute('href')).resolves.toBe('/approvals/1');
    // The address is now the thread's, so a reload reopens it.
    const threadPath = new URL(page.url()).pathname;
    expect(threadPath).toMatch(/^\/chat\/thread-/);
    await screenshot(page, 'chat');

    await page.reload();
    await expect(page.locator('#transcript .msg-user').first().textContent()).resolves.toContain(WAIVE);
    await expect(page.locator('.thread-proposals a[href="/approvals/1"]').count()).resolves.toBe(1);
    await ask(page, 'explain invoice INV-000001');
    await expect(page.locator('#transcript .msg-assistant').last().textContent()).resolves.toContain('Total 12.35 GBP');
    await page.reload();
    expect(new URL(page.url()).pathname).toBe(threadPath);
    await expect(page.locator('#transcript .msg').count()).resolves.toBe(4);
    await expect(page.locator('nav.threads li').count()).resolves.toBe(1);
    // The thread is listed by its first message.
    await expect(page.locator('nav.threads li .thread-title').textContent()).resolves.toBe(WAIVE);
    await screenshot(page, 'chat-thread');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses alice approving her own proposal with a plain message on the page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, server.users.alice.token, '/approvals/1');
    await page.getByLabel('Reason').fill('I checked it myself');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForLoadState('load');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Proposal 1');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('four eyes: alice asked for proposal 1 and cannot approve or reject it');
    expect(getProposal(server.store, 't', 1).status).toBe('pending');
    await context.close();
  });

  it('lets bob open the proposal from the queue and approve it with a reason: executed, with its credit note', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = consoleErrors(page);
    await signIn(page, server.url, server.users.bob.token, '/approvals');
    await expect(page.locator('table.approvals tbody tr').count()).resolves.toBe(1);
    await screenshot(page, 'approvals');
    await page.getByRole('link', { name: '1', exact: true }).click();
    expect(new URL(page.url()).pathname).toBe('/approvals/1');
    await expect(page.locator('.credit-preview').textContent()).resolves.toContain('-£12.00');
    await page.getByLabel('Reason').fill('outage confirmed by the network team');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL('**/approvals/1?decided=approve');
    const p = getProposal(server.store, 't', 1);
    expect(p.status).toBe('posted');
    expect(p.postingRef).toMatch(/^CN-\d+$/);
    await expect(page.locator('.badge').first().textContent()).resolves.toBe('executed');
    await expect(page.getByRole('link', { name: p.postingRef! }).getAttribute('href')).resolves.toBe(`/invoices/${p.postingRef}`);
    await expect(page.locator('#main').textContent()).resolves.toContain('outage confirmed by the network team');
    await screenshot(page, 'approval');
    // The credit note exists, as the API reads it.
    const note = await fetch(`${server.url}/api/v1/invoices/${p.postingRef}`, { headers: server.users.bob.headers });
    expect(note.status).toBe(200);
    expect(((await note.json()) as { document: { total: string; kind: string } }).document).toMatchObject({ kind: 'credit_note', total: '-12.00' });
    // And it appears on the invoice it corrects, linked.
    await page.goto(`${server.url}/invoices/INV-000001`);
    const notes = page.locator('table.notes');
    await expect(notes.getByRole('link', { name: p.postingRef! }).getAttribute('href')).resolves.toBe(`/invoices/${p.postingRef}`);
    await expect(notes.textContent()).resolves.toContain('-£12.00');
    await screenshot(page, 'invoice-credited');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows markup in a message, and the model’s echo of it, as text; no script runs', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, server.users.alice.token, '/chat');
    await ask(page, XSS);
    await expect(page.locator('#transcript .msg-user .msg-text').last().textContent()).resolves.toBe(XSS);
    await expect(page.locator('#transcript .msg-assistant .msg-text').last().textContent()).resolves.toContain(`I did not understand "${XSS}"`);
    await expect(page.locator('#transcript img, #transcript script').count()).resolves.toBe(0);
    await expect(page.evaluate('typeof window.__xss')).resolves.toBe('undefined');
    // Rendered by the server this time: the thread page.
    await page.reload();
    await expect(page.locator('#transcript .msg-user .msg-text').last().textContent()).resolves.toBe(XSS);
    await expect(page.locator('#transcript img, #transcript script').count()).resolves.toBe(0);
    await expect(page.evaluate('typeof window.__xss')).resolves.toBe('undefined');
    await context.close();
  });

  it('works without JavaScript: the form posts the turn and the thread page shows the whole reply', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, server.url, server.users.carol.token, '/chat');
    await page.getByLabel('Message').fill('explain invoice INV-000001');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.waitForURL(/\/chat\/thread-/);
    await expect(page.locator('#transcript .msg-assistant .msg-text').textContent()).resolves.toContain('Total 12.35 GBP');
    await context.close();
  });
});
