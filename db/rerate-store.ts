import type { UsageStatus } from '../tools/cdr/usage-record.types.ts';
import { and, eq, sql } from 'drizzle-orm';
import type { RatingOutcome } from '../tools/rating/rate-event.ts';
import { rerateLog, subscriptions } from './billing-schema.ts';
import { ratingColumns } from './usage-store.ts';
import { DictionaryTexts, saveDictionaryTexts } from './usage-dictionary.ts';
import type { Store } from './open-database.ts';
import { usageEvents } from './schema.ts';

/** One event whose price re-rating changed, with what it was. */
export interface RerateChange {
  eventId: number;
  accountId: string;
  period: string;
  old: { status: UsageStatus; cost: string | null; tariffVersionId: number | null };
  outcome: RatingOutcome;
}

/**
 * Stores re-rated prices and logs each change with its old and new cost, in one transaction. An
 * event changed by someone else since it was read is left alone (its old values must still match).
 */
export function saveRerating(store: Store, runId: string, changes: RerateChange[]): number {
  const now = new Date().toISOString();
  const texts = new DictionaryTexts();
  return store.sqlite.transaction(() => {
    let saved = 0;
    for (const c of changes) {
      const o = c.outcome;
      const res = store.db
        .update(usageEvents)
        .set(ratingColumns(o, now, texts))
        .where(and(eq(usageEvents.id, c.eventId), eq(usageEvents.status, c.old.status), c.old.cost === null ? sql`${usageEvents.cost} is null` : eq(usageEvents.cost, c.old.cost)))
        .run();
      if (res.changes === 0) continue;
      saved += 1;
      store.db
        .insert(rerateLog)
        .values({
          runId,
          eventId: c.eventId,
          accountId: c.accountId,
          period: c.period,
          oldStatus: c.old.status,
          newStatus: o.status,
          oldCost: c.old.cost,
          newCost: o.status === 'rated' ? o.cost : null,
          oldTariffVersionId: c.old.tariffVersionId,
          newTariffVersionId: o.status === 'rated' ? o.tariffVersionId : null,
          createdAt: now,
        })
        .run();
    }
    saveDictionaryTexts(store, texts.drain());
    return saved;
  })();
}

/** The logged price changes of an event, oldest first (to explain a correction note). */
export function rerateHistory(store: Store, eventId: number) {
  return store.db.select().from(rerateLog).where(eq(rerateLog.eventId, eventId)).orderBy(rerateLog.id).all();
}

/** The account a line (MSISDN without +) belongs to, or undefined. */
export function accountOfLine(store: Store, msisdn: string): string | undefined {
  return store.db.select({ accountId: subscriptions.accountId }).from(subscriptions).where(eq(subscriptions.msisdn, msisdn)).get()?.accountId;
}

/** An event's rated cost now (null when unrated). */
export function eventCost(store: Store, eventId: number): string | null {
  return store.db.select({ cost: usageEvents.cost }).from(usageEvents).where(eq(usageEvents.id, eventId)).get()?.cost ?? null;
}
