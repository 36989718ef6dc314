import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEARER_MOBILE_TARIFF } from '../../../app/pricing/testing/pricing-setup.ts';
import { launchBrowser, screenshot, signIn, startWebServer } from '../testing/browser.ts';

describe('the pricing what-if page, in a real browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startWebServer>>;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('re-prices March under an uploaded tariff: totals, a drawn chart, the groupings and who is affected; nothing stored changes', async () => {
    const tariff = join(server.store.dir, 'dearer-mobile.yaml');
    writeFileSync(tariff, DEARER_MOBILE_TARIFF);
    const costs = () => server.store.sqlite.prepare('SELECT id, cost FROM usage_events ORDER BY id').all();
    const invoices = () => server.store.sqlite.prepare('SELECT id, total, document_json FROM invoices ORDER BY id').all();
    const [c0, i0] = [costs(), invoices()];
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('pageerror', (e) => scripts.push(e.message));
    await signIn(page, server.url, server.users.alice.token, '/pricing');
    await expect(page.locator('#trends-chart').getAttribute('data-drawn')).resolves.toBe('true');
    await page.getByLabel('Period (YYYY-MM)').fill('2025-03');
    await page.getByLabel('Proposed tariff (native YAML or JSON)').setInputFiles(tariff);
    await page.getByRole('button', { name: 'Re-price the month' }).click();
    await page.waitForURL('**/pricing/what-if');
    const total = await page.locator('.pricing-total').textContent();
    expect(total).toMatch(/Billed £[\d,.]+, with the proposal £[\d,.]+: change £[\d.]+/);
    expect(total).toContain('1 of 2 accounts change');
    await expect(page.locator('#pricing-chart').getAttribute('data-drawn')).resolves.toBe('true');
    await expect(page.locator('table.pricing-category tbody tr', { hasText: 'voice mobile' }).count()).resolves.toBe(1);
    await expect(page.locator('table.pricing-increases tbody tr').first().textContent()).resolves.toContain('A1');
    await screenshot(page, 'pricing-what-if');
    expect(scripts).toEqual([]);
    expect([costs(), invoices()]).toEqual([c0, i0]);

    // A broken file is said next to the form, in its own words.
    const broken = join(server.store.dir, 'broken.yaml');
    writeFileSync(broken, 'id: x\nrates: [');
    await page.getByLabel('Period (YYYY-MM)').fill('2025-03');
    await page.getByLabel('Proposed tariff (native YAML or JSON)').setInputFiles(broken);
    await page.getByRole('button', { name: 'Re-price the month' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('broken.yaml');
    await context.close();
  });
});
