import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverDue } from '../../app/notifications/index.ts';
import { listNotifications, setNotificationSettings, setWebhookEndpoint } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { notificationSettingsSchema } from '../../tools/notifications/index.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('/api/v1/notifications and notification settings', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('lists the outbox by status, lists dead letters, resends one; other tenants and customers see none', async () => {
    // Nothing listens on port 9 of loopback: every webhook fails, and 48 hours later the row is dead.
    setWebhookEndpoint(store, 't', { url: 'http://127.0.0.1:9/', secret: 's' }, new Date());
    for (const a of ['A1', 'A2']) setNotificationSettings(store, 't', a, notificationSettingsSchema.parse({ channels: a === 'A1' ? ['webhook'] : [] }), new Date());
    const created = new Date(listNotifications(store, 't').at(-1)!.createdAt);
    let now = new Date(created.getTime() + 1000);
    for (let i = 0; i < 12; i += 1) {
      await deliverDue(store, { now, transports: { webhookTimeoutMs: 500 } });
      now = new Date(now.getTime() + 2 ** i * 60_000);
    }
    const all = await call(api.app, 'GET', '/api/v1/notifications', { as: api.users.alice });
    expect(all.status).toBe(200);
    const dead = await call(api.app, 'GET', '/api/v1/notifications/dead', { as: api.users.dan });
    const a1 = all.body.notifications.filter((n: { accountId: string }) => n.accountId === 'A1');
    expect(dead.body.notifications.map((n: { id: number }) => n.id).sort()).toEqual(a1.map((n: { id: number }) => n.id).sort());
    expect(dead.body.notifications[0].lastError).toMatch(/^webhook: /);
    const skipped = await call(api.app, 'GET', '/api/v1/notifications?status=skipped&accountId=A2', { as: api.users.alice });
    expect(skipped.body.notifications.length).toBe(all.body.notifications.length - a1.length);

    const id = dead.body.notifications[0].id;
    const resent = await call(api.app, 'POST', `/api/v1/notifications/${id}/resend`, { as: api.users.ada });
    expect([resent.status, resent.body.status, resent.body.attempts]).toEqual([200, 'queued', 0]);
    expect((await call(api.app, 'POST', `/api/v1/notifications/${id}/resend`, { as: api.users.uma })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/notifications', { as: api.users.uma })).body.notifications).toEqual([]);
    expect((await call(api.app, 'GET', '/api/v1/notifications', { as: api.users.cora })).status).toBe(403);
    expect((await call(api.app, 'GET', '/api/v1/notifications?status=lost', { as: api.users.alice })).status).toBe(400);
  });

  it("reads and changes an account's settings; a customer changes only their own", async () => {
    const before = await call(api.app, 'GET', '/api/v1/accounts/A1/notification-settings', { as: api.users.cora });
    expect(before.body).toEqual({ accountId: 'A1', channels: ['email', 'webhook'], email: null, language: null, optOuts: [] });
    const changed = await call(api.app, 'PATCH', '/api/v1/accounts/A1/notification-settings', { as: api.users.cora, body: { optOuts: ['plan_recommendation'], email: 'ada@example.test' } });
    expect(changed.body).toEqual({ accountId: 'A1', channels: ['email', 'webhook'], email: 'ada@example.test', language: null, optOuts: ['plan_recommendation'] });
    expect((await call(api.app, 'PATCH', '/api/v1/accounts/A1/notification-settings', { as: api.users.alice, body: { language: 'de' } })).body).toMatchObject({
      language: 'de',
      optOuts: ['plan_recommendation'],
    });
    expect((await call(api.app, 'PATCH', '/api/v1/accounts/A1/notification-settings', { as: api.users.alice, body: { language: 'es-ES' } })).body).toMatchObject({ language: 'es-ES' });
    expect((await call(api.app, 'PATCH', '/api/v1/accounts/A2/notification-settings', { as: api.users.cora, body: { channels: [] } })).status).toBe(404);
    expect((await call(api.app, 'PATCH', '/api/v1/accounts/A1/notification-settings', { as: api.users.alice, body: { optOuts: ['spam'] } })).status).toBe(400);
    expect((await call(api.app, 'GET', '/api/v1/accounts/A1/notification-settings', { as: api.users.uma })).status).toBe(404);
  });

  it('sets, shows and removes the webhook endpoint: admins only, the secret returned once', async () => {
    expect((await call(api.app, 'GET', '/api/v1/notifications/webhook', { as: api.users.ada })).body).toEqual({ configured: false, url: null, secretEnding: null, updatedAt: null });
    const set = await call(api.app, 'PUT', '/api/v1/notifications/webhook', { as: api.users.ada, body: { url: 'https://hooks.example.test/sb', secret: 'a-long-enough-secret' } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ configured: true, url: 'https://hooks.example.test/sb', secret: 'a-long-enough-secret', secretEnding: 'cret' });
    const shown = await call(api.app, 'GET', '/api/v1/notifications/webhook', { as: api.users.ada });
    expect(shown.body).toMatchObject({ configured: true, secretEnding: 'cret' });
    expect(shown.body).not.toHaveProperty('secret');
    expect((await call(api.app, 'PUT', '/api/v1/notifications/webhook', { as: api.users.dan, body: { url: 'https://x.test/' } })).status).toBe(403);
    expect((await call(api.app, 'GET', '/api/v1/notifications/webhook', { as: api.users.cora })).status).toBe(403);
    expect((await call(api.app, 'PUT', '/api/v1/notifications/webhook', { as: api.users.ada, body: { url: 'javascript:alert(1)' } })).status).toBe(400);
    // Another tenant's admin sees its own (none).
    expect((await call(api.app, 'GET', '/api/v1/notifications/webhook', { as: api.users.uma })).body).toMatchObject({ configured: false });
    const removed = await call(api.app, 'DELETE', '/api/v1/notifications/webhook', { as: api.users.ada });
    expect(removed.body).toEqual({ removed: true });
    expect((await call(api.app, 'GET', '/api/v1/notifications/webhook', { as: api.users.ada })).body.configured).toBe(false);
  });
});
