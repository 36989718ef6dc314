import { and, desc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { BillingError } from '../tools/errors.ts';
import { chatThreads } from './agent-schema.ts';
import type { Store } from './open-database.ts';
import type { TenantScope } from './scope.ts';

/**
 * The thread a chat turn runs in: a new one, or an existing one of the same tenant. Another
 * tenant's thread id is NOT_FOUND, so a conversation is never read across tenants.
 */
export function claimChatThread(store: Store, who: { tenant: string; userId: string }, threadId?: string): string {
  const now = new Date().toISOString();
  if (!threadId) {
    const id = `thread-${randomUUID()}`;
    store.db.insert(chatThreads).values({ id, tenant: who.tenant, createdBy: who.userId, createdAt: now, lastUsedAt: now }).run();
    return id;
  }
  if (!/^[A-Za-z0-9._:-]{1,100}$/.test(threadId) || threadId.startsWith('approval-')) throw new BillingError('INVALID_INPUT', `not a chat thread id: ${threadId}`);
  const row = store.db.select().from(chatThreads).where(eq(chatThreads.id, threadId)).get();
  if (row && row.tenant !== who.tenant) throw new BillingError('NOT_FOUND', `no thread ${threadId}`);
  if (row) store.db.update(chatThreads).set({ lastUsedAt: now }).where(eq(chatThreads.id, threadId)).run();
  else store.db.insert(chatThreads).values({ id: threadId, tenant: who.tenant, createdBy: who.userId, createdAt: now, lastUsedAt: now }).run();
  return threadId;
}

/** A chat thread as listed: who started it and when it was last used. */
export type ChatThreadRow = typeof chatThreads.$inferSelect;

/** A thread of the scope's tenant; another tenant's (or a missing) thread is NOT_FOUND, alike. */
export function tenantThread(scope: TenantScope, threadId: string): ChatThreadRow {
  // Staff threads: a customer's narrowed scope sees none (chat is not theirs yet).
  const row =
    scope.accountId !== undefined
      ? undefined
      : scope.store.db
          .select()
          .from(chatThreads)
          .where(and(eq(chatThreads.id, threadId), eq(chatThreads.tenant, scope.tenant)))
          .get();
  if (!row) throw new BillingError('NOT_FOUND', `no thread ${threadId}`);
  return row;
}

/** The scope's tenant's threads, most recently used first (none for a customer). */
export function listTenantThreads(scope: TenantScope, limit: number): ChatThreadRow[] {
  if (scope.accountId !== undefined) return [];
  return scope.store.db.select().from(chatThreads).where(eq(chatThreads.tenant, scope.tenant)).orderBy(desc(chatThreads.lastUsedAt), desc(chatThreads.createdAt)).limit(limit).all();
}
