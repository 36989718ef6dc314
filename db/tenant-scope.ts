import type { UsageStatus } from '../tools/cdr/usage-record.types.ts';
import { and, between, count, desc, eq, gte } from 'drizzle-orm';
import { BillingError } from '../tools/errors.ts';
import { isWithinBounds } from '../tools/money/index.ts';
import type { InvoiceKind, InvoiceStatus } from '../tools/invoice/invoice.types.ts';
import { getAccountBundle, type AccountBundle } from './account-store.ts';
import { accounts, invoices } from './billing-schema.ts';
import { getInvoice, type StoredInvoice } from './invoice-store.ts';
import type { Store } from './open-database.ts';
import { decodeAttributes } from './usage-row.ts';
import { usageEvents } from './schema.ts';
import { getUsageEvent } from './usage-store.ts';
import { countQuarantine, listQuarantine } from './quarantine-store.ts';
import { getOperatorSettings } from './settings-store.ts';

/** True when the account exists and belongs to the tenant. */
function accountInTenant(store: Store, tenant: string, accountId: string): boolean {
  return Boolean(
    store.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.id, accountId), eq(accounts.tenant, tenant)))
      .get(),
  );
}

/** The tenant an account belongs to (for operator commands that are not scoped to one user); null when there is no such account. */
export function accountTenant(store: Store, accountId: string): string | null {
  return store.db.select({ tenant: accounts.tenant }).from(accounts).where(eq(accounts.id, accountId)).get()?.tenant ?? null;
}

/** An account of the tenant; another tenant's account is NOT_FOUND, exactly like a missing one. */
export function tenantAccount(store: Store, tenant: string, accountId: string): AccountBundle {
  if (!accountInTenant(store, tenant, accountId)) throw new BillingError('NOT_FOUND', `no account ${accountId}`);
  return getAccountBundle(store, accountId);
}

/** An invoice (by number, or id for held ones) of one of the tenant's accounts; NOT_FOUND otherwise. */
export function tenantInvoice(store: Store, tenant: string, ref: string): StoredInvoice {
  // getInvoice's own NOT_FOUND says the same words, so a missing and a foreign invoice look alike.
  const inv = getInvoice(store, ref);
  if (!accountInTenant(store, tenant, inv.accountId)) throw new BillingError('NOT_FOUND', `no invoice ${ref}`);
  return inv;
}

/** A usage event of the tenant with its rating breakdown; NOT_FOUND otherwise. */
export function tenantEvent(store: Store, tenant: string, id: number): NonNullable<ReturnType<typeof getUsageEvent>> & { tenant: string } {
  const row = store.db.select({ tenant: usageEvents.tenant }).from(usageEvents).where(eq(usageEvents.id, id)).get();
  const event = row && row.tenant === tenant ? getUsageEvent(store, id) : undefined;
  if (!event) throw new BillingError('NOT_FOUND', `no usage event ${id}`);
  return { ...event, tenant };
}

/**
 * The tenant's invoices and notes, newest first, optionally of one account, period, status or
 * total range (inclusive bounds, compared as exact decimals after the query, before the limit).
 */
export function listTenantInvoices(
  store: Store,
  tenant: string,
  filter: {
    accountId?: string;
    /** Accounts whose id is between these (inclusive): a shard of a cycle. */
    accountRange?: { first: string; last: string };
    period?: string;
    /** Issued at or after this instant (ISO). */
    issuedSince?: string;
    status?: InvoiceStatus;
    kind?: InvoiceKind;
    minTotal?: string;
    maxTotal?: string;
    limit?: number;
  } = {},
) {
  const where = [eq(accounts.tenant, tenant)];
  if (filter.accountId) where.push(eq(invoices.accountId, filter.accountId));
  if (filter.accountRange) where.push(between(invoices.accountId, filter.accountRange.first, filter.accountRange.last));
  if (filter.period) where.push(eq(invoices.period, filter.period));
  if (filter.issuedSince) where.push(gte(invoices.issuedAt, new Date(filter.issuedSince).toISOString()));
  if (filter.status) where.push(eq(invoices.status, filter.status));
  if (filter.kind) where.push(eq(invoices.kind, filter.kind));
  const bounded = filter.minTotal !== undefined || filter.maxTotal !== undefined;
  const limit = filter.limit ?? 50;
  const query = store.db
    .select({
      id: invoices.id,
      accountId: invoices.accountId,
      period: invoices.period,
      kind: invoices.kind,
      number: invoices.number,
      status: invoices.status,
      currency: invoices.currency,
      total: invoices.total,
    })
    .from(invoices)
    .innerJoin(accounts, eq(accounts.id, invoices.accountId))
    .where(and(...where))
    .orderBy(desc(invoices.id));
  // Totals are decimal text: SQLite would compare them as floats or as strings, so bounds are
  // checked exactly here, over every row the other filters let through.
  if (!bounded) return query.limit(limit).all();
  return query
    .all()
    .filter((r) => isWithinBounds(r.total, { min: filter.minTotal, max: filter.maxTotal }))
    .slice(0, limit);
}

/** The tenant's usage events of a status (e.g. unclassified), newest first. */
export function listTenantEvents(store: Store, tenant: string, filter: { status: UsageStatus; limit?: number }) {
  return store.db
    .select()
    .from(usageEvents)
    .where(and(eq(usageEvents.tenant, tenant), eq(usageEvents.status, filter.status)))
    .orderBy(desc(usageEvents.id))
    .limit(filter.limit ?? 20)
    .all()
    .map((r) => ({
      id: r.id,
      subscriber: r.subscriber,
      otherParty: r.otherParty,
      service: r.service,
      startTime: new Date(r.startTime).toISOString(),
      category: r.category,
      reason: r.classificationReason,
      attributes: decodeAttributes(store, r),
    }));
}

/** How many of the tenant's events have a status (all of them, not a page). */
export function countTenantEvents(store: Store, tenant: string, status: UsageStatus): number {
  return (
    store.db
      .select({ n: count() })
      .from(usageEvents)
      .where(and(eq(usageEvents.tenant, tenant), eq(usageEvents.status, status)))
      .get()?.n ?? 0
  );
}

/** How many quarantined records are open for the tenant (the operator's own; none for another tenant). */
export function countTenantQuarantine(store: Store, tenant: string): number {
  return getOperatorSettings(store).tenant === tenant ? countQuarantine(store, { status: 'open' }) : 0;
}

/**
 * Open quarantined records. Raw lines carry no tenant of their own: they belong to the operator
 * whose ingestion read them, so only that operator's users see them.
 */
export function listTenantQuarantine(store: Store, tenant: string, limit = 20) {
  if (getOperatorSettings(store).tenant !== tenant) return [];
  return listQuarantine(store, { status: 'open', limit }).map((q) => ({ id: q.id, batchId: q.batchId, lineNo: q.lineNo, reason: q.reason, message: q.message, raw: q.raw }));
}
