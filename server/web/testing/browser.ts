import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTempStore } from '../../../db/testing/create-temp-store.ts';
import { setUpApi, type ApiUsers } from '../../testing/api-setup.ts';

/** Debian's chromium package (scripts/ensure-services.sh installs it where missing). */
export const CHROMIUM = '/usr/bin/chromium';

/** Where the browser tests save a screenshot of each page they visit. */
export const SCREENSHOTS = join(process.cwd(), '.tmp', 'screenshots');

// The probe's flags: headless, no sandbox (root in CI), and nothing that reaches for the network.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Starts headless Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** The API test ledger (db/testing/ledger-fixture.ts, its users with tokens) served over a real socket on a free port. */
export async function startWebServer(): Promise<{ url: string; store: ReturnType<typeof createTempStore>; users: ApiUsers; close(): Promise<void> }> {
  const store = createTempStore();
  const { app, users } = await setUpApi(store);
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    users,
    close: () =>
      new Promise<void>((resolve) => {
        (server as unknown as { closeAllConnections(): void }).closeAllConnections();
        server.close(() => {
          store.cleanup();
          resolve();
        });
      }),
  };
}

/** Signs in on the console's sign-in page with a token, as a person would. */
export async function signIn(page: Page, url: string, token: string, next = '/'): Promise<void> {
  await page.goto(`${url}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForLoadState('load');
}

/** Saves a full-page screenshot as .tmp/screenshots/<name>.png (the README shows a few). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
