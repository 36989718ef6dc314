import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../../../app/notifications/index.ts';
import { listNotifications, setNotificationSettings, setWebhookEndpoint } from '../../../db/index.ts';
import { notificationSettingsSchema } from '../../../tools/notifications/index.ts';
import { launchBrowser, screenshot, signIn, startWebServer } from '../testing/browser.ts';

describe('notifications in the console, in a real browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startWebServer>>;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
    const store = server.store;
    // Nothing listens on port 9 of loopback: A1's webhooks fail until, 24 hours on, they are dead.
    setWebhookEndpoint(store, 't', { url: 'http://127.0.0.1:9/<b>hook</b>', secret: 'a-secret-of-some-length' }, new Date());
    for (const a of ['A1', 'A2']) setNotificationSettings(store, 't', a, notificationSettingsSchema.parse({ channels: a === 'A1' ? ['webhook'] : [] }), new Date());
    let now = new Date(new Date(listNotifications(store, 't').at(-1)!.createdAt).getTime() + 1000);
    for (let i = 0; i < 12; i += 1) {
      await deliverDue(store, { now, transports: { webhookTimeoutMs: 300 } });
      now = new Date(now.getTime() + 2 ** i * 60_000);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the outbox and dead letters, filters by status, resends a dead letter; the endpoint shows as text', async () => {
    const dead = listNotifications(server.store, 't', { status: 'dead' });
    expect(dead.length).toBeGreaterThan(0);
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, server.users.ada.token, '/notifications');
    await expect(page.locator('.dead-letters li').count()).resolves.toBe(dead.length);
    await expect(page.locator('.dead-letters li').first().textContent()).resolves.toMatch(/webhook: /);
    // The endpoint's address is text, never markup.
    await expect(page.locator('#main').textContent()).resolves.toContain('http://127.0.0.1:9/<b>hook</b>');
    await expect(page.locator('#main b').count()).resolves.toBe(0);
    const all = await page.locator('table.notifications tbody tr').count();
    await page.getByLabel('Status').selectOption('skipped');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL('**/notifications?status=skipped');
    const skipped = await page.locator('table.notifications tbody tr').count();
    expect(skipped).toBe(all - dead.length);
    await screenshot(page, 'notifications');

    const id = dead[0]!.id;
    await page.goto(`${server.url}/notifications`);
    await page.getByRole('button', { name: `Resend #${id}` }).click();
    await page.waitForURL(`**/notifications?resent=${id}`);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(`#${id} is queued again`);
    await expect(page.locator('.dead-letters li').count()).resolves.toBe(dead.length - 1);
    expect(listNotifications(server.store, 't', { status: 'queued' }).map((n) => n.id)).toContain(id);
    await context.close();
  });
});
