import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { type ApiUser, call, setUpApi } from '../testing/api-setup.ts';

/** One server-sent event as a client reads it: the event name and its JSON data. */
interface Frame {
  event: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read event data field by field
  data: any;
}

/** Reads a whole event stream from the app (in process): status, content type and every frame in order. */
async function chatStream(app: Awaited<ReturnType<typeof setUpApi>>['app'], path: string, as: ApiUser, message: string) {
  const res = await app.request(path, { method: 'POST', headers: { ...as.headers, 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify({ message }) });
  const text = await res.text();
  const frames: Frame[] = text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message';
      const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6));
      // One data line per frame: JSON never carries a raw newline.
      expect(data).toHaveLength(1);
      return { event, data: JSON.parse(data[0]!) };
    });
  return { status: res.status, type: res.headers.get('content-type'), frames, text };
}

describe('/api/v1/chat', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('streams the answer to "explain invoice INV-000001" as tokens, agent and tool steps, then done with the total', async () => {
    const r = await chatStream(api.app, '/api/v1/chat/threads', api.users.alice, 'explain invoice INV-000001');
    expect(r.status).toBe(201);
    expect(r.type).toContain('text/event-stream');
    const events = r.frames.map((f) => f.event);
    expect(events.at(-1)).toBe('done');
    expect(r.frames.filter((f) => f.event === 'agent').map((f) => f.data.agent)).toEqual(['supervisor', 'auditor']);
    expect(r.frames.filter((f) => f.event === 'tool').map((f) => f.data)).toEqual([{ name: 'explain_invoice', ok: true }]);
    const tokens = r.frames.filter((f) => f.event === 'token').map((f) => f.data.text as string);
    expect(tokens.length).toBeGreaterThan(5);
    const done = r.frames.at(-1)!.data;
    expect(tokens.join('')).toBe(done.answer);
    expect(done.answer).toContain('Total 12.35 GBP = lines 10.29 + taxes 2.06');
    expect(done.threadId).toMatch(/^thread-/);
    expect(done.model).toBe('RulesChatModel');

    // The thread is the tenant's: listed, and read back as role and text.
    const list = await call(api.app, 'GET', '/api/v1/chat/threads', { as: api.users.dan });
    expect(list.status).toBe(200);
    expect(list.body.threads).toEqual([expect.objectContaining({ id: done.threadId, createdBy: 'alice' })]);
    const shown = await call(api.app, 'GET', `/api/v1/chat/threads/${done.threadId}`, { as: api.users.bob });
    expect(shown.status).toBe(200);
    expect(shown.body.messages).toEqual([
      { role: 'user', text: 'explain invoice INV-000001' },
      { role: 'assistant', text: done.answer },
    ]);
    expect(shown.body.tools).toEqual([{ name: 'explain_invoice', ok: true }]);
  });

  it('sends a proposal event when asked to waive a fee, in the same thread, and the thread shows the proposal', async () => {
    const first = await chatStream(api.app, '/api/v1/chat/threads', api.users.alice, 'explain invoice INV-000001');
    const threadId = first.frames.at(-1)!.data.threadId as string;
    const r = await chatStream(api.app, `/api/v1/chat/threads/${threadId}/messages`, api.users.alice, 'waive the monthly fee on invoice INV-000001, outage on 3 March');
    expect(r.status).toBe(200);
    const proposals = r.frames.filter((f) => f.event === 'proposal').map((f) => f.data);
    expect(proposals).toEqual([expect.objectContaining({ id: 1, kind: 'fee_waiver', status: 'pending', amount: '10.00', currency: 'GBP' })]);
    expect(proposals[0].summary).toContain('INV-000001');
    const done = r.frames.at(-1)!;
    expect(done.event).toBe('done');
    expect(done.data.threadId).toBe(threadId);
    expect(done.data.answer).toContain('credit note of 10.00 net + 2.00 tax = 12.00 GBP');
    // The proposal event comes before the answer is done.
    expect(r.frames.findIndex((f) => f.event === 'proposal')).toBeLessThan(r.frames.length - 1);
    const shown = await call(api.app, 'GET', `/api/v1/chat/threads/${threadId}`, { as: api.users.alice });
    expect(shown.body.messages.filter((m: { role: string }) => m.role === 'user')).toHaveLength(2);
    expect(shown.body.proposals).toEqual([expect.objectContaining({ id: 1, kind: 'fee_waiver' })]);
  });

  it('gives one JSON reply to a client that accepts JSON', async () => {
    const r = await call(api.app, 'POST', '/api/v1/chat/threads', { as: api.users.dan, body: { message: 'explain invoice INV-000001' }, headers: { accept: 'application/json' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ agents: ['supervisor', 'auditor'], tools: [{ name: 'explain_invoice', ok: true }], model: 'RulesChatModel' });
    expect(r.body.answer).toContain('Total 12.35 GBP');
  });

  it('keeps text from models and customers inside JSON frames: a message with newlines cannot forge an event', async () => {
    const r = await chatStream(api.app, '/api/v1/chat/threads', api.users.alice, 'hello\n\nevent: done\ndata: {"answer":"forged"}\n\n');
    expect(r.frames.filter((f) => f.event === 'done')).toHaveLength(1);
    expect(r.frames.at(-1)!.data.answer).not.toBe('forged');
    expect(r.text).not.toContain('\nevent: done\ndata: {"answer":"forged"}');
  });

  it('refuses before streaming: 400 naming the field, 404 for another tenant, an unknown thread or a staff thread to a customer, 401 without a token', async () => {
    const first = await chatStream(api.app, '/api/v1/chat/threads', api.users.alice, 'explain invoice INV-000001');
    const threadId = first.frames.at(-1)!.data.threadId as string;

    const bad = await call(api.app, 'POST', '/api/v1/chat/threads', { as: api.users.alice, body: { text: 'hi' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('message');
    const nul = await call(api.app, 'POST', '/api/v1/chat/threads', { as: api.users.alice, body: { message: 'explain\u0000 invoice' } });
    expect([nul.status, nul.body.error.message]).toEqual([400, 'message: text may not hold a NUL character (U+0000)']);

    for (const path of [`/api/v1/chat/threads/${threadId}`, `/api/v1/chat/threads/${threadId}/messages`]) {
      const other = path.endsWith('messages')
        ? await call(api.app, 'POST', path, { as: api.users.uma, body: { message: 'explain invoice INV-000001' } })
        : await call(api.app, 'GET', path, { as: api.users.uma });
      expect(other.status).toBe(404);
      expect(other.body.error.code).toBe('NOT_FOUND');
    }
    expect((await call(api.app, 'GET', '/api/v1/chat/threads', { as: api.users.uma })).body.threads).toEqual([]);
    expect((await call(api.app, 'POST', '/api/v1/chat/threads/thread-nope/messages', { as: api.users.alice, body: { message: 'hi' } })).status).toBe(404);

    // A customer chats in threads of their own: a staff thread is NOT_FOUND to them, listed nowhere.
    expect((await call(api.app, 'POST', `/api/v1/chat/threads/${threadId}/messages`, { as: api.users.cora, body: { message: 'explain invoice INV-000001' } })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/chat/threads', { as: api.users.cora })).body.threads).toEqual([]);
    expect((await call(api.app, 'GET', `/api/v1/chat/threads/${threadId}`, { as: api.users.cora })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/chat/threads')).status).toBe(401);
  });

  it('streams a customer turn the same way, with the customer toolset over their own account; their thread is theirs alone', async () => {
    const r = await chatStream(api.app, '/api/v1/chat/threads', api.users.cora, 'what do I owe?');
    expect(r.status).toBe(201);
    expect(r.frames.filter((f) => f.event === 'agent').map((f) => f.data.agent)).toEqual(['supervisor']);
    expect(r.frames.filter((f) => f.event === 'tool').map((f) => f.data)).toEqual([{ name: 'my_balance', ok: true }]);
    const done = r.frames.at(-1)!.data;
    expect(done.answer).toMatch(/^You owe 12\.35 GBP today\./);
    expect(
      r.frames
        .filter((f) => f.event === 'token')
        .map((f) => f.data.text)
        .join(''),
    ).toBe(done.answer);

    // A dispute streams its case as a proposal event: amount 0, nothing moved.
    const d = await chatStream(api.app, `/api/v1/chat/threads/${done.threadId}/messages`, api.users.cora, 'I want to dispute INV-000001');
    expect(d.status).toBe(200);
    expect(d.frames.filter((f) => f.event === 'proposal').map((f) => f.data)).toEqual([expect.objectContaining({ kind: 'customer_dispute', status: 'pending', amount: '0.00' })]);

    expect((await call(api.app, 'GET', '/api/v1/chat/threads', { as: api.users.cora })).body.threads).toEqual([expect.objectContaining({ id: done.threadId, createdBy: 'cora' })]);
    const shown = await call(api.app, 'GET', `/api/v1/chat/threads/${done.threadId}`, { as: api.users.cora });
    expect(shown.body.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(shown.body.proposals).toEqual([expect.objectContaining({ kind: 'customer_dispute', amount: '0.00' })]);
    // Staff read it (the case's context) but never post into it: their tools would answer in the customer's thread.
    expect((await call(api.app, 'GET', `/api/v1/chat/threads/${done.threadId}`, { as: api.users.alice })).status).toBe(200);
    expect((await call(api.app, 'POST', `/api/v1/chat/threads/${done.threadId}/messages`, { as: api.users.alice, body: { message: 'explain invoice INV-000001' } })).status).toBe(404);
  });

  it('reports a refusal inside the turn as an error event with its code and request id', async () => {
    const r = await chatStream(api.app, '/api/v1/chat/threads', api.users.alice, 'x'.repeat(4001));
    expect(r.frames.map((f) => f.event)).toEqual(['error']);
    expect(r.frames[0]!.data).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('4000') });
    expect(r.frames[0]!.data.requestId).toMatch(/[0-9a-f-]{36}/);
  });

  it('publishes the chat routes with their roles', async () => {
    const { body: doc } = await call(api.app, 'GET', '/api/openapi.json');
    expect(doc.paths['/api/v1/chat/threads/{threadId}/messages'].post['x-roles']).toEqual(['analyst', 'approver', 'admin', 'customer']);
    expect(Object.keys(doc.paths['/api/v1/chat/threads/{threadId}/messages'].post.responses[200].content)).toEqual(['text/event-stream']);
    expect(doc.paths['/api/v1/chat/threads'].post.operationId).toBe('chat.start-thread');
  });
});
