import { findPortalLink, portalSigningKey, type Store } from '../../db/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { portalLinkIdOf, readPortalLinkToken } from '../../tools/portal/index.ts';
import type { Actor } from '../context.ts';

/** What an opened portal link lets a browser session see: one account of one tenant, until the link expires. */
export interface OpenedPortalLink {
  linkId: number;
  tenant: string;
  accountId: string;
  expiresAt: Date;
}

/**
 * Checks a portal link token as it arrives from a browser: a link that is known, signed with its
 * tenant's key, not expired and not revoked; UNAUTHORIZED otherwise, saying which. The web layer
 * opens a session with the result (session expiry = the link's).
 */
export function openPortalLink(store: Store, token: string, now: Date = new Date()): OpenedPortalLink {
  const row = findPortalLink(store, portalLinkIdOf(token));
  if (!row) throw new BillingError('UNAUTHORIZED', 'portal link is not known');
  const claims = readPortalLinkToken(portalSigningKey(store, row.tenant, now), token, now);
  // A valid signature with another expiry than the row's would be a key reused across stores: refused all the same.
  if (claims.expiresAt.toISOString() !== row.expiresAt) throw new BillingError('UNAUTHORIZED', 'portal link does not match its record');
  if (row.revokedAt !== null) throw new BillingError('UNAUTHORIZED', `portal link was revoked at ${row.revokedAt}`);
  return { linkId: row.id, tenant: row.tenant, accountId: row.accountId, expiresAt: claims.expiresAt };
}

/** The actor of a portal session: a customer of the link's account and nothing more (the scope narrows every read to it). */
export function portalActor(link: { linkId: number; tenant: string; accountId: string }): Actor {
  return { id: `portal-link:${link.linkId}`, kind: 'user', tenant: link.tenant, roles: ['customer'], accountId: link.accountId };
}
