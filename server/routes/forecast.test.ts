import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('GET /api/v1/accounts/{accountId}/forecast', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it("forecasts April (the API tests' today is 2025-04-05, no use yet) from March's calls", async () => {
    const r = await call(api.app, 'GET', '/api/v1/accounts/A1/forecast', { as: api.users.cora });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ accountId: 'A1', period: { label: '2025-04', daysElapsed: 5, daysTotal: 30 }, method: { name: 'weekday-history', baseline: 'straight-line' } });
    const minutes = r.body.lines[0].allowances.find((a: { allowanceId: string }) => a.allowanceId === 'UK_MIN');
    expect(minutes).toMatchObject({ included: '10.00', used: '0.00', straightLineUse: '0.00', historyPeriods: 3 });
    expect(Number(minutes.projectedUse)).toBeGreaterThan(0);
  });

  it("is NOT_FOUND for a customer's other account and another tenant's, 200 for staff", async () => {
    const other = await call(api.app, 'GET', '/api/v1/accounts/A2/forecast', { as: api.users.cora });
    expect([other.status, other.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await call(api.app, 'GET', '/api/v1/accounts/A1/forecast', { as: api.users.uma })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/accounts/A2/forecast', { as: api.users.bob })).status).toBe(200);
    expect((await call(api.app, 'GET', '/api/v1/accounts/A1/forecast', {})).status).toBe(401);
  });
});
