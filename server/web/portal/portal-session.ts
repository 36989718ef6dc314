import type { Context, MiddlewareHandler } from 'hono';
import { userActor, type Actor } from '../../../app/index.ts';
import { portalActor } from '../../../app/portal/index.ts';
import { findPortalLink, getUser, type UserRecord, type WebSession } from '../../../db/index.ts';
import { BillingError } from '../../../tools/errors.ts';
import { bindSession, PORTAL_COOKIE, readSession, type WebDeps } from '../session.ts';
import type { PageSession } from '../layout.tsx';
import type { PortalEnv } from './portal-env.ts';

/** Who a portal session acts as: a customer of one account, from a signed-in customer or an opened link. */
export interface PortalIdentity {
  actor: Actor;
  accountId: string;
  /** How the session was opened (the header says so: a link ends at its expiry). */
  via: 'user' | 'link';
  user?: UserRecord;
}

/** A customer user of one account, or null when the user is staff (or a customer without an account). */
export function customerOf(user: UserRecord): (UserRecord & { accountId: string }) | null {
  const customerOnly = user.roles.length > 0 && user.roles.every((r) => r === 'customer');
  return customerOnly && user.accountId ? (user as UserRecord & { accountId: string }) : null;
}

/**
 * The identity behind a live portal session: the customer user it was opened for (still a customer
 * of an account), or the portal link it was opened with (still known and not revoked; its expiry
 * is the session's). Null when neither holds any more.
 */
export function portalIdentity(deps: WebDeps, session: WebSession): PortalIdentity | null {
  if (session.userId) {
    let user: UserRecord;
    try {
      user = getUser(deps.store, session.userId);
    } catch {
      return null; // the user was removed: the session no longer works
    }
    const customer = customerOf(user);
    return customer ? { actor: userActor(customer), accountId: customer.accountId, via: 'user', user: customer } : null;
  }
  if (session.portalLinkId !== null) {
    const link = findPortalLink(deps.store, session.portalLinkId);
    // Revoking a link ends its sessions already; the row is checked again so a session never outlives its link.
    if (!link || link.revokedAt !== null || link.tenant !== session.tenant) return null;
    return { actor: portalActor({ linkId: link.id, tenant: link.tenant, accountId: link.accountId }), accountId: link.accountId, via: 'link' };
  }
  return null;
}

/** Where a browser without a portal session goes: the portal's sign-in page. */
function toPortalSignIn(c: Context): Response {
  const here = new URL(c.req.url);
  return c.redirect(`/portal/sign-in?next=${encodeURIComponent(here.pathname + here.search)}`, 303);
}

/**
 * The portal's guard: a live portal session (cookie sb_portal, path /portal), bound to a customer
 * actor so every operation's scope is narrowed to that one account; pages without one go to
 * sign in, anything else is 401.
 */
export function portalSession(deps: WebDeps): MiddlewareHandler<PortalEnv> {
  return async (c, next) => {
    const session = readSession(c, deps, PORTAL_COOKIE);
    const who = session ? portalIdentity(deps, session) : null;
    if (!session || !who) {
      if (c.req.method === 'GET') return toPortalSignIn(c);
      throw new BillingError('UNAUTHORIZED', 'the portal session has ended; open your link again or sign in');
    }
    // The header names the account holder, read through the narrowed scope like everything else.
    bindSession(c as never, deps, session, who.actor, '', who.user);
    const customerName = c.get('operationContext').scope.account(who.accountId).customer.name;
    c.set('displayName', customerName);
    c.set('customerName', customerName);
    c.set('portalAccountId', who.accountId);
    c.set('portalVia', who.via);
    return next();
  };
}

/** What a portal page's header needs from the request's session. */
export function portalPageSession(c: Context<PortalEnv>): PageSession {
  return { displayName: c.get('displayName'), csrfToken: c.get('session').csrfToken };
}
