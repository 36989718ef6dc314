import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { TEST_TARIFF_YAML } from '../../tools/charging/testing/charging-fixtures.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('/api/v1/tariffs', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('lists the versions and shows one with its plan', async () => {
    const list = await call(api.app, 'GET', '/api/v1/tariffs', { as: api.users.bob });
    expect(list.status).toBe(200);
    expect(list.body.tariffs).toEqual([expect.objectContaining({ id: 1, name: 'test-uk', version: 1, sourceFormat: 'native' })]);
    const shown = await call(api.app, 'GET', '/api/v1/tariffs/test-uk', { as: api.users.bob });
    expect(shown.status).toBe(200);
    expect([shown.body.name, shown.body.version, shown.body.plan.id]).toEqual(['test-uk', 1, 'test-uk']);
    expect(Object.keys(shown.body.plan.rates).length).toBeGreaterThan(0);
    expect((await call(api.app, 'GET', '/api/v1/tariffs/test-uk?version=2', { as: api.users.bob })).status).toBe(404);
    const bad = await call(api.app, 'GET', '/api/v1/tariffs/test-uk?version=abc', { as: api.users.bob });
    expect([bad.status, bad.body.error.message]).toEqual([400, expect.stringContaining('version')]);
  });

  it('imports a tariff from its text (admin): a new version, then the same content is recognised', async () => {
    const body = { format: 'native', text: TEST_TARIFF_YAML, fileName: 'uk.yaml', effectiveFrom: '2025-06-01T00:00:00Z' };
    const created = await call(api.app, 'POST', '/api/v1/tariffs', { as: api.users.ada, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'test-uk', version: 2, created: true, format: 'native', effectiveFrom: '2025-06-01T00:00:00.000Z' });
    expect(created.body.counts.rates).toBeGreaterThan(0);
    const again = await call(api.app, 'POST', '/api/v1/tariffs', { as: api.users.ada, body });
    expect(again.body).toMatchObject({ version: 2, created: false });
    expect((await call(api.app, 'GET', '/api/v1/tariffs/test-uk', { as: api.users.ada })).body.version).toBe(2);
  });

  it('names a missing or bad field of an import (400), and a broken tariff is unprocessable', async () => {
    const noText = await call(api.app, 'POST', '/api/v1/tariffs', { as: api.users.ada, body: { format: 'native' } });
    expect([noText.status, noText.body.error.message]).toEqual([400, expect.stringContaining('text')]);
    const badZone = await call(api.app, 'POST', '/api/v1/tariffs', { as: api.users.ada, body: { format: 'cgrates', id: 'x', files: {}, timezone: 'Mars/Base' } });
    expect([badZone.status, badZone.body.error.message]).toEqual([400, expect.stringContaining('timezone')]);
    const path = await call(api.app, 'POST', '/api/v1/tariffs', { as: api.users.ada, body: { format: 'native', path: '/etc/passwd' } });
    expect(path.status).toBe(400);
    const broken = await call(api.app, 'POST', '/api/v1/tariffs', { as: api.users.ada, body: { format: 'native', text: 'id: [unclosed' } });
    // a well-formed request whose tariff or catalog does not read: 422 with the reason
    expect([broken.status, broken.body.error.code]).toEqual([422, expect.stringMatching(/^(INVALID_TARIFF|UNSUPPORTED_FORMAT)$/)]);
    expect((await call(api.app, 'GET', '/api/v1/tariffs', { as: api.users.ada })).body.tariffs).toHaveLength(1);
  });

  it('is 403 for a wrong role, 404 for another tenant', async () => {
    const body = { format: 'native', text: TEST_TARIFF_YAML, effectiveFrom: '2025-06-01T00:00:00Z' };
    expect((await call(api.app, 'POST', '/api/v1/tariffs', { as: api.users.dan, body })).status).toBe(403);
    expect((await call(api.app, 'GET', '/api/v1/tariffs', { as: api.users.cora })).status).toBe(403);
    expect((await call(api.app, 'GET', '/api/v1/tariffs/test-uk', { as: api.users.cora })).status).toBe(403);
    expect((await call(api.app, 'GET', '/api/v1/tariffs/test-uk', { as: api.users.uma })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/tariffs', { as: api.users.uma })).body).toEqual({ tariffs: [] });
    // tariffs are the operator's books: another tenant's admin may not add to them
    expect((await call(api.app, 'POST', '/api/v1/tariffs', { as: api.users.uma, body })).status).toBe(403);
  });
});
