import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listTenantInvoices } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { writeAllocation } from '../../db/testing/write-payment-history.ts';
import { dec, ZERO } from '../../tools/money/index.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('/api/v1/cashflow', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it("forecasts the tenant's receipts for staff, net of what was paid; customers and bad horizons are refused", async () => {
    const invoices = listTenantInvoices(store, 't', {});
    const first = invoices[0]!;
    writeAllocation(store, { tenant: 't', invoiceId: first.id, accountId: first.accountId, amount: first.total, date: '2025-04-10' });
    const r = await call(api.app, 'GET', '/api/v1/cashflow?weeks=6&asOf=2025-05-20', { as: api.users.dan });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ asOf: '2025-05-20', weeks: 6, openInvoices: { GBP: invoices.length - 1 } });
    const c = r.body.currencies[0];
    const open = invoices.slice(1).reduce((s, i) => s.plus(i.total), ZERO);
    expect(c.open).toBe(open.toFixed(2));
    expect(dec(c.expected).plus(c.later).toFixed(2)).toBe(c.open);
    expect(c.weeks).toHaveLength(6);
    expect((await call(api.app, 'GET', '/api/v1/cashflow', { as: api.users.uma })).body.currencies).toEqual([]);
    expect((await call(api.app, 'GET', '/api/v1/cashflow', { as: api.users.cora })).status).toBe(403);
    expect((await call(api.app, 'GET', '/api/v1/cashflow?weeks=20', { as: api.users.dan })).status).toBe(400);
  });
});
