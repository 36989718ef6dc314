import { randomUUID } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, Hono } from 'hono';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { matchedRoutes } from 'hono/route';
import { secureHeaders } from 'hono/secure-headers';
import { silentLogger, systemClock, type ChatModelFactory, type Clock, type Logger } from '../app/index.ts';
import { migrationStatus, type Store } from '../db/index.ts';
import { BillingError } from '../tools/errors.ts';
import { zodToBillingError } from '../tools/schemas/index.ts';
import { renderApiDocs } from './api-docs.ts';
import { authenticate } from './authenticate.ts';
import { mountRoute } from './define-route.ts';
import { errorReply } from './error-reply.ts';
import { createServerMetrics } from './metrics.ts';
import { createRateLimiter } from './rate-limit.ts';
import { routes } from './routes/index.ts';
import { errorPage, mountWeb } from './web/index.ts';
import type { WebEnv } from './web/web-env.ts';
import type { ServerEnv } from './server-env.ts';

/** The API's limits; tests lower them. */
export interface ServerLimits {
  /** Largest JSON request body, in bytes (streamed uploads have no JSON body and no limit). */
  jsonBodyBytes: number;
  /** Failed token checks allowed per client address per minute; more are refused with 429. */
  authFailuresPerMinute: number;
  /** Chat messages a user may post per minute. */
  chatPostsPerMinute: number;
}

export const DEFAULT_LIMITS: ServerLimits = { jsonBodyBytes: 1024 * 1024, authFailuresPerMinute: 20, chatPostsPerMinute: 20 };

/** What the API needs from its process: the store, and a clock and logger (tests fix them). */
export interface ServerDeps {
  store: Store;
  clock?: Clock;
  logger?: Logger;
  limits?: Partial<ServerLimits>;
  /** The chat model instead of the configured one (tests). */
  chatModel?: ChatModelFactory;
}

/** The client's address, for rate limits (in-process requests have none). */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}

/** The route a request matched, as declared (`/api/v1/invoices/:number`), or `unmatched`: a bounded label for logs and metrics. */
function matchedRoute(c: Context): string {
  const routes = matchedRoutes(c).filter((r) => r.method !== 'ALL');
  return routes[routes.length - 1]?.path ?? 'unmatched';
}

const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/** The Switchboard HTTP API as a Hono app (served by `switchboard serve`, tested with app.request). */
export function createApp(deps: ServerDeps): OpenAPIHono<ServerEnv> {
  const logger = deps.logger ?? silentLogger;
  const clock = deps.clock ?? systemClock();
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const metrics = createServerMetrics();
  const app = new OpenAPIHono<ServerEnv>({
    // A request that does not fit a route's schema is refused the way an operation refuses bad input: the field named.
    defaultHook: (result) => {
      if (!result.success) throw zodToBillingError(result.error, 'INVALID_INPUT', result.target === 'json' ? 'body' : result.target);
    },
  });
  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('requestId', randomUUID());
    await next();
    c.header('x-request-id', c.get('requestId'));
    const seconds = (performance.now() - started) / 1000;
    const route = matchedRoute(c);
    const status = c.res.status;
    metrics.observe({ method: c.req.method, route, status, seconds });
    // Ids, route, status and time only: never headers (tokens) or bodies.
    const fields = { requestId: c.get('requestId'), method: c.req.method, route, status, durationMs: seconds * 1000 };
    if (PROBES.has(c.req.path)) logger.debug(fields, 'request');
    else logger.info(fields, 'request');
  });
  // same-origin (not no-referrer): browsers then send the page's real Origin with its forms, which the CSRF check reads.
  app.use('*', secureHeaders({ referrerPolicy: 'same-origin' }));
  // CORS is closed: no Access-Control-Allow-Origin on any reply, and a preflight is refused.
  app.use('*', async (c, next) => {
    if (c.req.method === 'OPTIONS') throw new BillingError('METHOD_NOT_ALLOWED', 'cross-origin requests are not allowed (CORS is closed); call the API from the same origin or a server');
    await next();
  });
  app.use(
    '*',
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) => {
        const res = errorReply(c, new BillingError('METHOD_NOT_ALLOWED', `${c.req.method} is not allowed on ${c.req.path}; allowed: ${methods.join(', ')}`), logger);
        res.headers.set('allow', methods.join(', '));
        return res;
      },
    }),
  );
  app.onError((err, c) => {
    // The API and the probes answer in JSON; the console's and portal's pages in a page.
    const res = c.req.path.startsWith('/api/') || PROBES.has(c.req.path) ? errorReply(c, err, logger) : errorPage(c, err, logger);
    if (err instanceof BillingError && typeof err.details?.retryAfter === 'number') res.headers.set('retry-after', String(err.details.retryAfter));
    return res;
  });
  app.notFound((c) => errorReply(c, new BillingError('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`), logger));

  // Unauthenticated: whether the process is up, whether it can serve (database and migrations), and its metrics.
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', (c) => {
    const m = migrationStatus(deps.store);
    const ready = m.reachable && m.pending.length === 0;
    return c.json(
      { status: ready ? 'ready' : 'not ready', database: m.reachable ? 'reachable' : 'unreachable', migrations: { applied: m.applied, expected: m.expected, pending: m.pending } },
      ready ? 200 : 503,
    );
  });
  app.get('/metrics', async (c) => {
    const { body, contentType } = await metrics.render();
    return c.body(body, 200, { 'content-type': contentType });
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'an API token from `switchboard users token create <user>`' });
  const docConfig = { openapi: '3.1.0', info: { title: 'Switchboard API', version: '1' }, servers: [{ url: '/' }] };
  app.doc31('/api/openapi.json', docConfig);
  let docsPage: string | undefined;
  app.get('/api/docs', (c) => {
    docsPage ??= renderApiDocs(app.getOpenAPI31Document(docConfig) as never);
    // The page is ours only: no script at all, its style inline.
    return c.html(docsPage, 200, { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'" });
  });

  const authFailures = createRateLimiter({ limit: limits.authFailuresPerMinute, windowMs: 60_000, now: () => clock.now().getTime() });
  const chatPosts = createRateLimiter({ limit: limits.chatPostsPerMinute, windowMs: 60_000, now: () => clock.now().getTime() });
  app.use('/api/v1/*', authenticate({ store: deps.store, clock, logger, failures: authFailures, clientAddress, ...(deps.chatModel ? { chatModel: deps.chatModel } : {}) }));
  mountWeb(app as unknown as Hono<WebEnv>, { store: deps.store, clock, logger, failures: authFailures, chatPosts, clientAddress, ...(deps.chatModel ? { chatModel: deps.chatModel } : {}) });
  for (const r of routes) mountRoute(app, { ...r, path: `/api/v1${r.path}` }, { jsonBodyBytes: limits.jsonBodyBytes, chatPosts });
  return app;
}
