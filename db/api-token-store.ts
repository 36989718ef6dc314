import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { BillingError } from '../tools/errors.ts';
import { apiTokens } from './api-schema.ts';
import type { Store } from './open-database.ts';
import { getUser, type UserRecord } from './user-store.ts';

/** A token as listings show it: never the token itself. */
export interface ApiTokenView {
  id: number;
  userId: string;
  prefix: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a token for a user and returns it once: only its hash is stored. */
export function createApiToken(store: Store, userId: string, label: string, now = new Date()): { token: string; view: ApiTokenView } {
  getUser(store, userId);
  // 8 public characters to tell tokens apart, 32 random bytes of secret.
  const prefix = randomBytes(6).toString('base64url').slice(0, 8);
  const token = `sb_${prefix}_${randomBytes(32).toString('base64url')}`;
  const row = store.db
    .insert(apiTokens)
    .values({ userId, tokenHash: hashToken(token), prefix, label, createdAt: now.toISOString() })
    .returning()
    .get();
  return { token, view: toView(row) };
}

function toView(r: typeof apiTokens.$inferSelect): ApiTokenView {
  return { id: r.id, userId: r.userId, prefix: r.prefix, label: r.label, createdAt: r.createdAt, lastUsedAt: r.lastUsedAt, revokedAt: r.revokedAt };
}

/** The user a presented token belongs to, or null for an unknown or revoked one (the caller says 401). */
export function userForToken(store: Store, token: string, now = new Date()): UserRecord | null {
  const row = store.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
    .get();
  if (!row) return null;
  // lastUsedAt is kept to the minute so a busy client does not write on every request.
  const minute = now.toISOString().slice(0, 16);
  if (row.lastUsedAt?.slice(0, 16) !== minute) store.db.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, row.id)).run();
  try {
    return getUser(store, row.userId);
  } catch {
    return null; // the user was removed: the token no longer works
  }
}

/** Tokens, optionally of one user, oldest first. */
export function listApiTokens(store: Store, userId?: string): ApiTokenView[] {
  return store.db
    .select()
    .from(apiTokens)
    .where(userId ? eq(apiTokens.userId, userId) : undefined)
    .orderBy(asc(apiTokens.id))
    .all()
    .map(toView);
}

/** Revokes a token by id (again is a no-op that returns it); NOT_FOUND for an unknown id. */
export function revokeApiToken(store: Store, id: number, now = new Date()): ApiTokenView {
  const row = store.db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
  if (!row) throw new BillingError('NOT_FOUND', `no API token ${id}`);
  if (row.revokedAt) return toView(row);
  return toView(store.db.update(apiTokens).set({ revokedAt: now.toISOString() }).where(eq(apiTokens.id, id)).returning().get());
}

/** One token by id (never the token itself), or null. */
export function getApiToken(store: Store, id: number): ApiTokenView | null {
  const row = store.db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
  return row ? toView(row) : null;
}
