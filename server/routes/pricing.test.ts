import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { DEARER_MOBILE_TARIFF } from '../../app/pricing/testing/pricing-setup.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('/api/v1/pricing', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('re-prices March under a proposed tariff sent in the body, and changes nothing stored', async () => {
    const invoices = () => store.sqlite.prepare('SELECT id, total, document_json FROM invoices ORDER BY id').all();
    const costs = () => store.sqlite.prepare('SELECT id, cost FROM usage_events ORDER BY id').all();
    const [i0, c0] = [invoices(), costs()];
    const body = { period: '2025-03', tariff: { format: 'native', text: DEARER_MOBILE_TARIFF, fileName: 'dearer.yaml' }, top: 5 };
    const r = await call(api.app, 'POST', '/api/v1/pricing/what-ifs', { as: api.users.dan, body });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ period: '2025-03', currency: 'GBP', tariff: 'dearer.yaml (proposed)', catalog: 'in effect', accounts: 2 });
    expect(Number(r.body.total.change)).toBeGreaterThan(0);
    expect(r.body.increases[0].accountId).toBe('A1');
    expect([invoices(), costs()]).toEqual([i0, c0]);
    const unchanged = await call(api.app, 'POST', '/api/v1/pricing/what-ifs', {
      as: api.users.dan,
      body: { period: '2025-03', catalog: { text: JSON.stringify(JSON.parse(readCatalog(store))), fileName: 'same.json' } },
    });
    expect([unchanged.status, unchanged.body.total.change, unchanged.body.changedAccounts]).toEqual([200, '0.00', 0]);
  });

  it('refuses a what-if without a proposal, a customer, and another tenant', async () => {
    const none = await call(api.app, 'POST', '/api/v1/pricing/what-ifs', { as: api.users.dan, body: { period: '2025-03' } });
    expect([none.status, none.body.error.code]).toEqual([400, 'INVALID_INPUT']);
    const body = { period: '2025-03', tariff: { format: 'native', text: DEARER_MOBILE_TARIFF } };
    expect((await call(api.app, 'POST', '/api/v1/pricing/what-ifs', { as: api.users.cora, body })).status).toBe(403);
    expect((await call(api.app, 'POST', '/api/v1/pricing/what-ifs', { as: api.users.uma, body })).status).toBe(403);
  });

  it('gives usage trends with their back-test', async () => {
    const r = await call(api.app, 'GET', '/api/v1/pricing/trends?bucket=day&until=2025-03-31&history=31&horizon=2', { as: api.users.dan });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ bucket: 'day', currency: 'GBP' });
    expect(r.body.buckets.at(-1)).toBe('2025-03-31');
    expect(r.body.future).toEqual(['2025-04-01', '2025-04-02']);
    const bad = await call(api.app, 'GET', '/api/v1/pricing/trends?horizon=0', { as: api.users.dan });
    expect(bad.status).toBe(400);
  });
});

function readCatalog(store: ReturnType<typeof createTempStore>): string {
  return (store.sqlite.prepare('SELECT catalog_json FROM catalog_versions ORDER BY id DESC LIMIT 1').get() as { catalog_json: string }).catalog_json;
}
