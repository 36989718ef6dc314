import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Browser sessions of the console and the portal. The cookie carries a random session id; only
 * its SHA-256 hash is stored, so a copy of the database signs nobody in. Each session has its own
 * CSRF token, sent back with every state change made with the cookie. Signing out revokes the row.
 */
export const webSessions = sqliteTable(
  'web_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Hex SHA-256 of the cookie's session id. */
    sessionHash: text('session_hash').notNull(),
    tenant: text('tenant').notNull(),
    /** The signed-in user; null for a session opened by a portal link. */
    userId: text('user_id'),
    /** The portal link a session was opened with (its account is the only one it sees). */
    portalLinkId: integer('portal_link_id'),
    csrfToken: text('csrf_token').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('web_sessions_hash').on(t.sessionHash), index('web_sessions_user').on(t.userId)],
);

/**
 * Links that open the customer portal on one account: `<id>.<expiry>.<HMAC>` signed with the
 * tenant's portal key. The row lets an analyst revoke a link before it expires and says who made it.
 */
export const portalLinks = sqliteTable(
  'portal_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenant: text('tenant').notNull(),
    accountId: text('account_id').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    revokedBy: text('revoked_by'),
  },
  (t) => [index('portal_links_account').on(t.tenant, t.accountId)],
);

/** Secret keys the server signs with (portal links), one per tenant and purpose, made on first use. */
export const signingKeys = sqliteTable(
  'signing_keys',
  {
    tenant: text('tenant').notNull(),
    purpose: text('purpose', { enum: ['portal-link'] }).notNull(),
    /** Base64url of 32 random bytes. */
    secret: text('secret').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('signing_keys_tenant_purpose').on(t.tenant, t.purpose)],
);
