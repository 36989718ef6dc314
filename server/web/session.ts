import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createContext, userActor, type Actor, type ChatModelFactory, type Clock, type Logger } from '../../app/index.ts';
import { findWebSession, getUser, openWebSession, type Store, type UserRecord, type WebSession } from '../../db/index.ts';
import { BillingError } from '../../tools/errors.ts';
import type { WebEnv } from './web-env.ts';

/** The console's cookie (whole site) and the portal's (only /portal), so one browser can hold both. */
export const CONSOLE_COOKIE = 'sb_console';
export const PORTAL_COOKIE = 'sb_portal';

/** How long a signed-in session lasts. */
export const SESSION_HOURS = 12;

/** What the web middleware needs from the server. */
export interface WebDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  chatModel?: ChatModelFactory;
}

/** Sets a session cookie: HttpOnly (no script reads it), SameSite=Strict, Secure over HTTPS. */
export function setSessionCookie(c: Context, name: string, sessionId: string, expiresAt: Date): void {
  setCookie(c, name, sessionId, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: new URL(c.req.url).protocol === 'https:',
    path: name === PORTAL_COOKIE ? '/portal' : '/',
    expires: expiresAt,
  });
}

/** Removes a session cookie from the browser. */
export function clearSessionCookie(c: Context, name: string): void {
  deleteCookie(c, name, { path: name === PORTAL_COOKIE ? '/portal' : '/' });
}

/** Opens a session for a user who signed in with a token, and sets its cookie. */
export function startUserSession(c: Context, deps: WebDeps, user: UserRecord, cookie: string): WebSession {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  const { sessionId, session } = openWebSession(deps.store, { tenant: user.tenant, userId: user.id, expiresAt, now });
  setSessionCookie(c, cookie, sessionId, expiresAt);
  return session;
}

/** The live session of a request's cookie, or null. */
export function readSession(c: Context, deps: WebDeps, cookie: string): WebSession | null {
  const id = getCookie(c, cookie);
  return id ? findWebSession(deps.store, id, deps.clock.now()) : null;
}

/** Puts the session, the user and the operation context on the request. */
export function bindSession(c: Context<WebEnv>, deps: WebDeps, session: WebSession, actor: Actor, displayName: string, user?: UserRecord): void {
  c.set('session', session);
  c.set('displayName', displayName);
  if (user) c.set('user', user);
  c.set('operationContext', createContext({ ...deps, actor, requestId: c.get('requestId') }));
}

/** Where a browser that is not signed in is sent: the sign-in page, coming back here after. */
function toSignIn(c: Context, path: string): Response {
  const here = new URL(c.req.url);
  return c.redirect(`${path}?next=${encodeURIComponent(here.pathname + here.search)}`, 303);
}

/**
 * The console's guard: a staff user's live session, or a redirect to sign in (pages) and 401
 * (anything else). Customers have the portal; their token does not open the console.
 */
export function consoleSession(deps: WebDeps): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const session = readSession(c, deps, CONSOLE_COOKIE);
    let user: UserRecord | null = null;
    if (session?.userId) {
      try {
        user = getUser(deps.store, session.userId);
      } catch {
        user = null; // the user was removed: the session no longer works
      }
    }
    if (!session || !user || user.roles.every((r) => r === 'customer')) {
      if (c.req.method === 'GET') return toSignIn(c, '/sign-in');
      throw new BillingError('UNAUTHORIZED', 'sign in again: the session has ended');
    }
    bindSession(c, deps, session, userActor(user), user.name, user);
    return next();
  };
}
