import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

const ids = (body: { events: Array<{ id: number }> }) => body.events.map((e) => e.id);

describe('/api/v1/usage-events', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('lists newest first and pages with an opaque cursor until nextCursor is null', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await call(api.app, 'GET', `/api/v1/usage-events?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { as: api.users.alice });
      expect(r.status).toBe(200);
      seen.push(...ids(r.body));
      cursor = r.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect([seen, pages]).toEqual([[5, 4, 3, 2, 1], 3]);
  });

  it('filters by status, category, direction, subscriber, month and time range', async () => {
    const get = async (q: string) => ids((await call(api.app, 'GET', `/api/v1/usage-events?${q}`, { as: api.users.dan })).body);
    expect(await get('subscriber=447700900123')).toEqual([3, 2, 1]);
    expect(await get('subscriber=%2B447700900456')).toEqual([4]);
    expect(await get('status=rated&direction=outbound&category=mobile')).toEqual([5, 4, 3, 2, 1]);
    expect(await get('status=unclassified')).toEqual([]);
    expect(await get('period=2025-03')).toEqual([5, 4, 3, 2, 1]);
    expect(await get('period=2025-04')).toEqual([]);
    expect(await get('from=2025-03-04T00:00:00Z&to=2025-03-20T00:00:00Z')).toEqual([3, 2]);
    const first = (await call(api.app, 'GET', '/api/v1/usage-events?subscriber=447700900123', { as: api.users.dan })).body.events[0];
    expect(first).toMatchObject({ id: 3, service: 'voice', usage: 60000, status: 'rated', currency: 'GBP' });
  });

  it('shows one event with its rating in words and as data', async () => {
    const { status, body } = await call(api.app, 'GET', '/api/v1/usage-events/1', { as: api.users.alice });
    expect(status).toBe(200);
    expect([body.cost, body.currency]).toEqual(['0.53', 'GBP']);
    expect(body.explanation).toContain('Connect fee 0.05 GBP, charged once');
    expect(body.explanation).toContain('480 increments of 1 s at 0.06 per 60 s = 0.001 per increment; 480 x 0.001 = 0.48');
    expect(body.rating).toMatchObject({ spansOmitted: 0 });
    expect(body.rating.steps.length).toBeGreaterThan(2);
    expect(body.ratingBreakdown).toMatchObject({ cost: '0.53', currency: 'GBP', connectFee: '0.05' });
  });

  it('names a bad filter, cursor or id (400)', async () => {
    for (const [q, field] of [
      ['limit=0', 'limit'],
      ['status=nope', 'status'],
      ['period=2025-13', 'period'],
      ['from=yesterday', 'from'],
      ['cursor=not-a-cursor', 'cursor'],
      ['period=2025-03&from=2025-03-01T00:00:00Z', 'period'],
    ]) {
      const r = await call(api.app, 'GET', `/api/v1/usage-events?${q}`, { as: api.users.alice });
      expect([q, r.status, r.body.error.code]).toEqual([q, 400, 'INVALID_INPUT']);
      expect(r.body.error.message).toContain(field);
    }
    const bad = await call(api.app, 'GET', '/api/v1/usage-events/abc', { as: api.users.alice });
    expect([bad.status, bad.body.error.message]).toEqual([400, expect.stringContaining('eventId')]);
  });

  it('narrows a customer to the usage of their own lines, and another tenant sees none', async () => {
    const mine = await call(api.app, 'GET', '/api/v1/usage-events', { as: api.users.cora });
    expect(ids(mine.body)).toEqual([3, 2, 1]);
    expect((await call(api.app, 'GET', '/api/v1/usage-events/1', { as: api.users.cora })).status).toBe(200);
    expect((await call(api.app, 'GET', '/api/v1/usage-events/4', { as: api.users.cora })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/usage-events/5', { as: api.users.cora })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/usage-events/1', { as: api.users.uma })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/usage-events', { as: api.users.uma })).body).toEqual({ events: [], nextCursor: null });
  });
});
