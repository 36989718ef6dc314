import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listInvoices } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { dec, ZERO } from '../../tools/money/index.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('/api/v1 re-rating, what-if, collections and invoice proposals', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('previews a re-rate (rolled back) and refuses a proposal that changes nothing', async () => {
    const preview = await call(api.app, 'GET', '/api/v1/accounts/A1/rerate-preview?period=2025-03', { as: api.users.dan });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ period: '2025-03', events: { changed: 0, repriced: 0 }, notes: [], failed: [] });
    expect(preview.body.events.considered).toBeGreaterThan(0);
    const bad = await call(api.app, 'GET', '/api/v1/accounts/A1/rerate-preview?period=2025-13', { as: api.users.dan });
    expect([bad.status, bad.body.error.message]).toEqual([400, expect.stringContaining('period')]);
    const propose = await call(api.app, 'POST', '/api/v1/accounts/A1/rerate-proposals', { as: api.users.alice, body: { period: '2025-03', reason: 'tariff corrected' } });
    expect([propose.status, propose.body.error.code]).toEqual([409, 'CONFLICT']);
    expect(propose.body.error.message).toContain('changes nothing');
  });

  it('compares plans for an account, and names a plan that does not exist', async () => {
    const w = await call(api.app, 'GET', '/api/v1/accounts/A1/what-if?period=2025-03', { as: api.users.alice });
    expect(w.status).toBe(200);
    expect(w.body).toMatchObject({ account: 'A1', period: '2025-03', currency: 'GBP' });
    expect(w.body.lines.length).toBeGreaterThan(0);
    const none = await call(api.app, 'GET', '/api/v1/accounts/A1/what-if?period=2025-03&planId=NOPE', { as: api.users.alice });
    expect([none.status, none.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('proposes a payment plan whose instalments add up to the open balance; no dunning step is due yet', async () => {
    const plan = await call(api.app, 'POST', '/api/v1/accounts/A1/payment-plan-proposals', { as: api.users.alice, body: { instalments: 3, reason: 'asked to spread it' } });
    expect(plan.status).toBe(201);
    const p = plan.body.proposal;
    expect(p).toMatchObject({ kind: 'payment_plan', status: 'pending', accountId: 'A1' });
    expect(p.payload.instalments).toHaveLength(3);
    const sum = p.payload.instalments.reduce((s: ReturnType<typeof dec>, i: { amount: string }) => s.plus(dec(i.amount)), ZERO);
    expect(sum.equals(dec(p.amount))).toBe(true);
    expect(dec(p.amount).greaterThan(0)).toBe(true);
    const dunning = await call(api.app, 'POST', '/api/v1/accounts/A1/dunning-proposals', { as: api.users.alice, body: { reason: 'overdue' } });
    expect([dunning.status, dunning.body.error.code]).toEqual([409, 'CONFLICT']);
    const candidates = await call(api.app, 'GET', '/api/v1/dunning-candidates', { as: api.users.bob });
    expect(candidates.body).toMatchObject({ asOf: '2025-04-05', candidates: [], totalCandidates: 0 });
    expect(candidates.body.accountsWithOpenInvoices).toBeGreaterThan(0);
  });

  it('proposes voiding an issued invoice (nothing changes before approval) and refuses to release one not held', async () => {
    const v = await call(api.app, 'POST', '/api/v1/invoices/INV-000002/void-proposals', { as: api.users.alice, body: { reason: 'issued to the wrong customer' } });
    expect(v.status).toBe(201);
    expect(v.body.proposal).toMatchObject({ kind: 'void_invoice', payload: { number: 'INV-000002', status: 'issued' } });
    expect(listInvoices(store, { accountId: 'A2' })[0]!.status).toBe('issued');
    const r = await call(api.app, 'POST', '/api/v1/invoices/INV-000002/release-proposals', { as: api.users.alice, body: { reason: 'looks fine' } });
    expect([r.status, r.body.error.message]).toEqual([409, expect.stringContaining('not held')]);
  });

  it('is 403 for the customer (their own what-if aside) and 404 for another tenant', async () => {
    const { cora, uma } = api.users;
    for (const [method, path, body] of [
      ['GET', '/api/v1/accounts/A1/rerate-preview?period=2025-03'],
      ['GET', '/api/v1/dunning-candidates'],
      ['POST', '/api/v1/accounts/A1/payment-plan-proposals', { instalments: 3, reason: 'spread it' }],
      ['POST', '/api/v1/accounts/A1/rerate-proposals', { period: '2025-03', reason: 'tariff corrected' }],
      ['POST', '/api/v1/invoices/INV-000001/void-proposals', { reason: 'wrong customer' }],
    ] as const) {
      expect((await call(api.app, method, path, { as: cora, ...(body ? { body } : {}) })).status, `${method} ${path}`).toBe(403);
      if (path !== '/api/v1/dunning-candidates') expect((await call(api.app, method, path, { as: uma, ...(body ? { body } : {}) })).status, `${method} ${path}`).toBe(404);
    }
    expect((await call(api.app, 'GET', '/api/v1/dunning-candidates', { as: uma })).body.accountsWithOpenInvoices).toBe(0);
    // What-if is the portal's plan advice: a customer compares plans for their own account only.
    expect((await call(api.app, 'GET', '/api/v1/accounts/A1/what-if?period=2025-03', { as: cora })).status).toBe(200);
    expect((await call(api.app, 'GET', '/api/v1/accounts/A2/what-if?period=2025-03', { as: cora })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/accounts/A1/what-if?period=2025-03', { as: uma })).status).toBe(404);
  });
});
