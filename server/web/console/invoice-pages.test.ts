import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempStore } from '../../../db/testing/create-temp-store.ts';
import { setUpApi } from '../../testing/api-setup.ts';
import { billAprilWithHeld, ingestLines } from '../testing/april-ledger.ts';

type Api = Awaited<ReturnType<typeof setUpApi>>;

/** Signs in through the form, in process, and returns the cookie and the page's CSRF token. */
async function signInAs(app: Api['app'], token: string): Promise<{ cookie: string; csrf: string }> {
  const res = await app.request('/sign-in', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token, next: '/quarantine' }) });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const page = await (await app.request('/quarantine', { headers: { cookie } })).text();
  const csrf = /name="csrf-token" content="([^"]+)"/.exec(page)?.[1] ?? '';
  return { cookie, csrf };
}

describe('invoice and quarantine pages in process', () => {
  const store = createTempStore();
  let api: Api;
  let session: { cookie: string; csrf: string };
  const get = (path: string) => api.app.request(path, { headers: { cookie: session.cookie } });
  beforeAll(async () => {
    api = await setUpApi(store);
    await billAprilWithHeld(store);
    session = await signInAs(api.app, api.users.alice.token);
  });
  afterAll(() => store.cleanup());

  it('says plainly when an invoice, a line or an e-invoice is not there', async () => {
    const missing = await get('/invoices/INV-999999');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('no invoice INV-999999');
    expect((await get('/invoices/INV-000001/lines/nope')).status).toBe(404);
    // A held invoice has no number: no UBL, but its PDF renders.
    const ubl = await get('/invoices/3/ubl');
    expect(ubl.status).toBe(409);
    expect(await ubl.text()).toContain('has no number yet');
    const pdf = await get('/invoices/3/pdf');
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
  });

  it("opens only the line's own events in place", async () => {
    const line = '/invoices/INV-000001/lines/use%3AL1%3A2025-03-01%3Avoice%3Amobile%3Anone';
    const foreign = await (await get(`${line}?event=999`)).text();
    expect(foreign).toContain('Event 999 is not charged on this line.');
    expect(foreign).not.toContain('id="event-999"');
    const own = await (await get(`${line}?event=1`)).text();
    expect(own).toContain('id="event-1"');
  });

  it('refuses an empty or multi-line correction and a replay without the CSRF token', async () => {
    await ingestLines(store, 'bad', ['q9,voice,outbound,447700900123,,,,+447812345678,nope,60,answered,,']);
    const id = (store.sqlite.prepare('SELECT id FROM quarantine ORDER BY id DESC LIMIT 1').get() as { id: number }).id;
    const post = (body: Record<string, string>) =>
      api.app.request(`/quarantine/${id}/replay`, { method: 'POST', headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });
    expect((await post({ raw: 'x' })).status).toBe(403);
    const empty = await post({ _csrf: session.csrf, raw: '\r\n' });
    expect([empty.status, await empty.text()]).toEqual([400, expect.stringContaining('the corrected line is empty')]);
    const two = await post({ _csrf: session.csrf, raw: 'a\r\nb' });
    expect([two.status, await two.text()]).toEqual([400, expect.stringContaining('more than one line')]);
    const ok = await post({ _csrf: session.csrf, raw: 'q9,voice,outbound,447700900123,,,,+447812345678,2025-03-09T10:00:00Z,60,answered,,\r\n' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toMatch(new RegExp(`^/quarantine\\?replayed=${id}&outcome=accepted&event=\\d+#main$`));
  });
});
