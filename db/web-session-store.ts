import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Store } from './open-database.ts';
import { webSessions } from './web-schema.ts';

/** A browser session as the server reads it back from its cookie. */
export interface WebSession {
  id: number;
  tenant: string;
  userId: string | null;
  portalLinkId: number | null;
  csrfToken: string;
  expiresAt: string;
}

const hashSession = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');

/** Opens a session for a signed-in user or a portal link; returns the cookie's secret once (only its hash is kept). */
export function openWebSession(store: Store, opts: { tenant: string; userId?: string; portalLinkId?: number; expiresAt: Date; now?: Date }): { sessionId: string; session: WebSession } {
  const sessionId = randomBytes(32).toString('base64url');
  const row = store.db
    .insert(webSessions)
    .values({
      sessionHash: hashSession(sessionId),
      tenant: opts.tenant,
      userId: opts.userId ?? null,
      portalLinkId: opts.portalLinkId ?? null,
      csrfToken: randomBytes(24).toString('base64url'),
      createdAt: (opts.now ?? new Date()).toISOString(),
      expiresAt: opts.expiresAt.toISOString(),
    })
    .returning()
    .get();
  return { sessionId, session: toSession(row) };
}

function toSession(r: typeof webSessions.$inferSelect): WebSession {
  return { id: r.id, tenant: r.tenant, userId: r.userId, portalLinkId: r.portalLinkId, csrfToken: r.csrfToken, expiresAt: r.expiresAt };
}

/** The live session a cookie names, or null (unknown, signed out or expired). */
export function findWebSession(store: Store, sessionId: string, now = new Date()): WebSession | null {
  const row = store.db
    .select()
    .from(webSessions)
    .where(and(eq(webSessions.sessionHash, hashSession(sessionId)), isNull(webSessions.revokedAt)))
    .get();
  if (!row || row.expiresAt <= now.toISOString()) return null;
  return toSession(row);
}

/** Ends a session (signing out); ending it again changes nothing. */
export function revokeWebSession(store: Store, id: number, now = new Date()): void {
  store.db
    .update(webSessions)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(webSessions.id, id), isNull(webSessions.revokedAt)))
    .run();
}

/** Ends every session opened with a portal link (the link was revoked). */
export function revokePortalLinkSessions(store: Store, portalLinkId: number, now = new Date()): void {
  store.db
    .update(webSessions)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(webSessions.portalLinkId, portalLinkId), isNull(webSessions.revokedAt)))
    .run();
}
