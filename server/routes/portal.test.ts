import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPortalLink } from '../../app/portal/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('/api/v1/portal-links and the current period', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('makes a link (201, token once), lists it without the token, revokes it (again is a no-op)', async () => {
    const made = await call(api.app, 'POST', '/api/v1/portal-links', { as: api.users.dan, body: { accountId: 'A1', hours: 2 } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ accountId: 'A1', createdBy: 'dan', path: `/portal/open?link=${made.body.token}` });
    expect(Date.parse(made.body.expiresAt) - Date.now()).toBeGreaterThan(7_100_000);
    expect(openPortalLink(store, made.body.token).accountId).toBe('A1');
    const list = await call(api.app, 'GET', '/api/v1/portal-links?accountId=A1', { as: api.users.alice });
    expect([list.status, list.body.links.map((l: { id: number; status: string }) => [l.id, l.status])]).toEqual([200, [[made.body.id, 'active']]]);
    expect(JSON.stringify(list.body)).not.toContain(made.body.token);
    const revoke = () => call(api.app, 'POST', `/api/v1/portal-links/${made.body.id}/revoke`, { as: api.users.ada });
    expect((await revoke()).body).toMatchObject({ status: 'revoked', revokedBy: 'ada', alreadyRevoked: false });
    expect((await revoke()).body).toMatchObject({ status: 'revoked', alreadyRevoked: true });
    expect(() => openPortalLink(store, made.body.token)).toThrow(/revoked/);
  });

  it('refuses customers and approvers, unknown accounts, bad hours and other tenants', async () => {
    const post = (as: typeof api.users.dan, body: unknown) => call(api.app, 'POST', '/api/v1/portal-links', { as, body });
    expect((await post(api.users.cora, { accountId: 'A1' })).status).toBe(403);
    expect((await post(api.users.bob, { accountId: 'A1' })).status).toBe(403);
    expect((await post(api.users.dan, { accountId: 'NOPE' })).status).toBe(404);
    expect((await post(api.users.uma, { accountId: 'A1' })).status).toBe(404);
    expect((await post(api.users.dan, { accountId: 'A1', hours: 200 })).status).toBe(400);
    const made = await post(api.users.dan, { accountId: 'A2' });
    expect((await call(api.app, 'POST', `/api/v1/portal-links/${made.body.id}/revoke`, { as: api.users.uma })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/portal-links', { as: api.users.uma })).body.links).toEqual([]);
  });

  it('shows the current period to the customer for their own account only, and to staff', async () => {
    const mine = await call(api.app, 'GET', '/api/v1/accounts/A1/current-period', { as: api.users.cora });
    expect(mine.status).toBe(200);
    // The API tests' today is 2025-04-05: April so far, no usage yet.
    expect(mine.body.period).toMatchObject({ label: '2025-04', from: '2025-04-01', daysElapsed: 5, daysTotal: 30 });
    expect(mine.body).toMatchObject({ accountId: 'A1', projection: { method: 'forecast' }, usageCharges: '0.00', projectedUsageCharges: '0.00' });
    expect(mine.body.lines[0].allowances.find((a: { allowanceId: string }) => a.allowanceId === 'UK_MIN')).toMatchObject({ included: '10.00', used: '0.00', left: '10.00' });
    const other = await call(api.app, 'GET', '/api/v1/accounts/A2/current-period', { as: api.users.cora });
    expect([other.status, other.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await call(api.app, 'GET', '/api/v1/accounts/A2/current-period', { as: api.users.bob })).status).toBe(200);
  });

  it("gives cora (customer of A1) A1's invoice, explanation, PDF and what-if, and A2's as NOT_FOUND", async () => {
    for (const path of ['/invoices/INV-000001', '/invoices/INV-000001/explanation', '/invoices/INV-000001/pdf', '/accounts/A1/what-if', '/accounts/A1']) {
      expect((await call(api.app, 'GET', `/api/v1${path}`, { as: api.users.cora })).status, path).toBe(200);
    }
    for (const path of ['/invoices/INV-000002', '/invoices/INV-000002/explanation', '/invoices/INV-000002/pdf', '/accounts/A2/what-if', '/accounts/A2']) {
      const r = await call(api.app, 'GET', `/api/v1${path}`, { as: api.users.cora });
      expect([r.status, r.body.error?.code], path).toEqual([404, 'NOT_FOUND']);
    }
  });
});
