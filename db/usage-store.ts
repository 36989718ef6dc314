import { and, asc, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { RatingOutcome } from '../tools/rating/rate-event.ts';
import type { Direction, UsageRecord, UsageStatus } from '../tools/cdr/usage-record.types.ts';
import { callCategorySchema } from '../tools/classify/classification.types.ts';
import type { Classification } from '../tools/classify/classification.types.ts';
import { expandBreakdown, readCompactBreakdown } from '../tools/rating/compact-breakdown.ts';
import { tariffPlanSchema } from '../tools/rating/tariff.types.ts';
import { inBatch } from './batch-events.ts';
import type { Store } from './open-database.ts';
import { tariffVersions, usageEvents } from './schema.ts';
import { DictionaryTexts, saveDictionaryTexts } from './usage-dictionary.ts';
import { decodeEventRow, encodeBreakdown, type EventRow } from './usage-row.ts';

export type { EventRow } from './usage-row.ts';

// drizzle's update().set() takes SQL, not bare placeholders.
const ph = (name: string): SQL => sql`${sql.placeholder(name)}`;

/** The public shape of a usage event (CLI `usage list`, API, agent tools). */
export function toUsageView(r: EventRow) {
  return {
    id: r.id,
    sourceId: r.sourceId,
    batchId: r.batchId,
    lineNo: r.lineNo,
    service: r.service,
    direction: r.direction,
    directionRule: r.directionRule,
    subscriber: r.subscriber,
    otherParty: r.otherParty,
    destination: r.destination,
    category: r.category,
    roaming: r.roaming,
    startTime: new Date(r.startTime).toISOString(),
    answerTime: r.answerTime === null ? null : new Date(r.answerTime).toISOString(),
    usage: r.usage,
    disposition: r.disposition,
    status: r.status,
    cost: r.cost,
    currency: r.currency,
    tariffVersionId: r.tariffVersionId,
    ratingError: r.ratingErrorCode ? { code: r.ratingErrorCode, message: r.ratingError } : null,
    classificationReason: r.classificationReason,
  };
}
export type UsageView = ReturnType<typeof toUsageView>;

/** Lists usage events, newest first, optionally filtered by status, batch or direction. */
export function listUsageEvents(store: Store, filter: { limit?: number; status?: UsageStatus; batchId?: number; direction?: Direction } = {}): UsageView[] {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(usageEvents.status, filter.status));
  if (filter.direction) where.push(eq(usageEvents.direction, filter.direction));
  if (filter.batchId !== undefined) where.push(inBatch(store, filter.batchId));
  return store.db
    .select()
    .from(usageEvents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(usageEvents.id))
    .limit(filter.limit ?? 50)
    .all()
    .map((r) => toUsageView(decodeEventRow(store, r)));
}

/** One event with its full rating breakdown (expanded against its tariff version), for explanations down to the tariff row. */
export function getUsageEvent(store: Store, id: number) {
  const stored = store.db.select().from(usageEvents).where(eq(usageEvents.id, id)).get();
  if (!stored) return undefined;
  const row = decodeEventRow(store, stored);
  let ratingBreakdown: unknown = row.ratingBreakdown ? JSON.parse(row.ratingBreakdown) : null;
  if (ratingBreakdown && (ratingBreakdown as { v?: number }).v === 1 && row.tariffVersionId !== null) {
    const version = store.db.select().from(tariffVersions).where(eq(tariffVersions.id, row.tariffVersionId)).get();
    if (version) ratingBreakdown = expandBreakdown(readCompactBreakdown(ratingBreakdown), tariffPlanSchema.parse(JSON.parse(version.planJson)));
  }
  return { ...toUsageView(row), attributes: JSON.parse(row.attributes) as Record<string, string>, ratingBreakdown };
}

/** Rebuilds the parsed record and classification of a stored event (for rating it later). */
export function toRecordAndClassification(r: EventRow): { record: UsageRecord; classification: Classification } {
  return {
    record: {
      sourceId: r.sourceId,
      service: r.service as UsageRecord['service'],
      direction: r.direction as UsageRecord['direction'],
      ...(r.directionRule === null ? {} : { directionRule: r.directionRule }),
      subscriber: r.subscriber,
      otherParty: r.otherParty,
      imsi: r.imsi,
      servingNetwork: r.servingNetwork,
      visitedCountry: r.visitedCountry,
      startTime: r.startTime,
      answerTime: r.answerTime,
      endTime: r.endTime,
      duration: r.durationMs,
      usage: r.usage,
      disposition: r.disposition as UsageRecord['disposition'],
      attributes: JSON.parse(r.attributes),
    },
    classification: {
      category: r.category as Classification['category'],
      roaming: r.roaming as Classification['roaming'],
      destination: r.destination,
      destinationCountry: r.destinationCountry,
      reason: r.classificationReason,
    },
  };
}

/** Unrated events in id order, a page at a time (keyset pagination: stable while pages are updated). */
export function* iterateUnratedEvents(store: Store, pageSize = 5000): Generator<EventRow[]> {
  let after = 0;
  for (;;) {
    const page = store.db
      .select()
      .from(usageEvents)
      .where(and(eq(usageEvents.status, 'unrated'), gt(usageEvents.id, after)))
      .orderBy(asc(usageEvents.id))
      .limit(pageSize)
      .all();
    if (page.length === 0) return;
    yield page.map((r) => decodeEventRow(store, r));
    after = page[page.length - 1]!.id;
  }
}

/**
 * The rating columns of an event for an outcome: cost and breakdown when rated, the error when not.
 * The breakdown's template is named in `texts`; the caller stores them (saveDictionaryTexts) in the
 * same transaction as the row.
 */
export function ratingColumns(o: RatingOutcome, now: string, texts: DictionaryTexts) {
  const breakdown = o.status === 'rated' ? encodeBreakdown(o.breakdown, texts) : null;
  return {
    status: o.status,
    cost: o.status === 'rated' ? o.cost : null,
    currency: o.status === 'rated' ? o.currency : null,
    tariffVersionId: o.status === 'rated' ? o.tariffVersionId : null,
    ratingTemplate: breakdown ? breakdown.ratingTemplate : null,
    ratingBreakdown: breakdown ? breakdown.ratingBreakdown : null,
    ratingErrorCode: o.status === 'rating_failed' ? o.code : null,
    ratingError: o.status === 'rating_failed' ? o.message : null,
    ratedAt: o.status === 'rated' ? Date.parse(now) : null,
  };
}

/**
 * Stores rating outcomes in one transaction. Only events still unrated are touched, so two rating
 * runs racing (or a re-run) never price an event twice. Returns, outcome by outcome, whether this
 * call stored it (false: another run rated that event first).
 */
export function saveRatings(store: Store, outcomes: Array<{ id: number; outcome: RatingOutcome }>): boolean[] {
  const update = store.db
    .update(usageEvents)
    .set({
      status: ph('status'),
      cost: ph('cost'),
      currency: ph('currency'),
      tariffVersionId: ph('tariffVersionId'),
      ratingTemplate: ph('ratingTemplate'),
      ratingBreakdown: ph('ratingBreakdown'),
      ratingErrorCode: ph('ratingErrorCode'),
      ratingError: ph('ratingError'),
      ratedAt: ph('ratedAt'),
    })
    .where(and(eq(usageEvents.id, sql.placeholder('id')), eq(usageEvents.status, 'unrated')))
    .prepare();
  const now = new Date().toISOString();
  const texts = new DictionaryTexts();
  return store.sqlite.transaction(() => {
    const saved = outcomes.map(({ id, outcome }) => update.run({ id, ...ratingColumns(outcome, now, texts) }).changes === 1);
    saveDictionaryTexts(store, texts.drain());
    return saved;
  })();
}

/** Totals for the summary: events by status, by category, and rated cost per currency (summed exactly in SQL-free code by the caller). */
export function usageCounts(store: Store) {
  const byStatus = store.db.select({ status: usageEvents.status, n: sql<number>`count(*)` }).from(usageEvents).groupBy(usageEvents.status).all();
  const byCategory = store.db
    .select({ category: usageEvents.category, service: usageEvents.service, n: sql<number>`count(*)` })
    .from(usageEvents)
    .groupBy(usageEvents.category, usageEvents.service)
    .all();
  const byRoaming = store.db.select({ roaming: usageEvents.roaming, n: sql<number>`count(*)` }).from(usageEvents).groupBy(usageEvents.roaming).all();
  return { byStatus, byCategory, byRoaming };
}

/** Rated costs, streamed for exact summation in tools/ (SQL SUM on text would go through floats). */
export function* iterateRatedCosts(store: Store, pageSize = 20_000): Generator<Array<{ id: number; category: string; cost: string; currency: string }>> {
  let after = 0;
  for (;;) {
    const page = store.db
      .select({ id: usageEvents.id, category: usageEvents.category, cost: usageEvents.cost, currency: usageEvents.currency })
      .from(usageEvents)
      .where(and(eq(usageEvents.status, 'rated'), gt(usageEvents.id, after)))
      .orderBy(asc(usageEvents.id))
      .limit(pageSize)
      .all();
    if (page.length === 0) return;
    yield page.map((p) => ({ id: p.id, category: p.category, cost: p.cost ?? '0', currency: p.currency ?? '' }));
    after = page[page.length - 1]!.id;
  }
}

/** The id of the event stored under an idempotency key, if any. */
export function findEventIdByKey(store: Store, idemKey: string): number | undefined {
  return store.db.select({ id: usageEvents.id }).from(usageEvents).where(eq(usageEvents.idemKey, idemKey)).get()?.id;
}

/** The stored row of one event, for re-reading it as a record (classification, re-rating). */
export function getUsageEventRow(store: Store, id: number): EventRow | undefined {
  const row = store.db.select().from(usageEvents).where(eq(usageEvents.id, id)).get();
  return row ? decodeEventRow(store, row) : undefined;
}

/** Gives an event of the tenant another category and marks it unrated, so re-rating prices it again. */
export function setEventCategory(store: Store, tenant: string, eventId: number, category: string, reason: string): void {
  store.db
    .update(usageEvents)
    .set({ category: callCategorySchema.parse(category), classificationReason: reason, status: 'unrated' })
    .where(and(eq(usageEvents.id, eventId), eq(usageEvents.tenant, tenant)))
    .run();
}
