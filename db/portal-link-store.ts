import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Store } from './open-database.ts';
import { portalLinks, signingKeys } from './web-schema.ts';
import { revokePortalLinkSessions } from './web-session-store.ts';

/** A portal link row as stored (the token itself is never stored: it is signed again from id and expiry). */
export type PortalLinkRow = typeof portalLinks.$inferSelect;

/** The tenant's portal-link signing secret, made (32 random bytes, base64url) on first use. */
export function portalSigningKey(store: Store, tenant: string, now = new Date()): string {
  const find = () =>
    store.db
      .select({ secret: signingKeys.secret })
      .from(signingKeys)
      .where(and(eq(signingKeys.tenant, tenant), eq(signingKeys.purpose, 'portal-link')))
      .get();
  const found = find();
  if (found) return found.secret;
  // Two processes making the first key at once: the unique index keeps one, and both read it back.
  store.db
    .insert(signingKeys)
    .values({ tenant, purpose: 'portal-link', secret: randomBytes(32).toString('base64url'), createdAt: now.toISOString() })
    .onConflictDoNothing()
    .run();
  return find()!.secret;
}

/** Records a new portal link for an account; the caller signs its token from the returned id and expiry. */
export function createPortalLink(store: Store, link: { tenant: string; accountId: string; createdBy: string; expiresAt: Date; now?: Date }): PortalLinkRow {
  return store.db
    .insert(portalLinks)
    .values({
      tenant: link.tenant,
      accountId: link.accountId,
      createdBy: link.createdBy,
      createdAt: (link.now ?? new Date()).toISOString(),
      expiresAt: link.expiresAt.toISOString(),
    })
    .returning()
    .get();
}

/** A portal link of the tenant by id, or null (another tenant's link is as missing as an unknown one). */
export function getPortalLink(store: Store, tenant: string, id: number): PortalLinkRow | null {
  return (
    store.db
      .select()
      .from(portalLinks)
      .where(and(eq(portalLinks.tenant, tenant), eq(portalLinks.id, id)))
      .get() ?? null
  );
}

/** A portal link by id whatever its tenant: only for opening a link, whose row says which tenant's key checks it. */
export function findPortalLink(store: Store, id: number): PortalLinkRow | null {
  return store.db.select().from(portalLinks).where(eq(portalLinks.id, id)).get() ?? null;
}

/** The tenant's portal links, newest first, optionally of one account. */
export function listPortalLinks(store: Store, tenant: string, accountId?: string, limit = 200): PortalLinkRow[] {
  const where: SQL[] = [eq(portalLinks.tenant, tenant)];
  if (accountId !== undefined) where.push(eq(portalLinks.accountId, accountId));
  return store.db
    .select()
    .from(portalLinks)
    .where(and(...where))
    .orderBy(desc(portalLinks.id))
    .limit(limit)
    .all();
}

/**
 * Revokes a portal link and ends every session opened with it, in one transaction; revoking it
 * again changes nothing and returns the row as first revoked. Null when the tenant has no such link.
 */
export function revokePortalLink(store: Store, tenant: string, id: number, by: string, now = new Date()): PortalLinkRow | null {
  return store.sqlite
    .transaction(() => {
      store.db
        .update(portalLinks)
        .set({ revokedAt: now.toISOString(), revokedBy: by })
        .where(and(eq(portalLinks.tenant, tenant), eq(portalLinks.id, id), isNull(portalLinks.revokedAt)))
        .run();
      const row = getPortalLink(store, tenant, id);
      if (row) revokePortalLinkSessions(store, id, now);
      return row;
    })
    .immediate();
}
