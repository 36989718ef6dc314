import { randomUUID } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { silentLogger, systemClock, type ChatModelFactory, type Clock, type Logger } from '../app/index.ts';
import type { Store } from '../db/index.ts';
import { BillingError } from '../tools/errors.ts';
import { zodToBillingError } from '../tools/schemas/index.ts';
import { authenticate } from './authenticate.ts';
import { mountRoute } from './define-route.ts';
import { errorReply } from './error-reply.ts';
import { routes } from './routes/index.ts';
import type { ServerEnv } from './server-env.ts';

/** What the API needs from its process: the store, and a clock and logger (tests fix them). */
export interface ServerDeps {
  store: Store;
  clock?: Clock;
  logger?: Logger;
  /** The chat model instead of the configured one (tests). */
  chatModel?: ChatModelFactory;
}

/** The Switchboard HTTP API as a Hono app (served by `switchboard serve`, tested with app.request). */
export function createApp(deps: ServerDeps): OpenAPIHono<ServerEnv> {
  const logger = deps.logger ?? silentLogger;
  const clock = deps.clock ?? systemClock();
  const app = new OpenAPIHono<ServerEnv>({
    // A request that does not fit a route's schema is refused the way an operation refuses bad input: the field named.
    defaultHook: (result) => {
      if (!result.success) throw zodToBillingError(result.error, 'INVALID_INPUT', result.target === 'json' ? 'body' : result.target);
    },
  });
  app.use('*', async (c, next) => {
    c.set('requestId', randomUUID());
    await next();
    c.header('x-request-id', c.get('requestId'));
  });
  app.use('*', secureHeaders());
  app.onError((err, c) => errorReply(c, err, logger));
  app.notFound((c) => errorReply(c, new BillingError('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`), logger));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'an API token from `switchboard users token create <user>`' });
  app.doc31('/api/openapi.json', { openapi: '3.1.0', info: { title: 'Switchboard API', version: '1' }, servers: [{ url: '/' }] });

  app.use('/api/v1/*', authenticate({ store: deps.store, clock, logger, ...(deps.chatModel ? { chatModel: deps.chatModel } : {}) }));
  for (const r of routes) mountRoute(app, { ...r, path: `/api/v1${r.path}` });
  return app;
}
