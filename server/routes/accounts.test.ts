import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('/api/v1/accounts', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('lists the tenant’s accounts with their customer and lines, paged by account id', async () => {
    const all = await call(api.app, 'GET', '/api/v1/accounts', { as: api.users.dan });
    expect(all.status).toBe(200);
    expect(all.body).toEqual({
      accounts: [
        { id: 'A1', customerId: 'C1', customerName: 'Ada Lovelace', segment: 'consumer', currency: 'GBP', billingCycleDay: 1, lines: 1 },
        { id: 'A2', customerId: 'C2', customerName: 'Babbage Engines Ltd', segment: 'small_business', currency: 'GBP', billingCycleDay: 1, lines: 1 },
      ],
      nextAfter: null,
    });
    const first = await call(api.app, 'GET', '/api/v1/accounts?limit=1', { as: api.users.dan });
    expect([first.body.accounts.map((a: { id: string }) => a.id), first.body.nextAfter]).toEqual([['A1'], 'A1']);
    const second = await call(api.app, 'GET', `/api/v1/accounts?limit=1&after=${first.body.nextAfter}`, { as: api.users.dan });
    expect([second.body.accounts.map((a: { id: string }) => a.id), second.body.nextAfter]).toEqual([['A2'], null]);
  });

  it('shows an account with its lines and its standing on the server’s day', async () => {
    const { status, body } = await call(api.app, 'GET', '/api/v1/accounts/A1', { as: api.users.bob });
    expect(status).toBe(200);
    expect(body.customer.name).toBe('Ada Lovelace');
    expect(body.subscriptions.map((s: { msisdn: string }) => s.msisdn)).toEqual(['447700900123']);
    expect(body.standing.summary).toBe('Balance 12.35 GBP on 2025-04-05: 12.35 open, of which 0.00 overdue.');
    expect(body.standing.rows).toEqual([expect.objectContaining({ number: 'INV-000001', dueDate: '2025-04-15', open: '12.35', bucket: 'current' })]);
  });

  it('gives the standing with the dunning plan, as the collections agent reads it', async () => {
    const { status, body } = await call(api.app, 'GET', '/api/v1/accounts/A2/standing', { as: api.users.alice });
    expect(status).toBe(200);
    expect(body.accountId).toBe('A2');
    expect(body.standing.openBalance).toMatch(/^\d+\.\d{2}$/);
    expect(body.dunning).toMatchObject({ asOf: '2025-04-05', daysPastDue: 0, steps: [] });
    expect(body.oldestOverdueInvoiceId).toBeNull();
  });

  it('names a bad account id (400) and narrows a customer to their own account', async () => {
    const bad = await call(api.app, 'GET', '/api/v1/accounts/-bad', { as: api.users.alice });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('accountId');
    const badLimit = await call(api.app, 'GET', '/api/v1/accounts?limit=9999', { as: api.users.alice });
    expect([badLimit.status, badLimit.body.error.message]).toEqual([400, expect.stringContaining('limit')]);

    expect((await call(api.app, 'GET', '/api/v1/accounts/A1', { as: api.users.cora })).status).toBe(200);
    expect((await call(api.app, 'GET', '/api/v1/accounts/A2', { as: api.users.cora })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/accounts/A2/standing', { as: api.users.cora })).status).toBe(404);
    const mine = await call(api.app, 'GET', '/api/v1/accounts', { as: api.users.cora });
    expect(mine.body.accounts.map((a: { id: string }) => a.id)).toEqual(['A1']);
  });

  it('is 404 for another tenant and 401 without a token', async () => {
    expect((await call(api.app, 'GET', '/api/v1/accounts/A1', { as: api.users.uma })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/accounts/A1/standing', { as: api.users.uma })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/accounts', { as: api.users.uma })).body).toEqual({ accounts: [], nextAfter: null });
    expect((await call(api.app, 'GET', '/api/v1/accounts')).status).toBe(401);
  });
});
