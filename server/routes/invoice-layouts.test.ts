import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usageRowsForNumbers } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { extractCompressedPdfLines } from '../../tools/invoice/render/extract-pdf-text.ts';
import { call, setUpApi, type ApiUser } from '../testing/api-setup.ts';

describe('invoice layouts through the API', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  async function pdfText(path: string, as: ApiUser): Promise<{ status: number; lines: string[] }> {
    const res = await api.app.request(path, { headers: as.headers });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, lines: res.status === 200 ? extractCompressedPdfLines(bytes) : [] };
  }

  it('sets an account’s invoice preferences, only the fields given, and shows them on the account', async () => {
    const set = await call(api.app, 'PUT', '/api/v1/accounts/A1/invoice-preferences', { as: api.users.dan, body: { layout: 'enterprise', detail: 'per_call' } });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ accountId: 'A1', language: 'en', invoicePreferences: { layout: 'enterprise', detail: 'per_call', delivery: 'email', largePrint: false } });
    const again = await call(api.app, 'PUT', '/api/v1/accounts/A1/invoice-preferences', { as: api.users.cora, body: { largePrint: true, language: 'de' } });
    expect(again.body.invoicePreferences).toEqual({ layout: 'enterprise', detail: 'per_call', delivery: 'email', largePrint: true });
    const shown = await call(api.app, 'GET', '/api/v1/accounts/A1', { as: api.users.dan });
    expect([shown.body.account.language, shown.body.account.invoicePreferences.largePrint]).toEqual(['de', true]);
  });

  it('refuses an unknown layout, an empty change, another customer’s account and a reader without the role', async () => {
    expect((await call(api.app, 'PUT', '/api/v1/accounts/A1/invoice-preferences', { as: api.users.dan, body: { layout: 'poster' } })).status).toBe(400);
    expect((await call(api.app, 'PUT', '/api/v1/accounts/A1/invoice-preferences', { as: api.users.dan, body: {} })).status).toBe(400);
    expect((await call(api.app, 'PUT', '/api/v1/accounts/A2/invoice-preferences', { as: api.users.cora, body: { detail: 'summary' } })).status).toBe(404);
    expect((await call(api.app, 'PUT', '/api/v1/accounts/A1/invoice-preferences', { as: api.users.uma, body: { detail: 'summary' } })).status).toBe(404);
    expect((await call(api.app, 'PUT', '/api/v1/accounts/A1/invoice-preferences', { as: api.users.bob, body: { detail: 'summary' } })).status).toBe(403);
  });

  it('prints the PDF in the account’s layout, with the call annex of every rated event when asked for', async () => {
    const before = await pdfText('/api/v1/invoices/INV-000001/pdf', api.users.cora);
    expect(before.lines).toContain('Your bill for March 2025');
    expect(before.lines).not.toContain('Itemised calls and usage');
    await call(api.app, 'PUT', '/api/v1/accounts/A1/invoice-preferences', { as: api.users.dan, body: { layout: 'enterprise', detail: 'per_call' } });
    const after = await pdfText('/api/v1/invoices/INV-000001/pdf', api.users.cora);
    expect(after.lines).toEqual(expect.arrayContaining(['Summary by cost centre', 'Summary by line', 'Itemised calls and usage']));
    const shown = await call(api.app, 'GET', '/api/v1/accounts/A1', { as: api.users.dan });
    const numbers = shown.body.subscriptions.map((s: { msisdn: string }) => s.msisdn);
    const rated = usageRowsForNumbers(store, numbers, Date.parse('2025-03-01T00:00:00Z'), Date.parse('2025-04-01T00:00:00Z')).filter((r) => r.status === 'rated');
    expect(rated.length).toBeGreaterThan(0);
    const annex = after.lines.slice(after.lines.indexOf('Itemised calls and usage'));
    expect(annex.filter((l) => /^2025-03-\d{2} \d{2}:\d{2}:\d{2}$/.test(l))).toHaveLength(rated.length);
  });

  it('takes ?layout= and ?language= for a preview, and names a bad one', async () => {
    const de = await pdfText('/api/v1/invoices/INV-000002/pdf?layout=family&language=de', api.users.alice);
    expect(de.status).toBe(200);
    expect(de.lines).toEqual(expect.arrayContaining(['RECHNUNG', 'Ihre Anschlüsse']));
    const bad = await call(api.app, 'GET', '/api/v1/invoices/INV-000002/pdf?layout=poster', { as: api.users.alice });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('layout');
  });
});
