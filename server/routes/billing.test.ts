import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('/api/v1 explanations and billing totals', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('explains an invoice line by line, or only its totals, with the arithmetic checked', async () => {
    const full = await call(api.app, 'GET', '/api/v1/invoices/INV-000001/explanation', { as: api.users.dan });
    expect(full.status).toBe(200);
    expect(full.body.header.number).toBe('INV-000001');
    expect(full.body.header.total).toBe('12.35');
    expect(full.body.lines.length).toBeGreaterThan(0);
    expect(full.body.arithmetic).toMatchObject({ linesMatchSubtotal: true, taxesMatchTaxTotal: true, totalMatches: true, violations: [] });
    const totals = await call(api.app, 'GET', '/api/v1/invoices/INV-000001/explanation?totalsOnly=true', { as: api.users.dan });
    expect(totals.body.lines).toEqual([]);
    expect(totals.body.lineCount).toBe(full.body.lines.length);
  });

  it('lets a customer read the explanation of their own invoice only', async () => {
    expect((await call(api.app, 'GET', '/api/v1/invoices/INV-000001/explanation', { as: api.users.cora })).status).toBe(200);
    expect((await call(api.app, 'GET', '/api/v1/invoices/INV-000002/explanation', { as: api.users.cora })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/invoices/INV-000001/explanation', { as: api.users.uma })).status).toBe(404);
  });

  it("gives the month's totals per currency, the same figures as the invoices, and refuses a customer", async () => {
    const res = await call(api.app, 'GET', '/api/v1/billing-totals?period=2025-03', { as: api.users.bob });
    expect(res.status).toBe(200);
    const gbp = res.body.currencies.find((c: { currency: string }) => c.currency === 'GBP');
    const list = await call(api.app, 'GET', '/api/v1/invoices?period=2025-03&kind=invoice', { as: api.users.bob });
    const sum = list.body.invoices.reduce((t: number, i: { total: string }) => t + Math.round(Number(i.total) * 100), 0);
    expect(gbp.issued.count).toBe(2);
    expect(Math.round(Number(gbp.issued.total) * 100)).toBe(sum);
    expect((await call(api.app, 'GET', '/api/v1/billing-totals?period=2025-13', { as: api.users.bob })).status).toBe(400);
    expect((await call(api.app, 'GET', '/api/v1/billing-totals', { as: api.users.cora })).status).toBe(403);
  });
});
