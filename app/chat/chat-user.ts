import { findPortalLink, getUser, type UserRecord } from '../../db/index.ts';
import { BillingError } from '../../tools/errors.ts';
import type { Actor } from '../context.ts';

const PORTAL_LINK_ACTOR = /^portal-link:(\d{1,12})$/;

/**
 * The person a chat turn acts for, from what the context vouches for: a stored user by id, or,
 * for a portal link's session (no user row), the customer of the link's account while the link
 * is known and not revoked — roles and account read from the link, never from the request.
 */
export function chatUserOf(store: Parameters<typeof getUser>[0], actor: Actor): UserRecord {
  const link = PORTAL_LINK_ACTOR.exec(actor.id);
  if (!link) return getUser(store, actor.id);
  const row = findPortalLink(store, Number(link[1]));
  if (!row || row.revokedAt !== null || row.tenant !== actor.tenant || row.accountId !== actor.accountId) throw new BillingError('UNAUTHORIZED', 'the portal link of this session is no longer valid');
  return { id: actor.id, tenant: row.tenant, roles: ['customer'], accountId: row.accountId, name: `Customer of account ${row.accountId}` };
}
