import { and, eq } from 'drizzle-orm';
import { BillingError } from '../tools/errors.ts';
import { getAccountBundle, type AccountBundle } from './account-store.ts';
import { accounts } from './billing-schema.ts';
import { getInvoice, type StoredInvoice } from './invoice-store.ts';
import type { Store } from './open-database.ts';
import { usageEvents } from './schema.ts';
import { getUsageEvent } from './usage-store.ts';

/** True when the account exists and belongs to the tenant. */
function accountInTenant(store: Store, tenant: string, accountId: string): boolean {
  return Boolean(store.db.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.id, accountId), eq(accounts.tenant, tenant))).get());
}

/** An account of the tenant; another tenant's account is NOT_FOUND, exactly like a missing one. */
export function tenantAccount(store: Store, tenant: string, accountId: string): AccountBundle {
  if (!accountInTenant(store, tenant, accountId)) throw new BillingError('NOT_FOUND', `no account ${accountId}`);
  return getAccountBundle(store, accountId);
}

/** An invoice (by number, or id for held ones) of one of the tenant's accounts; NOT_FOUND otherwise. */
export function tenantInvoice(store: Store, tenant: string, ref: string): StoredInvoice {
  let inv: StoredInvoice;
  try {
    inv = getInvoice(store, ref);
  } catch (err) {
    if (err instanceof BillingError && err.code === 'NOT_FOUND') throw new BillingError('NOT_FOUND', `no invoice ${ref}`);
    throw err;
  }
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
