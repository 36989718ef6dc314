import { OpenAPIHono } from '@hono/zod-openapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineOperation, silentLogger, systemClock } from '../app/index.ts';
import { claimIdempotencyKey } from '../db/index.ts';
import { createTempStore } from '../db/testing/create-temp-store.ts';
import { authenticate } from './authenticate.ts';
import { defineRoute, mountRoute, type RouteSpec } from './define-route.ts';
import { errorReply } from './error-reply.ts';
import { createRateLimiter } from './rate-limit.ts';
import type { ServerEnv } from './server-env.ts';
import { call, setUpApi } from './testing/api-setup.ts';

/** An operation that counts its runs and waits for the test to let it finish. */
function gatedOperation() {
  const state = { runs: 0, release: () => {} };
  const gate = () => new Promise<void>((resolve) => (state.release = resolve));
  let pending = gate();
  const op = defineOperation({
    name: 'tests.create',
    summary: 'Create a thing',
    effect: 'write',
    roles: ['analyst'],
    input: z.object({ name: z.string() }).strict(),
    output: z.object({ id: z.number(), name: z.string() }),
    handler: async (_ctx, { name }) => {
      state.runs++;
      const id = state.runs;
      await pending;
      pending = gate();
      return { id, name };
    },
  });
  return { op, state };
}

function miniApp(store: ReturnType<typeof createTempStore>, specs: RouteSpec[], chatLimit = 100) {
  const app = new OpenAPIHono<ServerEnv>();
  app.use('*', async (c, next) => {
    c.set('requestId', 'req-1');
    await next();
  });
  app.onError((err, c) => errorReply(c, err, silentLogger));
  const clock = systemClock();
  app.use('/api/*', authenticate({ store, clock, logger: silentLogger, failures: createRateLimiter({ limit: 100, windowMs: 60_000 }), clientAddress: () => 'test' }));
  const chatPosts = createRateLimiter({ limit: chatLimit, windowMs: 60_000 });
  for (const spec of specs) mountRoute(app, spec, { jsonBodyBytes: 1024, chatPosts });
  return app;
}

describe('Idempotency-Key', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('runs a request once for concurrent same-key requests, then answers the retry with the first response', async () => {
    const { op, state } = gatedOperation();
    const app = miniApp(store, [defineRoute({ op, method: 'post', path: '/api/things', tags: ['tests'], status: 201, idempotent: true }) as RouteSpec]);
    const send = (body: unknown, key = 'k-1', as = api.users.alice) => call(app, 'POST', '/api/things', { as, body, headers: { 'idempotency-key': key } });
    const first = send({ name: 'one' });
    await new Promise((r) => setTimeout(r, 0));
    // While the first still runs, a second with the same key is refused, not run.
    const concurrent = await send({ name: 'one' });
    expect([concurrent.status, concurrent.body.error.code]).toEqual([409, 'CONFLICT']);
    expect(concurrent.body.error.message).toContain('still running');
    state.release();
    const done = await first;
    expect([done.status, done.body]).toEqual([201, { id: 1, name: 'one' }]);
    const retry = await send({ name: 'one' });
    expect([retry.status, retry.body, retry.headers.get('idempotent-replayed')]).toEqual([201, { id: 1, name: 'one' }, 'true']);
    expect(state.runs).toBe(1);
    // The same key with another body is a mistake, named as such.
    const other = await send({ name: 'two' });
    expect([other.status, other.body.error.code]).toEqual([409, 'CONFLICT']);
    // Keys are per user: carol's k-1 is her own request.
    const carol = send({ name: 'one' }, 'k-1', api.users.carol);
    await new Promise((r) => setTimeout(r, 0));
    state.release();
    expect((await carol).body).toEqual({ id: 2, name: 'one' });
    // Without a key every request runs.
    const plain = call(app, 'POST', '/api/things', { as: api.users.alice, body: { name: 'one' } });
    await new Promise((r) => setTimeout(r, 0));
    state.release();
    expect((await plain).body.id).toBe(3);
  });

  it('lets the key go when the request fails, so the corrected retry runs', async () => {
    const { op, state } = gatedOperation();
    const app = miniApp(store, [defineRoute({ op, method: 'post', path: '/api/things', tags: ['tests'], status: 201, idempotent: true }) as RouteSpec]);
    const bad = await call(app, 'POST', '/api/things', { as: api.users.alice, body: { name: 1 }, headers: { 'idempotency-key': 'k-2' } });
    expect(bad.status).toBe(400);
    const good = call(app, 'POST', '/api/things', { as: api.users.alice, body: { name: 'x' }, headers: { 'idempotency-key': 'k-2' } });
    await new Promise((r) => setTimeout(r, 0));
    state.release();
    expect((await good).status).toBe(201);
    expect(state.runs).toBe(1);
  });

  it('claims a key in the store once: a second claim while pending is CONFLICT', () => {
    const claim = { userId: 'alice', key: 'k', route: 'POST /x', requestHash: 'h' };
    expect(claimIdempotencyKey(store, claim).kind).toBe('claimed');
    expect(() => claimIdempotencyKey(store, claim)).toThrow(/still running/);
    expect(() => claimIdempotencyKey(store, { ...claim, requestHash: 'other' })).toThrow(/another request/);
    // A claim whose process died long ago is taken over.
    expect(claimIdempotencyKey(store, claim, new Date(Date.now() + 11 * 60_000)).kind).toBe('claimed');
  });

  it('replays the first response of a real route (POST /users) without running it again', async () => {
    const key = { 'idempotency-key': 'add-eve' };
    const first = await call(api.app, 'POST', '/api/v1/users', { as: api.users.ada, body: { id: 'eve', roles: ['analyst'] }, headers: key });
    expect(first.status).toBe(201);
    await call(api.app, 'POST', '/api/v1/users', { as: api.users.ada, body: { id: 'eve', name: 'Eve Renamed', roles: ['analyst'] } });
    const retry = await call(api.app, 'POST', '/api/v1/users', { as: api.users.ada, body: { id: 'eve', roles: ['analyst'] }, headers: key });
    expect([retry.status, retry.body]).toEqual([201, first.body]);
    const list = await call(api.app, 'GET', '/api/v1/users', { as: api.users.ada });
    expect(list.body.users.find((u: { id: string }) => u.id === 'eve').name).toBe('Eve Renamed');
  });
});

describe('chat rate limit', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('lets a user post only so many chat messages a minute; others are not held back', async () => {
    const op = defineOperation({
      name: 'tests.chat',
      summary: 'Post',
      effect: 'read',
      roles: ['analyst'],
      input: z.object({ text: z.string() }),
      output: z.object({ ok: z.boolean() }),
      handler: () => ({ ok: true }),
    });
    const app = miniApp(store, [defineRoute({ op, method: 'post', path: '/api/chat', tags: ['chat'] }) as RouteSpec], 2);
    const post = (as: typeof api.users.alice) => call(app, 'POST', '/api/chat', { as, body: { text: 'hi' } });
    expect((await post(api.users.alice)).status).toBe(200);
    expect((await post(api.users.alice)).status).toBe(200);
    const third = await post(api.users.alice);
    expect([third.status, third.body.error.code]).toEqual([429, 'RATE_LIMITED']);
    expect((await post(api.users.dan)).status).toBe(200);
  });
});

describe('Idempotency-Key on a streamed reply', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('sends the stream as it is made and keeps its copy once it has ended', async () => {
    let push: (text: string | null) => void = () => {};
    const op = defineOperation({ name: 'tests.stream', summary: 'Stream', effect: 'read', roles: ['analyst'], input: z.object({ q: z.string() }), output: z.object({}), handler: () => ({}) });
    const spec = defineRoute({
      op,
      method: 'post',
      path: '/api/stream',
      tags: ['tests'],
      idempotent: true,
      send: () =>
        new Response(new ReadableStream<Uint8Array>({ start: (c) => void (push = (t) => (t === null ? c.close() : c.enqueue(new TextEncoder().encode(t)))) }), {
          headers: { 'content-type': 'text/event-stream' },
        }),
    }) as RouteSpec;
    const app = miniApp(store, [spec]);
    const init = { method: 'POST', headers: { ...api.users.alice.headers, 'content-type': 'application/json', 'idempotency-key': 's-1' }, body: JSON.stringify({ q: 'x' }) };
    const res = await app.request('/api/stream', init);
    const reader = res.body!.getReader();
    push('data: one\n\n');
    // The first event arrives while the stream is still open.
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: one\n\n');
    expect((await app.request('/api/stream', init)).status).toBe(409);
    push('data: two\n\n');
    push(null);
    while (!(await reader.read()).done);
    await new Promise((r) => setTimeout(r, 0));
    const replay = await app.request('/api/stream', init);
    expect([replay.status, replay.headers.get('idempotent-replayed'), await replay.text()]).toEqual([200, 'true', 'data: one\n\ndata: two\n\n']);
  });
});
