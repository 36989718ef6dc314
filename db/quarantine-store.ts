import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { BillingError } from '../tools/errors.ts';
import type { Store } from './open-database.ts';
import { ownsIngestion } from './list-batches.ts';
import type { TenantScope } from './scope.ts';
import { ingestBatches, quarantine } from './schema.ts';

/** Lists quarantined records (newest first). */
export function listQuarantine(store: Store, filter: { status?: string; batchId?: number; limit?: number } = {}) {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(quarantine.status, filter.status));
  if (filter.batchId !== undefined) where.push(eq(quarantine.batchId, filter.batchId));
  return store.db
    .select()
    .from(quarantine)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(quarantine.id))
    .limit(filter.limit ?? 100)
    .all();
}

/** How many quarantined records match (all of them, not a page): what a listing reports beside the rows it shows. */
export function countQuarantine(store: Store, filter: { status?: string; batchId?: number } = {}): number {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(quarantine.status, filter.status));
  if (filter.batchId !== undefined) where.push(eq(quarantine.batchId, filter.batchId));
  return (
    store.db
      .select({ n: count() })
      .from(quarantine)
      .where(where.length ? and(...where) : undefined)
      .get()?.n ?? 0
  );
}

/** Open quarantined records with the format and parser options of the batch they came from. */
export function openQuarantineWithBatch(store: Store, id?: number) {
  const where: SQL[] = [eq(quarantine.status, 'open')];
  if (id !== undefined) where.push(eq(quarantine.id, id));
  const rows = store.db
    .select({ q: quarantine, format: ingestBatches.format, parserOptions: ingestBatches.parserOptions, sourceName: ingestBatches.sourceName, startedAt: ingestBatches.startedAt })
    .from(quarantine)
    .innerJoin(ingestBatches, eq(quarantine.batchId, ingestBatches.id))
    .where(and(...where))
    .orderBy(quarantine.id)
    .all();
  if (id !== undefined && rows.length === 0) {
    const any = store.db.select().from(quarantine).where(eq(quarantine.id, id)).get();
    throw new BillingError(any ? 'CONFLICT' : 'NOT_FOUND', any ? `quarantined record ${id} is already ${any.status}` : `no quarantined record ${id}`);
  }
  return rows;
}

/** Marks a quarantined record replayed (accepted now, or found to be a duplicate of an accepted one). */
export function markReplayed(store: Store, id: number, eventId: number | null): void {
  store.db.update(quarantine).set({ status: 'replayed', replayedEventId: eventId, resolvedAt: new Date().toISOString() }).where(eq(quarantine.id, id)).run();
}

/** Keeps a record in quarantine with the reason it still fails (and the corrected text, if one was given). */
export function updateQuarantined(store: Store, id: number, change: { raw: string; reason: string; message: string }): void {
  store.db.update(quarantine).set(change).where(eq(quarantine.id, id)).run();
}

/** The scope's quarantined records (newest first) and how many match in all; none for another tenant. */
export function tenantQuarantine(scope: TenantScope, filter: { status?: string; batchId?: number; limit?: number } = {}) {
  if (!ownsIngestion(scope)) return { rows: [] as ReturnType<typeof listQuarantine>, total: 0 };
  const { limit, ...match } = filter;
  return { rows: listQuarantine(scope.store, filter), total: countQuarantine(scope.store, match) };
}

/** Open quarantined records of the scope's to replay (one, or all); another tenant's id is NOT_FOUND. */
export function tenantOpenQuarantine(scope: TenantScope, id?: number): ReturnType<typeof openQuarantineWithBatch> {
  if (ownsIngestion(scope)) return openQuarantineWithBatch(scope.store, id);
  if (id !== undefined) throw new BillingError('NOT_FOUND', `no quarantined record ${id}`);
  return [];
}
