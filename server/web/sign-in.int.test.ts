import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn, startWebServer } from './testing/browser.ts';

describe('console sign-in in a real browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startWebServer>>;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends a visitor to sign in, signs in with a token into an HttpOnly SameSite=Strict cookie, and signs out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/?from=test`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await screenshot(page, 'sign-in');
    await signIn(page, server.url, server.users.alice.token, '/');
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.getByRole('heading', { name: 'Overview' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.who .user').textContent()).resolves.toBe(server.users.alice.user.name);
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'sb_console', httpOnly: true, sameSite: 'Strict' });
    // No script of the page can read the session.
    await expect(page.evaluate('document.cookie')).resolves.toBe('');
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.goto(`${server.url}/`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await context.close();
  });

  it('refuses an unknown token with a plain message and never opens a session', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, 'sb_nope_not-a-token');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('unknown or revoked');
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it('refuses a state change without the session CSRF token, even with the cookie', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, server.users.alice.token);
    const status = await page.evaluate(async () => (await fetch('/sign-out', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '_csrf=wrong' })).status);
    expect(status).toBe(403);
    // Still signed in.
    await page.goto(`${server.url}/`);
    expect(new URL(page.url()).pathname).toBe('/');
    await context.close();
  });

  it('is usable from the keyboard: the first Tab reaches "Skip to content", and sign-in works with Enter', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement.id')).resolves.toBe('token');
    await page.keyboard.type(server.users.alice.token);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement.textContent')).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate('location.hash')).resolves.toBe('#main');
    await context.close();
  });
});
