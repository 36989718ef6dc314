import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('/api/v1/assurance?period=YYYY-MM', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it("gives staff their tenant's report, whose gaps add up, and nobody else's", async () => {
    const r = await call(api.app, 'GET', '/api/v1/assurance?period=2025-03&limit=1', { as: api.users.dan });
    expect(r.status).toBe(200);
    expect(r.body.gapsAddUp).toBe(true);
    // The ledger's month: a call of a number nobody has (60 s to a mobile: 0.05 + 0.06).
    expect(r.body.gaps.find((g: { cause: string }) => g.cause === 'no_subscription')).toMatchObject({ count: 1, money: { GBP: '0.11' }, items: [{ detail: expect.stringContaining('447700900999') }] });
    expect(r.body.stages.find((s: { id: string }) => s.id === 'invoiced')).toMatchObject({ count: 2 });
    const other = await call(api.app, 'GET', '/api/v1/assurance?period=2025-03', { as: api.users.uma });
    expect(other.status).toBe(200);
    expect(other.body.stages.every((s: { count: number }) => s.count === 0)).toBe(true);
    expect((await call(api.app, 'GET', '/api/v1/assurance?period=2025-03', { as: api.users.cora })).status).toBe(403);
    expect((await call(api.app, 'GET', '/api/v1/assurance?period=2025-13', { as: api.users.dan })).status).toBe(400);
    // No month: the one before today (2025-04-05), the one last billed.
    expect((await call(api.app, 'GET', '/api/v1/assurance', { as: api.users.dan })).body).toMatchObject({ period: '2025-03', gapsAddUp: true });
  });
});
