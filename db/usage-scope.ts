import type { Direction, UsageStatus } from '../tools/cdr/usage-record.types.ts';
import type { CallCategory } from '../tools/classify/classification.types.ts';
import { and, count, desc, eq, gte, inArray, lt, max, ne, or, sql, type SQL } from 'drizzle-orm';
import { BillingError } from '../tools/errors.ts';
import { startOfLocalDate } from '../tools/time/index.ts';
import { accounts, subscriptions } from './billing-schema.ts';
import { inBatch } from './batch-events.ts';
import type { Store } from './open-database.ts';
import type { TenantScope } from './scope.ts';
import { usageEvents } from './schema.ts';
import { getOperatorSettings } from './settings-store.ts';
import { getUsageEvent, toUsageView, type UsageView } from './usage-store.ts';
import { decodeEventRow } from './usage-row.ts';

/** What a usage listing can be narrowed by; times are epoch milliseconds, `before` a keyset position (an event id). */
export interface UsageFilter {
  status?: UsageStatus;
  category?: CallCategory;
  direction?: Direction;
  subscriber?: string;
  /** The events of one account's lines (as billing attributes them). */
  accountId?: string;
  batchId?: number;
  fromMs?: number;
  toMs?: number;
  /** Only events with an id below this (the page after the one that ended there). */
  before?: number;
  limit: number;
}

/**
 * The usage of one account: events of its lines' numbers (as the switch writes them, with or
 * without "+") inside each line's dates in the operator's time zone, never transit records (the
 * same attribution billing makes, narrowed to the line's life so a reused number's earlier owner
 * stays private). False when the account has no lines.
 */
function accountUsage(store: Store, accountId: string): SQL | false {
  const lines = store.db
    .select({ msisdn: subscriptions.msisdn, startDate: subscriptions.startDate, endDate: subscriptions.endDate })
    .from(subscriptions)
    .where(eq(subscriptions.accountId, accountId))
    .all();
  if (lines.length === 0) return false;
  const tz = getOperatorSettings(store).timezone;
  const each = lines.map((l) => {
    const within = [inArray(usageEvents.subscriber, [l.msisdn, `+${l.msisdn}`]), gte(usageEvents.startTime, startOfLocalDate(l.startDate, tz))];
    // endDate is the day after the last day of service.
    if (l.endDate) within.push(lt(usageEvents.startTime, startOfLocalDate(l.endDate, tz)));
    return and(...within)!;
  });
  return and(ne(usageEvents.direction, 'transit'), or(...each))!;
}

function scopeWhere(scope: TenantScope): SQL[] | false {
  const where: SQL[] = [eq(usageEvents.tenant, scope.tenant)];
  if (scope.accountId !== undefined) {
    const own = accountUsage(scope.store, scope.accountId);
    if (own === false) return false;
    where.push(own);
  }
  return where;
}

/**
 * The scope's usage events, newest first, a page at a time: one more than the limit is read so
 * the caller knows whether another page follows (keyset on the id, stable while events arrive).
 */
export function listScopedUsage(scope: TenantScope, filter: UsageFilter): { events: UsageView[]; more: boolean } {
  const where = scopeWhere(scope);
  if (where === false) return { events: [], more: false };
  if (filter.status) where.push(eq(usageEvents.status, filter.status));
  if (filter.category) where.push(eq(usageEvents.category, filter.category));
  if (filter.direction) where.push(eq(usageEvents.direction, filter.direction));
  if (filter.subscriber) where.push(inArray(usageEvents.subscriber, [filter.subscriber, filter.subscriber.startsWith('+') ? filter.subscriber.slice(1) : `+${filter.subscriber}`]));
  if (filter.accountId !== undefined) {
    const own = accountUsage(scope.store, filter.accountId);
    if (own === false) return { events: [], more: false };
    where.push(own);
  }
  if (filter.batchId !== undefined) where.push(inBatch(scope.store, filter.batchId));
  if (filter.fromMs !== undefined) where.push(gte(usageEvents.startTime, filter.fromMs));
  if (filter.toMs !== undefined) where.push(lt(usageEvents.startTime, filter.toMs));
  if (filter.before !== undefined) where.push(lt(usageEvents.id, filter.before));
  const rows = scope.store.db
    .select()
    .from(usageEvents)
    .where(and(...where))
    .orderBy(desc(usageEvents.id))
    .limit(filter.limit + 1)
    .all();
  return { events: rows.slice(0, filter.limit).map((r) => toUsageView(decodeEventRow(scope.store, r))), more: rows.length > filter.limit };
}

/** One usage event of the scope with its expanded rating breakdown; NOT_FOUND for another tenant's or (for a customer) another account's. */
export function scopedUsageEvent(scope: TenantScope, id: number): NonNullable<ReturnType<typeof getUsageEvent>> {
  const where = scopeWhere(scope);
  const found =
    where !== false &&
    scope.store.db
      .select({ id: usageEvents.id })
      .from(usageEvents)
      .where(and(eq(usageEvents.id, id), ...where))
      .get();
  const event = found ? getUsageEvent(scope.store, id) : undefined;
  if (!event) throw new BillingError('NOT_FOUND', `no usage event ${id}`);
  return event;
}

/** One group of a usage summary: events of a time bucket, service, category and status priced at one cost. */
export interface UsageFigureRow {
  /** Index of the bucket: events at or after bounds[bucket] and before bounds[bucket + 1]. */
  bucket: number;
  service: string;
  category: string;
  status: string;
  currency: string | null;
  /** The events' cost as stored (exact decimal text), null when not rated. */
  cost: string | null;
  events: number;
  /** Sum of the events' usage as exact integer text (milliseconds, messages or bytes). */
  usage: string;
}

/**
 * The scope's usage grouped by time bucket (bounds are increasing epoch milliseconds), service,
 * category, status and the exact cost text. Costs are never summed here: SQL sums of TEXT money are
 * floats, so each distinct cost comes back with its count for tools/ to multiply and add exactly.
 */
export function scopedUsageFigures(scope: TenantScope, bounds: readonly number[]): UsageFigureRow[] {
  const where = scopeWhere(scope);
  if (where === false || bounds.length < 2) return [];
  where.push(gte(usageEvents.startTime, bounds[0]!), lt(usageEvents.startTime, bounds[bounds.length - 1]!));
  // The bounds and bucket numbers are written into the SQL as integer literals, not parameters: the
  // CASE is repeated in GROUP BY, and PostgreSQL only matches a grouped expression to the selected one
  // when they are textually the same (two parameter lists never are); a parameter's type is also unknown there.
  const int = (n: number) => {
    if (!Number.isSafeInteger(n)) throw new TypeError(`usage bucket bound ${n} is not an integer`);
    return sql.raw(String(n));
  };
  const cases = bounds.slice(1, -1).map((b, i) => sql`WHEN ${usageEvents.startTime} < ${int(b)} THEN ${int(i)}`);
  // One bucket needs no CASE (and a bare 0 in GROUP BY would name a column).
  const bucket = cases.length === 0 ? sql<number>`0` : sql<number>`CASE ${sql.join(cases, sql` `)} ELSE ${int(bounds.length - 2)} END`;
  return scope.store.db
    .select({
      bucket,
      service: usageEvents.service,
      category: usageEvents.category,
      status: usageEvents.status,
      currency: usageEvents.currency,
      cost: usageEvents.cost,
      events: count(),
      // Integer sums are exact in SQLite; as text they stay exact however large.
      usage: sql<string>`CAST(sum(${usageEvents.usage}) AS TEXT)`,
    })
    .from(usageEvents)
    .where(and(...where))
    .groupBy(...(cases.length === 0 ? [] : [bucket]), usageEvents.service, usageEvents.category, usageEvents.status, usageEvents.currency, usageEvents.cost)
    .all()
    .map((r) => ({ ...r, bucket: Number(r.bucket) }));
}

/** The start time (epoch ms) of the scope's latest usage event, or null when it has none. */
export function latestScopedUsageStart(scope: TenantScope): number | null {
  const where = scopeWhere(scope);
  if (where === false) return null;
  const row = scope.store.db
    .select({ at: max(usageEvents.startTime) })
    .from(usageEvents)
    .where(and(...where))
    .get();
  return row?.at ?? null;
}

/** The tenant's account whose line had this number at this time (the attribution billing makes), or null. */
export function lineOwnerAt(scope: TenantScope, subscriber: string, startMs: number): string | null {
  const msisdn = subscriber.startsWith('+') ? subscriber.slice(1) : subscriber;
  const tz = getOperatorSettings(scope.store).timezone;
  const lines = scope.store.db
    .select({ accountId: subscriptions.accountId, startDate: subscriptions.startDate, endDate: subscriptions.endDate })
    .from(subscriptions)
    .innerJoin(accounts, eq(accounts.id, subscriptions.accountId))
    .where(and(eq(accounts.tenant, scope.tenant), inArray(subscriptions.msisdn, [msisdn, `+${msisdn}`])))
    .all();
  const owner = lines.find((l) => startMs >= startOfLocalDate(l.startDate, tz) && (l.endDate === null || startMs < startOfLocalDate(l.endDate, tz)));
  return owner?.accountId ?? null;
}
