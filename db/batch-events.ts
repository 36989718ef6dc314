import { and, between, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Store } from './open-database.ts';
import { ingestBatches, usageEvents } from './schema.ts';

/**
 * The condition "this event is one of the batch's", as an id range the table's own B-tree serves
 * (usage_events has no batch_id index: docs/storage.md). batch_id is still checked, so the range
 * only has to cover the batch's events (a quarantine replay widens it), never to be tight.
 */
export function inBatch(store: Store, batchId: number): SQL {
  const r = store.db.select({ first: ingestBatches.firstEventId, last: ingestBatches.lastEventId }).from(ingestBatches).where(eq(ingestBatches.id, batchId)).get();
  if (!r || r.first === null || r.last === null) return sql`1 = 0`;
  return and(between(usageEvents.id, r.first, r.last), eq(usageEvents.batchId, batchId))!;
}

/** The id ranges of some batches (those with events), for reading their events range by range. */
export function batchRanges(store: Store, batchIds: number[]): Array<{ batchId: number; first: number; last: number }> {
  if (batchIds.length === 0) return [];
  return store.db
    .select({ batchId: ingestBatches.id, first: ingestBatches.firstEventId, last: ingestBatches.lastEventId })
    .from(ingestBatches)
    .where(inArray(ingestBatches.id, batchIds))
    .all()
    .filter((r): r is { batchId: number; first: number; last: number } => r.first !== null && r.last !== null);
}
