import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('/api/v1/users', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it("lists the admin's own tenant's users only", async () => {
    const { status, body } = await call(api.app, 'GET', '/api/v1/users', { as: api.users.ada });
    expect(status).toBe(200);
    expect(body.users.map((u: { id: string }) => u.id)).toEqual(['ada', 'alice', 'bob', 'carol', 'cora', 'dan']);
    expect(body.users.find((u: { id: string }) => u.id === 'cora')).toEqual({ id: 'cora', tenant: 't', name: 'Cora Customer', roles: ['customer'], accountId: 'A1' });
    expect((await call(api.app, 'GET', '/api/v1/users', { as: api.users.alice })).status).toBe(403);
  });

  it('adds users to the admin’s tenant: a customer of one of its accounts, never another tenant’s id', async () => {
    const add = (body: unknown) => call(api.app, 'POST', '/api/v1/users', { as: api.users.ada, body });
    const cy = await add({ id: 'cy', roles: ['customer'], accountId: 'A2' });
    expect([cy.status, cy.body]).toEqual([201, { id: 'cy', tenant: 't', name: 'cy', roles: ['customer'], accountId: 'A2' }]);
    expect((await add({ id: 'cx', roles: ['customer'], accountId: 'NOPE' })).status).toBe(404);
    const mixed = await add({ id: 'cz', roles: ['customer', 'analyst'], accountId: 'A1' });
    expect([mixed.status, mixed.body.error.message]).toEqual([400, 'a customer user holds the customer role only']);
    const bad = await add({ id: 'Bad Id', roles: ['analyst'] });
    expect([bad.status, bad.body.error.message]).toEqual([400, expect.stringContaining('id')]);
    const taken = await add({ id: 'uma', roles: ['analyst'] });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'CONFLICT']);
    // Even with the tenant in the body, the user joins the admin's own: the body has no such field.
    expect((await add({ id: 'ev', roles: ['analyst'], tenant: 'u' })).status).toBe(400);
  });

  it('creates a token shown once that works at once, lists it without the secret, and revokes it', async () => {
    const made = await call(api.app, 'POST', '/api/v1/users/dan/tokens', { as: api.users.ada, body: { label: 'laptop' } });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^sb_/);
    expect(made.body.info).toMatchObject({ userId: 'dan', label: 'laptop', revokedAt: null });
    const asDan = { authorization: `Bearer ${made.body.token}` };
    expect((await call(api.app, 'GET', '/api/v1/invoices', { headers: asDan })).status).toBe(200);
    const list = await call(api.app, 'GET', '/api/v1/users/dan/tokens', { as: api.users.ada });
    expect(list.body.tokens.map((t: { label: string }) => t.label)).toEqual(['tests', 'laptop']);
    expect(JSON.stringify(list.body)).not.toContain(made.body.token);
    const id = made.body.info.id;
    expect((await call(api.app, 'DELETE', `/api/v1/users/alice/tokens/${id}`, { as: api.users.ada })).status).toBe(404);
    const revoked = await call(api.app, 'DELETE', `/api/v1/users/dan/tokens/${id}`, { as: api.users.ada });
    expect([revoked.status, typeof revoked.body.revokedAt]).toEqual([200, 'string']);
    expect((await call(api.app, 'GET', '/api/v1/invoices', { headers: asDan })).status).toBe(401);
  });

  it("is 404 for another tenant's users and tokens", async () => {
    expect((await call(api.app, 'GET', '/api/v1/users/alice/tokens', { as: api.users.uma })).status).toBe(404);
    expect((await call(api.app, 'POST', '/api/v1/users/alice/tokens', { as: api.users.uma, body: {} })).status).toBe(404);
    const { body } = await call(api.app, 'GET', '/api/v1/users/alice/tokens', { as: api.users.ada });
    expect((await call(api.app, 'DELETE', `/api/v1/users/alice/tokens/${body.tokens[0].id}`, { as: api.users.uma })).status).toBe(404);
    const umas = await call(api.app, 'GET', '/api/v1/users', { as: api.users.uma });
    expect(umas.body.users.map((u: { id: string }) => u.id)).toEqual(['uma']);
  });
});
