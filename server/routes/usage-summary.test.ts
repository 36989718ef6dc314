import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { ingestAndRate } from '../../cli/commands/testing/billing-setup.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('GET /api/v1/usage/summary', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it("shows the latest month with usage when today's has none, and says so", async () => {
    const r = await call(api.app, 'GET', '/api/v1/usage/summary', { as: api.users.dan });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ today: '2025-04-05', period: '2025-03', periodChosen: 'latest', note: 'No usage in 2025-04 yet; showing 2025-03, the latest month with usage.' });
    // r1..r5 of the ledger: 480 + 300 + 60 + 60 s of voice, one SMS; 0.53 + 0.35 + 0.11 + 0.10 + 0.11.
    expect(r.body.periodFigures).toEqual({
      events: 5,
      byCategory: [
        { service: 'sms', category: 'mobile', unit: 'messages', events: 1, ratedEvents: 1, quantity: '1', rated: [{ currency: 'GBP', amount: '0.1' }] },
        { service: 'voice', category: 'mobile', unit: 'minutes', events: 4, ratedEvents: 4, quantity: '15.00', rated: [{ currency: 'GBP', amount: '1.1' }] },
      ],
      rated: [{ currency: 'GBP', amount: '1.2' }],
    });
    expect(r.body.byDay).toEqual([
      { date: '2025-03-03', currency: 'GBP', events: 1, amount: '0.53' },
      { date: '2025-03-04', currency: 'GBP', events: 1, amount: '0.35' },
      { date: '2025-03-05', currency: 'GBP', events: 1, amount: '0.11' },
      { date: '2025-03-20', currency: 'GBP', events: 2, amount: '0.21' },
    ]);
    expect(r.body.todayFigures).toEqual({ events: 0, byCategory: [], rated: [] });
  });

  it('shows a month asked for as it is, even when empty, and counts today once usage arrives today', async () => {
    const april = await call(api.app, 'GET', '/api/v1/usage/summary?period=2025-04', { as: api.users.dan });
    expect(april.body).toMatchObject({ period: '2025-04', periodChosen: 'requested', note: null, periodFigures: { events: 0 }, byDay: [] });
    await ingestAndRate(store, [
      'record_id,service,direction,subscriber,imsi,serving_network,visited_country,other_party,start,duration,disposition,volume,notes',
      't1,voice,outbound,447700900123,,,,+447812345678,2025-04-05T09:00:00Z,120,answered,,',
      't2,voice,outbound,447700900123,,,,+447812345678,2025-04-04T09:00:00Z,60,answered,,',
    ]);
    const now = await call(api.app, 'GET', '/api/v1/usage/summary', { as: api.users.dan });
    expect(now.body).toMatchObject({ period: '2025-04', periodChosen: 'today', note: null, periodFigures: { events: 2 } });
    expect(now.body.todayFigures.byCategory).toEqual([expect.objectContaining({ service: 'voice', events: 1, quantity: '2.00' })]);
    expect(now.body.byDay.map((d: { date: string }) => d.date)).toEqual(['2025-04-04', '2025-04-05']);
  });

  it('refuses a customer and a month that is not one', async () => {
    expect((await call(api.app, 'GET', '/api/v1/usage/summary', { as: api.users.cora })).status).toBe(403);
    const bad = await call(api.app, 'GET', '/api/v1/usage/summary?period=2025-13', { as: api.users.dan });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'INVALID_INPUT']);
  });

  it('shows an event with the account of its line and that account’s invoice for the month', async () => {
    const r = await call(api.app, 'GET', '/api/v1/usage-events/1', { as: api.users.dan });
    expect(r.body).toMatchObject({ accountId: 'A1', invoice: { number: 'INV-000001', period: '2025-03', status: 'issued' } });
    // 447700900999 is nobody's line.
    const orphan = await call(api.app, 'GET', '/api/v1/usage-events/5', { as: api.users.dan });
    expect(orphan.body).toMatchObject({ accountId: null, invoice: null });
    const a1 = await call(api.app, 'GET', '/api/v1/usage-events?accountId=A1', { as: api.users.dan });
    expect(a1.body.events.map((e: { id: number }) => e.id)).toEqual([3, 2, 1]);
  });
});
