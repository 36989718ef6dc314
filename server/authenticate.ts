import type { MiddlewareHandler } from 'hono';
import { createContext, userActor, type ChatModelFactory, type Clock, type Logger } from '../app/index.ts';
import { userForToken, type Store } from '../db/index.ts';
import { BillingError } from '../tools/errors.ts';
import type { ServerEnv } from './server-env.ts';

/**
 * Reads `Authorization: Bearer <token>`, finds its user (only a hash is stored) and builds the
 * operation context every route runs in: identity and tenant from the token, never the request.
 */
export function authenticate(deps: { store: Store; clock: Clock; logger: Logger; chatModel?: ChatModelFactory }): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new BillingError('UNAUTHORIZED', 'send an API token: Authorization: Bearer <token> (`switchboard users token create <user>` makes one)');
    const user = userForToken(deps.store, match[1]!);
    if (!user) throw new BillingError('UNAUTHORIZED', 'the API token is unknown or revoked');
    c.set('user', user);
    const requestId = c.get('requestId');
    c.set('operationContext', createContext({ ...deps, actor: userActor(user), requestId }));
    await next();
  };
}
