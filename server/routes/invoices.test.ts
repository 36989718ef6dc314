import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
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
