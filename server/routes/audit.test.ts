import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('/api/v1/audit', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
    const row = { actor: 'alice', actorKind: 'agent' as const, event: 'tool_call' as const, detail: { args: { invoice: 'INV-000001' } } };
    appendAudit(store, { ...row, tenant: 't', threadId: 'th-1', subject: 'explain_invoice' });
    appendAudit(store, { ...row, tenant: 't', threadId: 'th-2', subject: 'account_standing' });
    appendAudit(store, { ...row, tenant: 'u', actor: 'uma', threadId: 'th-9', subject: 'explain_invoice' });
  });
  afterEach(() => store.cleanup());

  it("lists the tenant's log oldest first, by thread or subject", async () => {
    const all = await call(api.app, 'GET', '/api/v1/audit', { as: api.users.bob });
    expect(all.status).toBe(200);
    expect(all.body.entries.map((e: { subject: string; actor: string }) => `${e.actor}:${e.subject}`)).toEqual(['alice:explain_invoice', 'alice:account_standing']);
    expect(all.body.entries[0]).toMatchObject({ event: 'tool_call', threadId: 'th-1', detail: { args: { invoice: 'INV-000001' } } });
    const thread = await call(api.app, 'GET', '/api/v1/audit?thread=th-2', { as: api.users.bob });
    expect(thread.body.entries.map((e: { subject: string }) => e.subject)).toEqual(['account_standing']);
    const subject = await call(api.app, 'GET', '/api/v1/audit?subject=explain_invoice&limit=1', { as: api.users.bob });
    expect(subject.body.entries.map((e: { threadId: string }) => e.threadId)).toEqual(['th-1']);
    const bad = await call(api.app, 'GET', '/api/v1/audit?limit=0', { as: api.users.bob });
    expect([bad.status, bad.body.error.message]).toEqual([400, expect.stringContaining('limit')]);
  });

  it("verifies the tenant's chain, and finds a row changed behind the triggers", async () => {
    const ok = await call(api.app, 'GET', '/api/v1/audit/verify', { as: api.users.ada });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, tenant: 't', rows: 2, firstBroken: null, decisions: { checked: 0, unbacked: [] } });
    // PostgreSQL names a trigger's table when dropping it; SQLite's trigger names are schema-wide.
    store.sqlite.exec(store.dialect === 'postgres' ? 'DROP TRIGGER audit_log_no_update ON audit_log' : 'DROP TRIGGER audit_log_no_update');
    const first = store.sqlite.prepare("SELECT id FROM audit_log WHERE tenant = 't' ORDER BY id LIMIT 1").get() as { id: number };
    store.sqlite.prepare(`UPDATE audit_log SET detail_json = '{}' WHERE id = ?`).run(first.id);
    const broken = await call(api.app, 'GET', '/api/v1/audit/verify', { as: api.users.ada });
    expect(broken.body).toMatchObject({ ok: false, firstBroken: { id: first.id } });
  });

  it('is 403 for a customer and shows another tenant only its own rows', async () => {
    expect((await call(api.app, 'GET', '/api/v1/audit', { as: api.users.cora })).status).toBe(403);
    expect((await call(api.app, 'GET', '/api/v1/audit/verify', { as: api.users.cora })).status).toBe(403);
    const other = await call(api.app, 'GET', '/api/v1/audit', { as: api.users.uma });
    expect(other.body.entries.map((e: { actor: string }) => e.actor)).toEqual(['uma']);
    expect((await call(api.app, 'GET', '/api/v1/audit/verify', { as: api.users.uma })).body).toMatchObject({ ok: true, tenant: 'u', rows: 1 });
  });
});
