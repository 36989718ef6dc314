import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('/api/v1/settings', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('shows the settings to staff and lets an admin change one, the policy audited', async () => {
    const shown = await call(api.app, 'GET', '/api/v1/settings', { as: api.users.dan });
    expect(shown.body).toMatchObject({ tenant: 't', homeCountry: 'GB', secondApproverAbove: '100.00' });
    const set = await call(api.app, 'PATCH', '/api/v1/settings', { as: api.users.ada, body: { key: 'secondApproverAbove', value: '5.00' } });
    expect(set.status).toBe(200);
    expect(set.body.secondApproverAbove).toBe('5.00');
    expect(listAudit(store, 't', { subject: 'setting:approvals' })).toEqual([expect.objectContaining({ actor: 'ada', event: 'setting' })]);
    const list = await call(api.app, 'PATCH', '/api/v1/settings', { as: api.users.ada, body: { key: 'internalExtensions', value: '1000-1999,2000' } });
    expect(list.body.internalExtensions).toEqual(['1000-1999', '2000']);
  });

  it('refuses a bad value, an unknown key, a non-admin, a customer and another tenant', async () => {
    const zone = await call(api.app, 'PATCH', '/api/v1/settings', { as: api.users.ada, body: { key: 'timezone', value: 'Mars/Olympus' } });
    expect(zone.status).toBe(400);
    expect(zone.body.error.message).toContain('Mars/Olympus');
    expect((await call(api.app, 'PATCH', '/api/v1/settings', { as: api.users.ada, body: { key: 'nope', value: 'x' } })).body.error.code).toBe('INVALID_INPUT');
    expect((await call(api.app, 'PATCH', '/api/v1/settings', { as: api.users.dan, body: { key: 'timezone', value: 'UTC' } })).status).toBe(403);
    expect((await call(api.app, 'GET', '/api/v1/settings', { as: api.users.cora })).status).toBe(403);
    expect((await call(api.app, 'PATCH', '/api/v1/settings', { as: api.users.uma, body: { key: 'timezone', value: 'UTC' } })).status).toBe(403);
    expect((await call(api.app, 'GET', '/api/v1/settings', { as: api.users.dan })).body.timezone).toBe('UTC');
  });
});
