import type { Context, MiddlewareHandler } from 'hono';
import { createContext, userActor, type ChatModelFactory, type Clock, type Logger } from '../app/index.ts';
import { userForToken, type Store } from '../db/index.ts';
import { BillingError } from '../tools/errors.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { ServerEnv } from './server-env.ts';

/**
 * Reads `Authorization: Bearer <token>`, finds its user (only a hash is stored) and builds the
 * operation context every route runs in: identity and tenant from the token, never the request.
 * A client address with too many failed checks in a minute is refused (429) before its token is
 * looked at, so tokens cannot be guessed at speed.
 */
export function authenticate(deps: {
  store: Store;
  clock: Clock;
  logger: Logger;
  failures: RateLimiter;
  clientAddress: (c: Context) => string;
  chatModel?: ChatModelFactory;
}): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const address = deps.clientAddress(c);
    if (deps.failures.blocked(address)) {
      const retryAfter = deps.failures.retryAfter(address);
      throw new BillingError('RATE_LIMITED', `too many failed token checks from this address; retry in ${retryAfter} s`, { retryAfter });
    }
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    // No token at all guesses nothing: only a presented token that fails counts against the address.
    if (!match) {
      throw new BillingError('UNAUTHORIZED', 'send an API token: Authorization: Bearer <token> (`switchboard users token create <user>` makes one)');
    }
    const user = userForToken(deps.store, match[1]!, deps.clock.now());
    if (!user) {
      deps.failures.hit(address);
      deps.logger.warn({ requestId: c.get('requestId'), address }, 'unknown or revoked API token');
      throw new BillingError('UNAUTHORIZED', 'the API token is unknown or revoked');
    }
    c.set('user', user);
    const requestId = c.get('requestId');
    c.set('operationContext', createContext({ ...deps, actor: userActor(user), requestId }));
    await next();
  };
}
