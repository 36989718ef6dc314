import { and, desc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { BillingError } from '../tools/errors.ts';
import { chatThreads, users } from './agent-schema.ts';
import type { Store } from './open-database.ts';
import type { TenantScope } from './scope.ts';

/**
 * The thread a chat turn runs in: a new one, or an existing one of the same tenant. Another
 * tenant's thread id is NOT_FOUND, so a conversation is never read across tenants; a customer's
 * thread is theirs alone (`who.customer` for a customer: only threads they started; for staff,
 * none a customer started), so portal and staff conversations never mix tools or records.
 */
export function claimChatThread(store: Store, who: { tenant: string; userId: string; customer?: boolean }, threadId?: string, firstMessage?: string): string {
  const now = new Date().toISOString();
  const title = firstMessage === undefined ? null : threadTitle(firstMessage);
  if (!threadId) {
    const id = `thread-${randomUUID()}`;
    store.db.insert(chatThreads).values({ id, tenant: who.tenant, createdBy: who.userId, createdAt: now, lastUsedAt: now, title }).run();
    return id;
  }
  if (!/^[A-Za-z0-9._:-]{1,100}$/.test(threadId) || threadId.startsWith('approval-')) throw new BillingError('INVALID_INPUT', `not a chat thread id: ${threadId}`);
  const row = store.db.select().from(chatThreads).where(eq(chatThreads.id, threadId)).get();
  if (row && (row.tenant !== who.tenant || !mayContinue(store, row, who))) throw new BillingError('NOT_FOUND', `no thread ${threadId}`);
  // A thread made before titles were kept takes its next message as its title.
  if (row)
    store.db
      .update(chatThreads)
      .set({ lastUsedAt: now, title: row.title ?? title })
      .where(eq(chatThreads.id, threadId))
      .run();
  else store.db.insert(chatThreads).values({ id: threadId, tenant: who.tenant, createdBy: who.userId, createdAt: now, lastUsedAt: now, title }).run();
  return threadId;
}

const TITLE_CHARS = 80;

/** A message as a thread's title: one line, at most 80 characters (cut at a word where it can be). */
export function threadTitle(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  if (line.length <= TITLE_CHARS) return line;
  const cut = line.slice(0, TITLE_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > TITLE_CHARS / 2 ? cut.slice(0, space) : cut}…`;
}

/** A customer continues only their own thread; staff continue any staff thread of the tenant, never a customer's. */
function mayContinue(store: Store, row: typeof chatThreads.$inferSelect, who: { userId: string; customer?: boolean }): boolean {
  if (who.customer) return row.createdBy === who.userId;
  const creator = store.db.select({ accountId: users.accountId }).from(users).where(eq(users.id, row.createdBy)).get();
  return !creator?.accountId;
}

/** A chat thread as listed: who started it and when it was last used. */
export type ChatThreadRow = typeof chatThreads.$inferSelect;

/**
 * A thread of the scope's tenant; another tenant's (or a missing) thread is NOT_FOUND, alike. A
 * customer's narrowed scope sees only the threads `viewer` (the customer) started; without a
 * viewer it sees none.
 */
export function tenantThread(scope: TenantScope, threadId: string, viewer?: string): ChatThreadRow {
  const row = scope.store.db
    .select()
    .from(chatThreads)
    .where(and(eq(chatThreads.id, threadId), eq(chatThreads.tenant, scope.tenant)))
    .get();
  if (!row || (scope.accountId !== undefined && (viewer === undefined || row.createdBy !== viewer))) throw new BillingError('NOT_FOUND', `no thread ${threadId}`);
  return row;
}

/** The scope's tenant's threads, most recently used first (for a customer, only those `viewer` started; none without a viewer). */
export function listTenantThreads(scope: TenantScope, limit: number, viewer?: string): ChatThreadRow[] {
  const where = [eq(chatThreads.tenant, scope.tenant)];
  if (scope.accountId !== undefined) {
    if (viewer === undefined) return [];
    where.push(eq(chatThreads.createdBy, viewer));
  }
  return scope.store.db
    .select()
    .from(chatThreads)
    .where(and(...where))
    .orderBy(desc(chatThreads.lastUsedAt), desc(chatThreads.createdAt))
    .limit(limit)
    .all();
}

/** A thread this person may post in (see claimChatThread): checked before a stream starts, so the refusal is a plain 404. */
export function writableThread(scope: TenantScope, threadId: string, userId: string): ChatThreadRow {
  const row = tenantThread(scope, threadId, userId);
  if (!mayContinue(scope.store, row, { userId, customer: scope.accountId !== undefined })) throw new BillingError('NOT_FOUND', `no thread ${threadId}`);
  return row;
}
