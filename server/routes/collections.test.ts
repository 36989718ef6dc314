import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('/api/v1/collections', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('records a promise as the token’s user, lists it, and shows the account’s risk, ladder and promise', async () => {
    const made = await call(api.app, 'POST', '/api/v1/collections/promises', { as: api.users.dan, body: { accountId: 'A1', amount: '10.00', promisedFor: '2099-01-31', note: 'pays on payday' } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ accountId: 'A1', amount: '10.00', status: 'open', recordedBy: 'dan', note: 'pays on payday' });
    const list = await call(api.app, 'GET', '/api/v1/collections/promises?status=open', { as: api.users.bob });
    expect(list.body.promises.map((p: { id: number }) => p.id)).toEqual([made.body.id]);
    const shown = await call(api.app, 'GET', '/api/v1/accounts/A1/collections', { as: api.users.dan });
    expect(shown.status).toBe(200);
    expect(shown.body.risk.band).toMatch(/^(low|medium|high)$/);
    expect(shown.body.paused).toMatch(/^promise \d+ to pay 10\.00 GBP by 2099-01-31 is open$/);
    expect(shown.body.promises).toHaveLength(1);
  });

  it('keeps customers and other tenants out, and refuses a bad promise', async () => {
    expect((await call(api.app, 'GET', '/api/v1/accounts/A1/collections', { as: api.users.cora })).status).toBe(403);
    expect((await call(api.app, 'GET', '/api/v1/accounts/A1/collections', { as: api.users.uma })).status).toBe(404);
    expect((await call(api.app, 'POST', '/api/v1/collections/promises', { as: api.users.dan, body: { accountId: 'A1', amount: '-1', promisedFor: '2099-01-31' } })).status).toBe(400);
    expect(
      (await call(api.app, 'POST', '/api/v1/collections/promises', { as: api.users.dan, body: { accountId: 'A1', amount: '5.00', promisedFor: '2099-01-31', recordedBy: 'someone' } })).status,
    ).toBe(400);
  });

  it('runs collections for the tenant; running again proposes nothing new', async () => {
    const first = await call(api.app, 'POST', '/api/v1/collections/run', { as: api.users.dan, body: {} });
    expect(first.status).toBe(200);
    const again = await call(api.app, 'POST', '/api/v1/collections/run', { as: api.users.dan, body: {} });
    expect(again.body.remindersSent).toBe(0);
    expect(again.body.proposed.every((p: { existing: boolean }) => p.existing)).toBe(true);
  });
});
