import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { BillingError } from '../tools/errors.ts';
import { chatThreads } from './agent-schema.ts';
import type { Store } from './open-database.ts';

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
