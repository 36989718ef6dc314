import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../app/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { createApp } from '../create-app.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('/api/v1/invoices', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('shows an invoice with where it stands, through the same operation as the CLI', async () => {
    const { status, body } = await call(api.app, 'GET', '/api/v1/invoices/INV-000001', { as: api.users.alice });
    expect(status).toBe(200);
    expect(body.document.number).toBe('INV-000001');
    expect(body.document.buyer.accountId).toBe('A1');
    expect(body.settlement.sentence).toContain('INV-000001');
  });

  it('lists with filters read from the query string, and names a bad field', async () => {
    const ok = await call(api.app, 'GET', '/api/v1/invoices?accountId=A2&limit=5', { as: api.users.alice });
    expect(ok.status).toBe(200);
    expect(ok.body.invoices.map((i: { accountId: string }) => i.accountId)).toEqual(['A2']);
    const bad = await call(api.app, 'GET', '/api/v1/invoices?limit=0', { as: api.users.alice });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_INPUT');
    expect(bad.body.error.message).toContain('limit');
    expect(bad.body.error.requestId).toMatch(/[0-9a-f-]{36}/);
  });

  it('filters by total with inclusive exact-decimal bounds (INV-000001 is 12.35)', async () => {
    const numbers = async (q: string) => (await call(api.app, 'GET', `/api/v1/invoices?${q}`, { as: api.users.alice })).body.invoices.map((i: { number: string }) => i.number);
    const all = await numbers('');
    expect(all).toContain('INV-000001');
    expect(await numbers('minTotal=12.35&maxTotal=12.35')).toEqual(['INV-000001']);
    expect(await numbers('minTotal=12.351')).not.toContain('INV-000001');
    expect(await numbers('maxTotal=12.349')).not.toContain('INV-000001');
    // "9" sorts after "12.35" as text; the bound must compare numbers, not strings.
    expect(await numbers('minTotal=9')).toContain('INV-000001');
    expect((await call(api.app, 'GET', '/api/v1/invoices?minTotal=1e3', { as: api.users.alice })).status).toBe(400);
  });

  it('is 401 without a token and 404 for another tenant or another customer', async () => {
    const get = (path: string, as?: (typeof api.users)[keyof typeof api.users]) => call(api.app, 'GET', path, as ? { as } : {});
    expect((await get('/api/v1/invoices/INV-000001')).status).toBe(401);
    expect((await call(api.app, 'GET', '/api/v1/invoices/INV-000001', { headers: { authorization: 'Bearer sb_nope_nope' } })).status).toBe(401);
    expect((await get('/api/v1/invoices/INV-000001', api.users.uma)).status).toBe(404);
    expect((await get('/api/v1/invoices/INV-000001', api.users.cora)).status).toBe(200);
    expect((await get('/api/v1/invoices/INV-000002', api.users.cora)).status).toBe(404);
    const mine = await get('/api/v1/invoices', api.users.cora);
    expect(mine.body.invoices.map((i: { accountId: string }) => i.accountId)).toEqual(['A1']);
  });

  it('publishes the route in the OpenAPI document with its roles', async () => {
    const { body: doc } = await call(api.app, 'GET', '/api/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/invoices/{number}'].get['x-roles']).toContain('customer');
    expect(doc.paths['/api/v1/invoices'].get.parameters.map((p: { name: string }) => p.name)).toContain('limit');
  });
});

describe('/api/v1/invoices: PDF, UBL, paid and overdue', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('sends the PDF and the UBL of an invoice, to its customer too', async () => {
    const pdf = await call(api.app, 'GET', '/api/v1/invoices/INV-000001/pdf', { as: api.users.cora });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(String(pdf.body).startsWith('%PDF')).toBe(true);
    const ubl = await call(api.app, 'GET', '/api/v1/invoices/INV-000002/ubl', { as: api.users.alice });
    expect(ubl.status).toBe(200);
    expect(ubl.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(ubl.body).toMatch(/^<\?xml/);
    expect(ubl.body).toContain('<cbc:ID>INV-000002</cbc:ID>');
  });

  it('is 400 for a bad number, 404 for another customer or tenant', async () => {
    const bad = await call(api.app, 'GET', '/api/v1/invoices/nope/pdf', { as: api.users.alice });
    expect([bad.status, bad.body.error.message]).toEqual([400, expect.stringContaining('number')]);
    expect((await call(api.app, 'GET', '/api/v1/invoices/INV-000002/pdf', { as: api.users.cora })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/invoices/INV-000002/ubl', { as: api.users.cora })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/invoices/INV-000001/pdf', { as: api.users.uma })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/invoices/INV-000001/ubl', { as: api.users.uma })).status).toBe(404);
    const doc = (await call(api.app, 'GET', '/api/openapi.json')).body;
    expect(Object.keys(doc.paths['/api/v1/invoices/{number}/pdf'].get.responses['200'].content)).toEqual(['application/pdf']);
  });

  it('marks an invoice paid (analyst or admin); a second time is a conflict', async () => {
    expect((await call(api.app, 'POST', '/api/v1/invoices/INV-000001/pay', { as: api.users.bob })).status).toBe(403);
    expect((await call(api.app, 'POST', '/api/v1/invoices/INV-000001/pay', { as: api.users.cora })).status).toBe(403);
    expect((await call(api.app, 'POST', '/api/v1/invoices/INV-000001/pay', { as: api.users.uma })).status).toBe(404);
    const paid = await call(api.app, 'POST', '/api/v1/invoices/INV-000001/pay', { as: api.users.dan });
    expect([paid.status, paid.body]).toEqual([200, { id: 1, number: 'INV-000001', status: 'paid' }]);
    expect((await call(api.app, 'POST', '/api/v1/invoices/INV-000001/pay', { as: api.users.dan })).status).toBe(409);
    expect((await call(api.app, 'GET', '/api/v1/accounts/A1', { as: api.users.dan })).body.standing.openBalance).toBe('0.00');
  });

  it("marks the tenant's invoices past due as overdue on the server's day", async () => {
    // INV-000001 and INV-000002 fall due on 15 April: not yet on the 5th, overdue on 1 May.
    expect((await call(api.app, 'POST', '/api/v1/invoices/mark-overdue', { as: api.users.dan })).body).toEqual({ overdue: 0, invoices: [] });
    const may = createApp({ store, clock: systemClock('2025-05-01') });
    expect((await call(may, 'POST', '/api/v1/invoices/mark-overdue', { as: api.users.uma })).body).toEqual({ overdue: 0, invoices: [] });
    expect((await call(may, 'POST', '/api/v1/invoices/mark-overdue', { as: api.users.bob })).status).toBe(403);
    const marked = await call(may, 'POST', '/api/v1/invoices/mark-overdue', { as: api.users.ada });
    expect([marked.status, marked.body]).toEqual([200, { overdue: 2, invoices: ['INV-000001', 'INV-000002'] }]);
    expect((await call(may, 'GET', '/api/v1/invoices/INV-000001', { as: api.users.ada })).body.document.status).toBe('overdue');
  });
});
