import type { Context, Hono } from 'hono';
import { openPortalLink } from '../../../app/portal/index.ts';
import { openWebSession, revokeWebSession, userForToken } from '../../../db/index.ts';
import { BillingError } from '../../../tools/errors.ts';
import type { RateLimiter } from '../../rate-limit.ts';
import { checkOrigin } from '../csrf.ts';
import { sendPage } from '../render.tsx';
import { clearSessionCookie, PORTAL_COOKIE, readSession, setSessionCookie, startUserSession, type WebDeps } from '../session.ts';
import { SignInForm } from '../sign-in.tsx';
import type { PortalEnv } from './portal-env.ts';
import { PortalRefusal } from './portal-layout.tsx';
import { customerOf } from './portal-session.ts';

/** What the portal's entry points need: the store and clock, and the API's failed-sign-in limiter. */
export type PortalEntryDeps = WebDeps & { failures: RateLimiter; clientAddress: (c: Context) => string };

const HINT = 'Use the portal link your operator sent you, or sign in with the API token of your customer user.';

/** Only a portal path is a place to go back to after signing in (never another site, never the console). */
function portalNext(next: unknown): string {
  return typeof next === 'string' && /^\/portal(\/|$|\?)/.test(next) && !next.includes('//') && !next.includes('\\') ? next : '/portal';
}

/** Ends the browser's current portal session, if any (a new link or sign-in replaces it). */
function endCurrent(c: Context, deps: WebDeps): void {
  const current = readSession(c, deps, PORTAL_COOKIE);
  if (current) revokeWebSession(deps.store, current.id, deps.clock.now());
}

/** Refuses with the limiter counting the address, like a wrong token. */
function blockedCheck(c: Context, deps: PortalEntryDeps): void {
  const address = deps.clientAddress(c);
  if (deps.failures.blocked(address)) throw new BillingError('RATE_LIMITED', `too many failed attempts from this address; retry in ${deps.failures.retryAfter(address)} s`);
}

/**
 * The portal's ways in and out: a signed link (GET /portal/open?link=…, then a 303 to /portal so
 * the token leaves the address bar), a customer's token (/portal/sign-in), and sign-out. Staff
 * tokens are refused here: they have the console, and show a customer's view with a portal link.
 */
export function mountPortalEntry(portal: Hono<PortalEnv>, deps: PortalEntryDeps): void {
  portal.get('/open', (c) => {
    blockedCheck(c, deps);
    // The token is a credential: no page of ours sends it on as a Referer.
    c.header('referrer-policy', 'no-referrer');
    const token = c.req.query('link') ?? '';
    const now = deps.clock.now();
    let link: ReturnType<typeof openPortalLink>;
    try {
      link = openPortalLink(deps.store, token, now);
    } catch (err) {
      if (!(err instanceof BillingError) || err.code !== 'UNAUTHORIZED') throw err;
      deps.failures.hit(deps.clientAddress(c));
      deps.logger.info({ requestId: c.get('requestId'), reason: err.message }, 'portal link refused');
      return sendPage(
        c,
        <PortalRefusal title="This link does not open the portal" message={`The link was refused: ${err.message}.`}>
          <p>Portal links work for a limited time and can be withdrawn. Ask your operator for a new link, or sign in with your customer token.</p>
          <p>
            <a href="/portal/sign-in">Sign in instead</a>
          </p>
        </PortalRefusal>,
        401,
      );
    }
    endCurrent(c, deps);
    const { sessionId } = openWebSession(deps.store, { tenant: link.tenant, portalLinkId: link.linkId, expiresAt: link.expiresAt, now });
    setSessionCookie(c, PORTAL_COOKIE, sessionId, link.expiresAt);
    deps.logger.info({ requestId: c.get('requestId'), linkId: link.linkId, accountId: link.accountId }, 'portal link opened');
    return c.redirect('/portal', 303);
  });

  const form = (c: Context, next: string, error?: string, status = 200) =>
    sendPage(c, <SignInForm action="/portal/sign-in" next={next} title="Sign in to your account" hint={HINT} {...(error ? { error } : {})} />, status);
  portal.get('/sign-in', (c) => form(c, portalNext(c.req.query('next'))));
  portal.post('/sign-in', async (c) => {
    checkOrigin(c);
    blockedCheck(c, deps);
    const body = await c.req.parseBody();
    const token = typeof body.token === 'string' ? body.token.trim() : '';
    const next = portalNext(body.next);
    const user = token ? userForToken(deps.store, token, deps.clock.now()) : null;
    if (!user) {
      if (token) deps.failures.hit(deps.clientAddress(c));
      return form(c, next, 'That token is unknown or revoked.', 401);
    }
    const customer = customerOf(user);
    // Decision: a staff token never opens the portal (not even read-only); a portal link shows a customer's view.
    if (!customer) return form(c, next, 'This is the customer portal: staff sign in to the console, and see what a customer sees by making a portal link for their account.', 403);
    endCurrent(c, deps);
    startUserSession(c, deps, customer, PORTAL_COOKIE);
    return c.redirect(next, 303);
  });

  portal.post('/sign-out', async (c) => {
    checkOrigin(c);
    const session = readSession(c, deps, PORTAL_COOKIE);
    const body = await c.req.parseBody();
    // The session's own CSRF token: another page cannot sign a customer out.
    if (session && body._csrf !== session.csrfToken) throw new BillingError('FORBIDDEN', 'the form is out of date (CSRF token missing or wrong); reload the page and try again');
    if (session) revokeWebSession(deps.store, session.id, deps.clock.now());
    clearSessionCookie(c, PORTAL_COOKIE);
    return sendPage(
      c,
      <PortalRefusal title="Signed out" tone="ok" message="You are signed out of your account.">
        <p>
          Open your portal link again or <a href="/portal/sign-in">sign in</a>.
        </p>
      </PortalRefusal>,
    );
  });
}
