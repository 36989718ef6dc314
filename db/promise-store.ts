import { and, asc, desc, eq } from 'drizzle-orm';
import { accountRestrictions, paymentPromises, type PROMISE_STATUSES, type RESTRICTION_LEVELS } from './collections-schema.ts';
import type { Store } from './open-database.ts';

export type StoredPromise = typeof paymentPromises.$inferSelect;
export type StoredRestriction = Omit<typeof accountRestrictions.$inferSelect, 'linesJson'> & { lines: string[] };

/** Records a promise to pay (open); returns it. */
export function insertPromise(
  store: Store,
  p: { tenant: string; accountId: string; amount: string; currency: string; promisedFor: string; recordedOn: string; recordedBy: string; note: string | null; at: Date },
): StoredPromise {
  const { at, ...rest } = p;
  return store.db
    .insert(paymentPromises)
    .values({ ...rest, status: 'open', closedOn: null, createdAt: at.toISOString() })
    .returning()
    .get();
}

/** A tenant's promises (one account's, one status), newest first. */
export function listPromises(store: Store, tenant: string, f: { accountId?: string; status?: (typeof PROMISE_STATUSES)[number]; limit?: number } = {}): StoredPromise[] {
  const where = [eq(paymentPromises.tenant, tenant)];
  if (f.accountId) where.push(eq(paymentPromises.accountId, f.accountId));
  if (f.status) where.push(eq(paymentPromises.status, f.status));
  return store.db
    .select()
    .from(paymentPromises)
    .where(and(...where))
    .orderBy(desc(paymentPromises.id))
    .limit(f.limit ?? 200)
    .all();
}

/** Closes an open promise as kept or broken on a day; false when it was no longer open (closed by an earlier run). */
export function closePromise(store: Store, tenant: string, id: number, status: 'kept' | 'broken', closedOn: string): boolean {
  const r = store.db
    .update(paymentPromises)
    .set({ status, closedOn })
    .where(and(eq(paymentPromises.tenant, tenant), eq(paymentPromises.id, id), eq(paymentPromises.status, 'open')))
    .run();
  return r.changes > 0;
}

/** Puts a dunning restriction or bar on an account's lines, once per approved proposal; returns the posting's reference. */
export function restrictAccount(store: Store, r: { tenant: string; accountId: string; level: (typeof RESTRICTION_LEVELS)[number]; proposalId: number; lines: string[]; at: Date }): string {
  store.db
    .insert(accountRestrictions)
    .values({ tenant: r.tenant, accountId: r.accountId, level: r.level, proposalId: r.proposalId, linesJson: JSON.stringify(r.lines), at: r.at.toISOString() })
    .onConflictDoNothing()
    .run();
  return `${r.accountId} ${r.level === 'outgoing' ? 'outgoing calls restricted' : 'barred'} (${r.lines.length} line(s))`;
}

/** The restrictions on an account, oldest first. */
export function listRestrictions(store: Store, tenant: string, accountId: string): StoredRestriction[] {
  return store.db
    .select()
    .from(accountRestrictions)
    .where(and(eq(accountRestrictions.tenant, tenant), eq(accountRestrictions.accountId, accountId)))
    .orderBy(asc(accountRestrictions.id))
    .all()
    .map(({ linesJson, ...rest }) => ({ ...rest, lines: (JSON.parse(linesJson) as unknown[]).map(String) }));
}
