import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * API tokens: only a SHA-256 hash of each token is kept, so a copy of the database never lets
 * anyone act as a user. A revoked token stays as a row (revokedAt) so listings show its history.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id').notNull(),
    /** Hex SHA-256 of the whole token. */
    tokenHash: text('token_hash').notNull(),
    /** The first characters of the token (its public prefix), to tell tokens apart in listings. */
    prefix: text('prefix').notNull(),
    label: text('label').notNull(),
    createdAt: text('created_at').notNull(),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash').on(t.tokenHash), index('api_tokens_user').on(t.userId)],
);

/**
 * Responses to POSTs sent with an Idempotency-Key: the same key and body gets the first response
 * back; the same key with another body is refused. Keys are per user, so one user's key never
 * answers another's request.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id').notNull(),
    key: text('key').notNull(),
    /** Method and route the key was first used on. */
    route: text('route').notNull(),
    /** Hex SHA-256 of the request body. */
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    /** The response body as sent, and its content type. */
    responseBody: text('response_body').notNull(),
    contentType: text('content_type').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('idempotency_keys_user_key').on(t.userId, t.key)],
);
