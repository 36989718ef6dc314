import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countIngest, metricTotal } from '../app/index.ts';
import { createTempStore } from '../db/testing/create-temp-store.ts';
import { renderApiDocs } from './api-docs.ts';
import { createApp } from './create-app.ts';
import { createPinoLogger } from './pino-logger.ts';
import { call, setUpApi, TODAY } from './testing/api-setup.ts';

describe('the API platform', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('answers /healthz and /readyz without a token; /readyz names a migration the database lacks', async () => {
    expect(await call(api.app, 'GET', '/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    const ready = await call(api.app, 'GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.migrations.pending).toEqual([]);
    expect(ready.body.migrations.applied).toBe(ready.body.migrations.expected);
    store.sqlite.prepare('DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)').run();
    const missing = await call(api.app, 'GET', '/readyz');
    expect(missing.status).toBe(503);
    expect(missing.body.migrations.pending).toEqual([lastMigrationTag()]);
  });

  it('publishes request counts and latencies by route and status, and the operations counters, in Prometheus text', async () => {
    await call(api.app, 'GET', '/api/v1/invoices/INV-000001', { as: api.users.alice });
    await call(api.app, 'GET', '/api/v1/invoices/INV-000002', { as: api.users.cora });
    const before = metricTotal('ingestRecordsRead');
    countIngest({ read: 5, accepted: 4, quarantined: 1 });
    const { status, body, headers } = await call(api.app, 'GET', '/metrics');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('text/plain');
    expect(body).toContain('switchboard_http_requests_total{method="GET",route="/api/v1/invoices/:number",status="200"} 1');
    expect(body).toContain('switchboard_http_requests_total{method="GET",route="/api/v1/invoices/:number",status="404"} 1');
    expect(body).toMatch(/switchboard_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/invoices\/:number",status="200"\} 1/);
    expect(body).toContain(`switchboard_ingest_records_read_total ${before + 5}`);
    expect(body).toContain('# TYPE switchboard_rating_events_rated_total counter');
  });

  it('logs each request with its id, route, status and time, never the token', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = createApp({ store, logger: createPinoLogger({ level: 'info', destination }) });
    const res = await call(app, 'GET', '/api/v1/invoices/INV-000001', { as: api.users.alice });
    await call(app, 'GET', '/api/v1/invoices', { headers: { authorization: 'Bearer sb_wrong_token' } });
    const logged = lines.map((l) => JSON.parse(l));
    expect(logged[0]).toMatchObject({ requestId: res.headers.get('x-request-id'), method: 'GET', route: '/api/v1/invoices/:number', status: 200, msg: 'request' });
    expect(typeof logged[0].durationMs).toBe('number');
    expect(logged.map((l) => l.status ?? l.msg)).toEqual([200, 'unknown or revoked API token', 401]);
    const all = lines.join('');
    expect(all).not.toContain(api.users.alice.token);
    expect(all).not.toContain('sb_wrong_token');
  });

  it('keeps CORS closed, refuses a preflight, and says 405 and 404 in the one error format', async () => {
    const get = await call(api.app, 'GET', '/api/v1/invoices', { as: api.users.alice, headers: { origin: 'https://evil.example' } });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    expect(get.headers.get('x-content-type-options')).toBe('nosniff');
    const preflight = await call(api.app, 'OPTIONS', '/api/v1/invoices', { headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect([preflight.status, preflight.body.error.code, preflight.headers.get('access-control-allow-origin')]).toEqual([405, 'METHOD_NOT_ALLOWED', null]);
    const wrong = await call(api.app, 'DELETE', '/api/v1/invoices', { as: api.users.alice });
    expect([wrong.status, wrong.body.error.code, wrong.headers.get('allow')]).toEqual([405, 'METHOD_NOT_ALLOWED', 'GET, HEAD']);
    expect(wrong.body.error.requestId).toBe(wrong.headers.get('x-request-id'));
    const none = await call(api.app, 'GET', '/api/v2/nothing');
    expect([none.status, none.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('refuses a JSON body over the limit with 413', async () => {
    const app = createApp({ store, limits: { jsonBodyBytes: 200 } });
    const small = await call(app, 'POST', '/api/v1/users', { as: api.users.ada, body: { id: 'eve', roles: ['analyst'] } });
    expect(small.status).toBe(201);
    const big = await call(app, 'POST', '/api/v1/users', { as: api.users.ada, body: { id: 'eve', roles: ['analyst'], name: 'E'.repeat(300) } });
    expect([big.status, big.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('refuses an address with too many failed token checks, until its window has passed', async () => {
    let now = Date.parse(`${TODAY}T12:00:00Z`);
    const app = createApp({ store, clock: { now: () => new Date(now), today: () => TODAY }, limits: { authFailuresPerMinute: 3 } });
    const bad = { headers: { authorization: 'Bearer sb_guess_guess' } };
    for (let i = 0; i < 2; i++) expect((await call(app, 'GET', '/api/v1/invoices', bad)).status).toBe(401);
    // No token at all guesses nothing and is not counted.
    for (let i = 0; i < 5; i++) expect((await call(app, 'GET', '/api/v1/invoices')).status).toBe(401);
    expect((await call(app, 'GET', '/api/v1/invoices', bad)).status).toBe(401);
    // Blocked now: even the good token, until the minute has passed.
    const blocked = await call(app, 'GET', '/api/v1/invoices', { as: api.users.alice });
    expect([blocked.status, blocked.body.error.code, blocked.headers.get('retry-after')]).toEqual([429, 'RATE_LIMITED', '60']);
    now += 61_000;
    expect((await call(app, 'GET', '/api/v1/invoices', { as: api.users.alice })).status).toBe(200);
  });

  it('serves a reference page of every route, built locally, with no script', async () => {
    const { body: doc } = await call(api.app, 'GET', '/api/openapi.json');
    const page = await call(api.app, 'GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.body).not.toMatch(/<script|https?:\/\/(?!127)/i);
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { summary: string }>>))
      for (const [method, op] of Object.entries(item)) {
        expect(page.body).toContain(`${method.toUpperCase()}</span> <code>${path.replace(/[{}]/g, (c) => c)}</code>`);
        expect(page.body).toContain(op.summary);
      }
    expect(page.body).toContain('Roles: admin');
    expect(page.body).toContain('<code>accountId</code>');
  });

  it('escapes every text of the document on the reference page', () => {
    const page = renderApiDocs({
      info: { title: 'T<i>', version: '1' },
      paths: { '/x/{a}': { get: { summary: '<script>alert(1)</script>', 'x-roles': ['admin"><b>'], parameters: [{ name: 'a"b', in: 'path', description: '<img src=x>' }] } } },
    });
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('"><b>');
    expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });
});

/** The tag of the newest committed migration (the one the test removes). */
function lastMigrationTag(): string {
  const journal = JSON.parse(readFileSync(new URL('../db/migrations/meta/_journal.json', import.meta.url), 'utf8')) as { entries: { tag: string }[] };
  return journal.entries[journal.entries.length - 1]!.tag;
}
