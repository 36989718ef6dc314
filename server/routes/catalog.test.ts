import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { testCatalog } from '../../tools/charging/testing/charging-fixtures.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('/api/v1/catalog', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('shows the catalog in effect today, lists versions and shows one by id', async () => {
    const current = await call(api.app, 'GET', '/api/v1/catalog', { as: api.users.alice });
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ id: 1, name: 'test-catalog', version: 1, effectiveFrom: '2020-01-01' });
    expect(current.body.catalog.plans.map((p: { id: string }) => p.id)).toContain('PLAN_10');
    const list = await call(api.app, 'GET', '/api/v1/catalog/versions', { as: api.users.alice });
    expect(list.body.versions).toEqual([expect.objectContaining({ id: 1, name: 'test-catalog', version: 1 })]);
    expect((await call(api.app, 'GET', '/api/v1/catalog/versions/1', { as: api.users.alice })).body.version).toBe(1);
    expect((await call(api.app, 'GET', '/api/v1/catalog/versions/99', { as: api.users.alice })).status).toBe(404);
  });

  it('imports a catalog from its text (admin); the version in effect follows its date', async () => {
    const text = JSON.stringify({ ...testCatalog(), effectiveFrom: '2025-05-01' });
    const created = await call(api.app, 'POST', '/api/v1/catalog', { as: api.users.ada, body: { text, fileName: 'catalog.json' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'test-catalog', version: 2, created: true, effectiveFrom: '2025-05-01' });
    expect(created.body.counts.plans).toBeGreaterThan(0);
    expect((await call(api.app, 'GET', '/api/v1/catalog', { as: api.users.ada })).body.version).toBe(1);
    expect((await call(api.app, 'GET', '/api/v1/catalog?on=2025-05-02', { as: api.users.ada })).body.version).toBe(2);
  });

  it('names a bad field (400) and refuses a broken catalog as unprocessable', async () => {
    const badDay = await call(api.app, 'GET', '/api/v1/catalog?on=2025-02-30', { as: api.users.alice });
    expect([badDay.status, badDay.body.error.message]).toEqual([400, expect.stringContaining('on')]);
    const noText = await call(api.app, 'POST', '/api/v1/catalog', { as: api.users.ada, body: {} });
    expect([noText.status, noText.body.error.message]).toEqual([400, expect.stringContaining('text')]);
    const broken = await call(api.app, 'POST', '/api/v1/catalog', { as: api.users.ada, body: { text: 'plans: 3' } });
    // a well-formed request whose tariff or catalog does not read: 422 with the reason
    expect([broken.status, broken.body.error.code]).toEqual([422, expect.stringMatching(/^(INVALID_CATALOG|UNSUPPORTED_FORMAT)$/)]);
    const badId = await call(api.app, 'GET', '/api/v1/catalog/versions/x', { as: api.users.alice });
    expect([badId.status, badId.body.error.message]).toEqual([400, expect.stringContaining('catalogVersion')]);
  });

  it('is 403 for a wrong role, 404 for another tenant', async () => {
    expect((await call(api.app, 'POST', '/api/v1/catalog', { as: api.users.alice, body: { text: 'x: 1' } })).status).toBe(403);
    expect((await call(api.app, 'GET', '/api/v1/catalog', { as: api.users.cora })).status).toBe(403);
    expect((await call(api.app, 'GET', '/api/v1/catalog', { as: api.users.uma })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/catalog/versions/1', { as: api.users.uma })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/catalog/versions', { as: api.users.uma })).body).toEqual({ versions: [] });
  });
});
