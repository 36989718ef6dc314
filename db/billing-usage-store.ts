import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { tariffRowsOf, type ChargeableEvent } from '../tools/charging/index.ts';
import type { CallCategory, Roaming } from '../tools/classify/classification.types.ts';
import type { Direction, Service } from '../tools/cdr/usage-record.types.ts';
import { expandBreakdown, type CompactBreakdown } from '../tools/rating/compact-breakdown.ts';
import { tariffPlanSchema, type RatedCost, type TariffPlan } from '../tools/rating/tariff.types.ts';
import type { Store } from './open-database.ts';
import { tariffVersions, usageEvents } from './schema.ts';

/** Plans of tariff versions, parsed once per bill run. */
export type TariffPlanCache = Map<number, TariffPlan>;

function planOf(store: Store, cache: TariffPlanCache, id: number): TariffPlan | null {
  let plan = cache.get(id);
  if (!plan) {
    const row = store.db.select({ planJson: tariffVersions.planJson }).from(tariffVersions).where(eq(tariffVersions.id, id)).get();
    if (!row) return null;
    plan = tariffPlanSchema.parse(JSON.parse(row.planJson));
    cache.set(id, plan);
  }
  return plan;
}

/**
 * The usage of some numbers in [fromMs, toMs): rated events with their full breakdowns (for
 * allowance splits and provenance), and how many events there are not rated (unclassified,
 * unrated, failed), which keep an invoice from being issued unseen.
 */
export function loadChargeableEvents(store: Store, msisdns: string[], fromMs: number, toMs: number, cache: TariffPlanCache = new Map()): { events: ChargeableEvent[]; notRated: number } {
  if (msisdns.length === 0) return { events: [], notRated: 0 };
  const numbers = msisdns.flatMap((m) => [m, `+${m}`]);
  const rows = store.db
    .select({
      id: usageEvents.id, subscriber: usageEvents.subscriber, service: usageEvents.service, direction: usageEvents.direction,
      category: usageEvents.category, roaming: usageEvents.roaming, startTime: usageEvents.startTime, answerTime: usageEvents.answerTime,
      usage: usageEvents.usage, status: usageEvents.status, cost: usageEvents.cost, tariffVersionId: usageEvents.tariffVersionId,
      ratingBreakdown: usageEvents.ratingBreakdown,
    })
    .from(usageEvents)
    .where(and(inArray(usageEvents.subscriber, numbers), gte(usageEvents.startTime, fromMs), lt(usageEvents.startTime, toMs)))
    .all();
  const events: ChargeableEvent[] = [];
  let notRated = 0;
  for (const r of rows) {
    if (r.status !== 'rated' || r.cost === null) {
      notRated += 1;
      continue;
    }
    const stored = r.ratingBreakdown ? (JSON.parse(r.ratingBreakdown) as CompactBreakdown | { reason: string }) : null;
    const compact = stored && 'v' in stored && r.tariffVersionId !== null ? stored : null;
    const versionId = r.tariffVersionId;
    let expanded: RatedCost | null | undefined;
    const event = {
      id: r.id, subscriber: r.subscriber, service: r.service as Service, direction: r.direction as Direction,
      category: r.category as CallCategory, roaming: r.roaming as Roaming, startTime: r.startTime, answerTime: r.answerTime,
      usage: r.usage, cost: r.cost, tariffVersionId: versionId,
      // compact span: [start, offset, usage, ratingPlanId, timingId, destinationRateId, rateId, slot, …]
      tariffRows: compact ? tariffRowsOf(compact.s.map((s) => ({ ratingPlanId: s[3], destinationRateId: s[5], rateId: s[6], slot: s[7] })), versionId) : [],
    } as ChargeableEvent;
    // Expanding a breakdown needs its tariff version and costs time; only calls an allowance covers
    // in part read it, so it is expanded on first use.
    Object.defineProperty(event, 'breakdown', {
      enumerable: true,
      get() {
        if (expanded === undefined) {
          const plan = compact && versionId !== null ? planOf(store, cache, versionId) : null;
          expanded = compact && plan ? expandBreakdown(compact, plan) : null;
        }
        return expanded;
      },
    });
    events.push(event);
  }
  return { events, notRated };
}

/** Full stored rows of some numbers' usage in [fromMs, toMs), for re-rating (classified events only). */
export function usageRowsForNumbers(store: Store, msisdns: string[], fromMs: number, toMs: number) {
  if (msisdns.length === 0) return [];
  const numbers = msisdns.flatMap((m) => [m, `+${m}`]);
  return store.db
    .select()
    .from(usageEvents)
    .where(and(inArray(usageEvents.subscriber, numbers), gte(usageEvents.startTime, fromMs), lt(usageEvents.startTime, toMs)))
    .all()
    .filter((r) => r.status !== 'unclassified');
}
