import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn, startWebServer } from '../testing/browser.ts';
import { ingestLines, XSS } from '../testing/april-ledger.ts';

// A call of A1 whose notes column holds a script (its quotes break the CSV).
const BAD = `q1,voice,outbound,447700900123,,,,+447812345678,2025-03-32T10:00:00Z,120,answered,,${XSS}`;
const STILL_BAD = 'q1,voice,outbound,447700900123,,,,+447812345678,not-a-time,120,answered,,';
const FIXED = 'q1,voice,outbound,447700900123,,,,+447812345678,2025-03-30T10:00:00Z,120,answered,,fixed by hand';

describe('console quarantine in a real browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startWebServer>>;
  let context: BrowserContext;
  let page: Page;
  let recordId: number;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startWebServer()]);
    const report = await ingestLines(server.store, 'bad-upload', [BAD]);
    expect(report.quarantined).toBe(1);
    recordId = (server.store.sqlite.prepare('SELECT id FROM quarantine ORDER BY id DESC LIMIT 1').get() as { id: number }).id;
    context = await browser.newContext();
    page = await context.newPage();
    await signIn(page, server.url, server.users.alice.token, '/quarantine');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows an open record with its reason, message and raw line as literal text', async () => {
    expect(new URL(page.url()).pathname).toBe('/quarantine');
    const record = page.locator(`[data-quarantine="${recordId}"]`);
    await expect(record.locator('code').first().textContent()).resolves.toBe('MALFORMED_CSV');
    await expect(record.locator('pre.raw').textContent()).resolves.toBe(BAD);
    await expect(page.getByLabel(`Corrected line for record ${recordId}`).inputValue()).resolves.toBe(BAD);
    await expect(page.evaluate('window.__xss')).resolves.toBeUndefined();
    await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
    await screenshot(page, 'quarantine');
  });

  it('replays a corrected line: a still-bad line says why, a good one becomes a usage event and leaves the open list', async () => {
    const field = page.getByLabel(`Corrected line for record ${recordId}`);
    await field.fill(STILL_BAD);
    await page.getByRole('button', { name: `Replay record ${recordId}` }).click();
    await page.waitForURL(/outcome=still_quarantined/);
    await expect(page.getByRole('alert').textContent()).resolves.toContain(`Record ${recordId} is still in quarantine: INVALID_DATE`);
    await expect(page.locator(`[data-quarantine="${recordId}"] pre.raw`).textContent()).resolves.toBe(STILL_BAD);

    await page.getByLabel(`Corrected line for record ${recordId}`).fill(FIXED);
    await page.getByRole('button', { name: `Replay record ${recordId}` }).click();
    await page.waitForURL(/outcome=accepted/);
    const done = await page.getByRole('status').first().textContent();
    expect(done).toMatch(new RegExp(`Record ${recordId} replayed: usage event \\d+\\.`));
    const eventId = Number(new URL(page.url()).searchParams.get('event'));
    await expect(page.locator(`[data-quarantine="${recordId}"]`).count()).resolves.toBe(0);

    // The event is there, through the API with the same user's token.
    const res = await fetch(`${server.url}/api/v1/usage-events/${eventId}`, { headers: server.users.alice.headers });
    expect(res.status).toBe(200);
    const event = (await res.json()) as { sourceId: string; startTime: string };
    expect([event.sourceId, event.startTime]).toEqual(['q1', '2025-03-30T10:00:00.000Z']);

    await page.getByLabel('Show').selectOption('replayed');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/status=replayed/);
    const replayed = page.locator(`[data-quarantine="${recordId}"]`);
    await expect(replayed.locator('.badge').textContent()).resolves.toBe('replayed');
    await expect(replayed.getByRole('link', { name: String(eventId) }).getAttribute('href')).resolves.toBe(`/usage/${eventId}`);
    await expect(replayed.locator('form').count()).resolves.toBe(0);
  });

  it('refuses a replay without the CSRF token and a replay for a user of another tenant', async () => {
    const status = await page.evaluate(
      `fetch('/quarantine/${recordId}/replay', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'raw=x&_csrf=wrong' }).then((r) => r.status)`,
    );
    expect(status).toBe(403);
    await ingestLines(server.store, 'bad-again', [BAD.replace('q1', 'q2')]);
    const other = await browser.newContext();
    const p = await other.newPage();
    await signIn(p, server.url, server.users.uma.token, '/quarantine');
    await expect(p.locator('[data-quarantine]').count()).resolves.toBe(0);
    await other.close();
  });
});
