import { and, eq } from 'drizzle-orm';
import { BillingError } from '../tools/errors.ts';
import { idempotencyKeys } from './api-schema.ts';
import type { Store } from './open-database.ts';

/** A response kept for a key, as it was first sent. */
export interface StoredResponse {
  status: number;
  body: string;
  contentType: string;
}

/** What claiming a key found: it is ours to run now, or it already has a response to send again. */
export type KeyClaim = { kind: 'claimed'; id: number } | { kind: 'replay'; response: StoredResponse };

/** Status of a claimed key whose request is still running (no response yet). */
const PENDING = 0;

/** A claim older than this whose request never finished (the process died) may be taken over. */
const ABANDONED_MS = 10 * 60_000;

/**
 * Claims `key` for one user's request before it runs, in one transaction, so two requests with
 * the same key never both run: the first inserts a pending row; a later one with the same route
 * and body gets the stored response (or CONFLICT while the first still runs); another route or
 * body under the same key is CONFLICT.
 */
export function claimIdempotencyKey(store: Store, claim: { userId: string; key: string; route: string; requestHash: string }, now = new Date()): KeyClaim {
  return store.sqlite
    .transaction((): KeyClaim => {
      const existing = store.db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.userId, claim.userId), eq(idempotencyKeys.key, claim.key)))
        .get();
      if (!existing) {
        const row = store.db
          .insert(idempotencyKeys)
          .values({ ...claim, status: PENDING, responseBody: '', contentType: '', createdAt: now.toISOString() })
          .returning({ id: idempotencyKeys.id })
          .get();
        return { kind: 'claimed', id: row.id };
      }
      if (existing.route !== claim.route || existing.requestHash !== claim.requestHash)
        throw new BillingError('CONFLICT', `Idempotency-Key ${JSON.stringify(claim.key)} was used for another request (${existing.route}); use a new key for a new request`);
      if (existing.status !== PENDING) return { kind: 'replay', response: { status: existing.status, body: existing.responseBody, contentType: existing.contentType } };
      if (now.getTime() - Date.parse(existing.createdAt) < ABANDONED_MS)
        throw new BillingError('CONFLICT', `a request with Idempotency-Key ${JSON.stringify(claim.key)} is still running; retry when it has answered`);
      store.db.update(idempotencyKeys).set({ createdAt: now.toISOString() }).where(eq(idempotencyKeys.id, existing.id)).run();
      return { kind: 'claimed', id: existing.id };
    })
    .immediate();
}

/** Keeps the response of a claimed key, to send again for a retry. */
export function completeIdempotencyKey(store: Store, id: number, response: StoredResponse): void {
  store.db.update(idempotencyKeys).set({ status: response.status, responseBody: response.body, contentType: response.contentType }).where(eq(idempotencyKeys.id, id)).run();
}

/** Lets a claimed key go when its request failed, so a retry with the same key runs again. */
export function releaseIdempotencyKey(store: Store, id: number): void {
  store.db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.id, id), eq(idempotencyKeys.status, PENDING)))
    .run();
}
