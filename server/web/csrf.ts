import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { BillingError } from '../../tools/errors.ts';
import type { WebEnv } from './web-env.ts';

const SAFE = new Set(['GET', 'HEAD']);

/** True when two strings are equal, compared in constant time. */
function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Refuses a request whose Origin is another site. Browsers send Origin on every POST; a request
 * without one (curl, the tests' in-process calls) is left to the CSRF token.
 */
export function checkOrigin(c: Context): void {
  const origin = c.req.header('origin');
  if (origin && origin !== new URL(c.req.url).origin) throw new BillingError('FORBIDDEN', 'this form was sent from another site; reload the page and try again');
}

/**
 * CSRF protection for every state change made with the session cookie: the session's token must
 * come back in the `x-csrf-token` header (scripts) or the `_csrf` form field (forms). SameSite=Strict
 * already keeps other sites' requests cookie-less; the token also stops a same-site page that
 * is not ours.
 */
export function requireCsrf(): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    checkOrigin(c);
    const expected = c.get('session').csrfToken;
    let sent = c.req.header('x-csrf-token');
    if (!sent) {
      const type = c.req.header('content-type') ?? '';
      if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
        const form = await c.req.parseBody();
        sent = typeof form._csrf === 'string' ? form._csrf : undefined;
      }
    }
    if (!sent || !same(sent, expected)) throw new BillingError('FORBIDDEN', 'the form is out of date (CSRF token missing or wrong); reload the page and try again');
    return next();
  };
}
