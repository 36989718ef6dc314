import { BillingError } from '../tools/errors.ts';
import type { AccountBundle } from './account-store.ts';
import type { StoredInvoice } from './invoice-store.ts';
import type { Store } from './open-database.ts';
import { listTenantInvoices, tenantAccount, tenantInvoice } from './tenant-scope.ts';

/**
 * The readers of one tenant's data, bound to it when an operation's context is built, so a
 * handler cannot forget the tenant. For a customer (`accountId` set) every reader is narrowed to
 * that one account: anything else is NOT_FOUND, exactly like a missing id.
 */
export interface TenantScope {
  /** The store the readers read; area readers in other files take the scope, never a tenant string. */
  store: Store;
  tenant: string;
  /** The customer's account when the actor is a customer. */
  accountId: string | undefined;
  account(accountId: string): AccountBundle;
  invoice(ref: string): StoredInvoice;
  invoices(filter?: Omit<Parameters<typeof listTenantInvoices>[2] & object, never>): ReturnType<typeof listTenantInvoices>;
}

/** Binds the tenant's readers (and, for a customer, their account) into a TenantScope. */
export function tenantScope(store: Store, tenant: string, accountId?: string): TenantScope {
  const own = (id: string, what: string) => {
    if (accountId !== undefined && id !== accountId) throw new BillingError('NOT_FOUND', what);
  };
  return {
    store,
    tenant,
    accountId,
    account(id) {
      own(id, `no account ${id}`);
      return tenantAccount(store, tenant, id);
    },
    invoice(ref) {
      const inv = tenantInvoice(store, tenant, ref);
      own(inv.accountId, `no invoice ${ref}`);
      return inv;
    },
    invoices(filter = {}) {
      if (accountId !== undefined && filter.accountId !== undefined && filter.accountId !== accountId) return [];
      return listTenantInvoices(store, tenant, accountId === undefined ? filter : { ...filter, accountId });
    },
  };
}
