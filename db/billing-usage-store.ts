import { and, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import { tariffRowsOf, type ChargeableEvent } from '../tools/charging/index.ts';
import type { CallCategory, Roaming } from '../tools/classify/classification.types.ts';
import type { Direction, Service } from '../tools/cdr/usage-record.types.ts';
import { expandBreakdown, type CompactBreakdown } from '../tools/rating/compact-breakdown.ts';
import { tariffPlanSchema, type RatedCost, type TariffPlan } from '../tools/rating/tariff.types.ts';
import type { Store } from './open-database.ts';
import { tariffVersions, usageEvents } from './schema.ts';
import { decodeBreakdown, decodeEventRow } from './usage-row.ts';

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

// Transit records name a calling number that is not ours as their subscriber: never a line's usage.
const NOT_TRANSIT = ne(usageEvents.direction, 'transit');

const EVENT_COLUMNS = {
  id: usageEvents.id,
  subscriber: usageEvents.subscriber,
  service: usageEvents.service,
  direction: usageEvents.direction,
  category: usageEvents.category,
  roaming: usageEvents.roaming,
  startTime: usageEvents.startTime,
  answerTime: usageEvents.answerTime,
  usage: usageEvents.usage,
  status: usageEvents.status,
  cost: usageEvents.cost,
  tariffVersionId: usageEvents.tariffVersionId,
  ratingTemplate: usageEvents.ratingTemplate,
  ratingBreakdown: usageEvents.ratingBreakdown,
};

function eventsQuery(store: Store, numbers: string[], fromMs: number, toMs: number) {
  return store.db
    .select(EVENT_COLUMNS)
    .from(usageEvents)
    .where(and(inArray(usageEvents.subscriber, numbers), gte(usageEvents.startTime, fromMs), lt(usageEvents.startTime, toMs), NOT_TRANSIT));
}

const prepared = new WeakMap<Store, ReturnType<typeof prepareOneLine>>();
function prepareOneLine(store: Store) {
  return store.db
    .select(EVENT_COLUMNS)
    .from(usageEvents)
    .where(
      and(
        inArray(usageEvents.subscriber, [sql.placeholder('a'), sql.placeholder('b')]),
        gte(usageEvents.startTime, sql.placeholder('from')),
        lt(usageEvents.startTime, sql.placeholder('to')),
        NOT_TRANSIT,
      ),
    )
    .prepare();
}
function oneLineQuery(store: Store) {
  let q = prepared.get(store);
  if (!q) prepared.set(store, (q = prepareOneLine(store)));
  return q;
}

/**
 * A stored event as charging sees it. Expanding a breakdown needs its tariff version and costs
 * time; only calls an allowance covers in part read it, so it is expanded on first use (a getter on
 * the class, which keeps these objects fast for V8).
 */
class StoredEvent implements ChargeableEvent {
  #expanded: RatedCost | null | undefined;
  constructor(
    readonly id: number,
    readonly subscriber: string,
    readonly service: Service,
    readonly direction: Direction,
    readonly category: CallCategory,
    readonly roaming: Roaming,
    readonly startTime: number,
    readonly answerTime: number | null,
    readonly usage: number,
    readonly cost: string,
    readonly tariffVersionId: number | null,
    readonly tariffRows: string[],
    private readonly compact: CompactBreakdown | null,
    private readonly planFor: () => TariffPlan | null,
  ) {}

  get breakdown(): RatedCost | null {
    if (this.#expanded === undefined) {
      const plan = this.compact ? this.planFor() : null;
      this.#expanded = this.compact && plan ? expandBreakdown(this.compact, plan) : null;
    }
    return this.#expanded;
  }
}

/**
 * The usage of some numbers in [fromMs, toMs): rated events with their full breakdowns (for
 * allowance splits and provenance), and how many events there are not rated (unclassified,
 * unrated, failed), which keep an invoice from being issued unseen.
 */
export function loadChargeableEvents(store: Store, msisdns: string[], fromMs: number, toMs: number, cache: TariffPlanCache = new Map()): { events: ChargeableEvent[]; notRated: number } {
  if (msisdns.length === 0) return { events: [], notRated: 0 };
  const numbers = msisdns.flatMap((m) => [m, `+${m}`]);
  // One line (the common case) runs a statement prepared once per store: drizzle builds SQL on every call otherwise.
  const rows = numbers.length === 2 ? oneLineQuery(store).all({ a: numbers[0], b: numbers[1], from: fromMs, to: toMs }) : eventsQuery(store, numbers, fromMs, toMs).all();
  const events: ChargeableEvent[] = [];
  let notRated = 0;
  for (const r of rows) {
    if (r.status !== 'rated' || r.cost === null) {
      notRated += 1;
      continue;
    }
    const stored = decodeBreakdown(store, r);
    const compact = stored && 'v' in stored && r.tariffVersionId !== null ? stored : null;
    const event = new StoredEvent(
      r.id,
      r.subscriber,
      r.service as Service,
      r.direction as Direction,
      r.category as CallCategory,
      r.roaming as Roaming,
      r.startTime,
      r.answerTime,
      r.usage,
      r.cost,
      r.tariffVersionId,
      // compact span: [start, offset, usage, ratingPlanId, timingId, destinationRateId, rateId, slot, …]
      compact
        ? tariffRowsOf(
            compact.s.map((s) => ({ ratingPlanId: s[3], destinationRateId: s[5], rateId: s[6], slot: s[7] })),
            r.tariffVersionId,
          )
        : [],
      compact,
      () => (r.tariffVersionId !== null ? planOf(store, cache, r.tariffVersionId) : null),
    );
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
    .where(and(inArray(usageEvents.subscriber, numbers), gte(usageEvents.startTime, fromMs), lt(usageEvents.startTime, toMs), NOT_TRANSIT))
    .all()
    .filter((r) => r.status !== 'unclassified')
    .map((r) => decodeEventRow(store, r));
}
