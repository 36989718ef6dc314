import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listLineBars, saveFraudDetection } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { createFraudStage, defaultFraudThresholds } from '../../tools/fraud/index.ts';
import { irsfBurst } from '../../tools/fraud/testing/fraud-events.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('/api/v1/alerts', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  let ids: number[];
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
    const stage = createFraudStage(defaultFraudThresholds(), { timezone: 'UTC' });
    for (const e of [...irsfBurst('447400100001', Date.parse('2025-03-10T01:00:00Z'), 14), ...irsfBurst('447400100002', Date.parse('2025-03-12T15:00:00Z'), 6)]) stage.observe(e);
    ids = saveFraudDetection(store, 't', { ...stage.finish(() => null), source: 'ingest', batchId: null });
  });
  afterEach(() => store.cleanup());

  it('lists and shows alerts with their evidence to staff of the tenant only', async () => {
    const list = await call(api.app, 'GET', '/api/v1/alerts?status=open', { as: api.users.dan });
    expect(list.status).toBe(200);
    expect(list.body.alerts.map((a: { id: number }) => a.id)).toEqual([...ids].reverse());
    expect(list.body.counts).toEqual({ open: 2, confirmed: 0, dismissed: 0 });
    const shown = await call(api.app, 'GET', `/api/v1/alerts/${ids[0]}`, { as: api.users.bob });
    expect(shown.body).toMatchObject({ detector: 'irsf', severity: 'critical', subject: '447400100001', canProposeBar: true, evidence: { eventCount: 14 } });
    expect((await call(api.app, 'GET', `/api/v1/alerts/${ids[0]}`, { as: api.users.uma })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/alerts', { as: api.users.cora })).status).toBe(403);
    expect((await call(api.app, 'GET', '/api/v1/alerts?detector=nope', { as: api.users.dan })).status).toBe(400);
  });

  it('confirms with a bar proposal that another person approves, dismisses with why; thresholds are read by staff and set by admins', async () => {
    const confirmed = await call(api.app, 'POST', `/api/v1/alerts/${ids[0]}/confirm`, { as: api.users.dan, body: { reason: 'the customer was asleep', proposeBar: true } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.alert).toMatchObject({ status: 'confirmed', decidedBy: 'dan', proposalId: confirmed.body.proposal.id });
    expect(confirmed.body.proposal).toMatchObject({ kind: 'bar_line', status: 'pending', payload: { subscriber: '447400100001', alertId: ids[0] } });
    const decided = await call(api.app, 'POST', `/api/v1/proposals/${confirmed.body.proposal.id}/decisions`, { as: api.users.bob, body: { decision: 'approve', reason: 'bar it' } });
    expect(decided.status).toBe(201);
    expect(listLineBars(store, 't').map((b) => b.subscriber)).toEqual(['447400100001']);

    const dismissed = await call(api.app, 'POST', `/api/v1/alerts/${ids[1]}/dismiss`, { as: api.users.alice, body: { reason: 'a test campaign' } });
    expect(dismissed.body.alert).toMatchObject({ status: 'dismissed', decidedBy: 'alice', decisionReason: 'a test campaign' });
    expect((await call(api.app, 'POST', `/api/v1/alerts/${ids[1]}/dismiss`, { as: api.users.alice, body: { reason: 'again' } })).status).toBe(409);

    expect((await call(api.app, 'GET', '/api/v1/fraud-thresholds', { as: api.users.dan })).body.wangiri).toMatchObject({ warningCalls: 15 });
    expect((await call(api.app, 'PUT', '/api/v1/fraud-thresholds', { as: api.users.dan, body: { thresholds: { wangiri: { warningCalls: 20 } } } })).status).toBe(403);
    const set = await call(api.app, 'PUT', '/api/v1/fraud-thresholds', { as: api.users.ada, body: { thresholds: { wangiri: { warningCalls: 20 } } } });
    expect(set.body.wangiri).toMatchObject({ warningCalls: 20, criticalCalls: 40 });
  });
});
