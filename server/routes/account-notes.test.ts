import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('/api/v1/accounts/{accountId}/notes', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('adds a note written by the signed-in analyst, audited, and lists notes oldest first', async () => {
    const one = await call(api.app, 'POST', '/api/v1/accounts/A1/notes', { as: api.users.dan, body: { body: '  Called about the March bill.  ' } });
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({ accountId: 'A1', author: 'dan', body: 'Called about the March bill.' });
    await call(api.app, 'POST', '/api/v1/accounts/A1/notes', { as: api.users.ada, body: { body: 'Second note' } });
    const list = await call(api.app, 'GET', '/api/v1/accounts/A1/notes', { as: api.users.bob });
    expect(list.body.notes.map((n: { author: string; body: string }) => [n.author, n.body])).toEqual([
      ['dan', 'Called about the March bill.'],
      ['ada', 'Second note'],
    ]);
    expect(listAudit(store, 't', { subject: 'account:A1' })).toEqual([
      expect.objectContaining({ actor: 'dan', actorKind: 'analyst', event: 'note' }),
      expect.objectContaining({ actor: 'ada', actorKind: 'admin', event: 'note' }),
    ]);
    expect((await call(api.app, 'GET', '/api/v1/accounts/A2/notes', { as: api.users.dan })).body.notes).toEqual([]);
  });

  it('never takes the author from the body, refuses an empty note, an approver, a customer and another tenant', async () => {
    const forged = await call(api.app, 'POST', '/api/v1/accounts/A1/notes', { as: api.users.dan, body: { body: 'x', author: 'ada' } });
    expect([forged.status, forged.body.error.code]).toEqual([400, 'INVALID_INPUT']);
    const empty = await call(api.app, 'POST', '/api/v1/accounts/A1/notes', { as: api.users.dan, body: { body: '   ' } });
    expect([empty.status, empty.body.error.message]).toEqual([400, expect.stringContaining('a note needs some text')]);
    // A NUL is refused at the door on every engine (PostgreSQL's text could not store it), and nothing is written.
    const nul = await call(api.app, 'POST', '/api/v1/accounts/A1/notes', { as: api.users.dan, body: { body: 'a\u0000b' } });
    expect([nul.status, nul.body.error.code, nul.body.error.message]).toEqual([400, 'INVALID_INPUT', 'body: text may not hold a NUL character (U+0000)']);
    expect((await call(api.app, 'GET', '/api/v1/accounts/A1/notes', { as: api.users.dan })).body.notes).toEqual([]);
    expect((await call(api.app, 'POST', '/api/v1/accounts/A1/notes', { as: api.users.bob, body: { body: 'x' } })).status).toBe(403);
    expect((await call(api.app, 'GET', '/api/v1/accounts/A1/notes', { as: api.users.cora })).status).toBe(403);
    expect((await call(api.app, 'POST', '/api/v1/accounts/A1/notes', { as: api.users.uma, body: { body: 'x' } })).status).toBe(404);
    expect((await call(api.app, 'POST', '/api/v1/accounts/NOPE/notes', { as: api.users.dan, body: { body: 'x' } })).status).toBe(404);
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM account_notes').get()).toEqual({ n: 0 });
  });

  it('keeps notes append-only: the table refuses an edit, a delete and a replace', async () => {
    const { body: note } = await call(api.app, 'POST', '/api/v1/accounts/A1/notes', { as: api.users.dan, body: { body: 'original' } });
    const refused = { code: 'SQLITE_CONSTRAINT_TRIGGER' };
    expect(() => store.sqlite.prepare("UPDATE account_notes SET body = 'rewritten' WHERE id = ?").run(note.id)).toThrow(expect.objectContaining(refused));
    expect(() => store.sqlite.prepare('DELETE FROM account_notes WHERE id = ?').run(note.id)).toThrow(expect.objectContaining(refused));
    // A replace in each dialect's own words: SQLite's INSERT OR REPLACE, PostgreSQL's upsert.
    const insert = "INTO account_notes (id, tenant, account_id, author, body, created_at) VALUES (?, 't', 'A1', 'ada', 'forged', 'x')";
    const replace = store.dialect === 'postgres' ? `INSERT ${insert} ON CONFLICT (id) DO UPDATE SET author = excluded.author, body = excluded.body` : `INSERT OR REPLACE ${insert}`;
    expect(() => store.sqlite.prepare(replace).run(note.id)).toThrow(expect.objectContaining(refused));
    expect(store.sqlite.prepare('SELECT author, body FROM account_notes').all()).toEqual([{ author: 'dan', body: 'original' }]);
  });

  it('searches accounts by id, customer id or name, with LIKE wildcards taken literally', async () => {
    const ids = async (q: string) => (await call(api.app, 'GET', `/api/v1/accounts?search=${encodeURIComponent(q)}`, { as: api.users.dan })).body.accounts.map((a: { id: string }) => a.id);
    expect(await ids('babbage')).toEqual(['A2']);
    expect(await ids('C1')).toEqual(['A1']);
    expect(await ids('a')).toEqual(['A1', 'A2']);
    expect(await ids('%')).toEqual([]);
    expect(await ids('_')).toEqual([]);
  });
});
